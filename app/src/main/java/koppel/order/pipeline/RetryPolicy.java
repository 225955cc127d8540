package koppel.order.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff for transient failures: first delay, ×3 each attempt, capped at six hours;
 * after {@code maxAttempts} the order goes to the merchant.
 */
public final class RetryPolicy {

  private static final Duration CAP = Duration.ofHours(6);

  private final int maxAttempts;
  private final Duration firstDelay;
  private final Duration takeover;

  public RetryPolicy(int maxAttempts, Duration firstDelay) {
    this(maxAttempts, firstDelay, Duration.ofMinutes(2));
  }

  /**
   * @param takeover how long a document write another attempt started is left alone: after that its
   *     node is taken for dead and the order is taken over (looking Exact up first)
   */
  public RetryPolicy(int maxAttempts, Duration firstDelay, Duration takeover) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.maxAttempts = maxAttempts;
    this.firstDelay = firstDelay;
    this.takeover = takeover;
  }

  public Duration takeover() {
    return takeover;
  }

  /** True when the given number of attempts (counted so far) leaves room for another. */
  public boolean mayRetry(int attemptsSoFar) {
    return attemptsSoFar < maxAttempts;
  }

  public Instant nextAttempt(int attemptsSoFar, Instant now) {
    Duration delay = firstDelay;
    for (int i = 1; i < attemptsSoFar && delay.compareTo(CAP) < 0; i++) {
      delay = delay.multipliedBy(3);
    }
    return now.plus(delay.compareTo(CAP) > 0 ? CAP : delay);
  }

  public int maxAttempts() {
    return maxAttempts;
  }
}

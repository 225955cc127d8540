package sandbox.kmoshops;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The rate limit of contract §2: {@code requests-per-minute} (120) requests per shop in a fixed
 * window of one minute on the sandbox clock, aligned to the minute, so every shop's window ends at
 * the same second. Every response under {@code /api/v1} reports a window in {@code
 * X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (epoch seconds);
 * a 429 adds {@code Retry-After} (seconds).
 */
@Component
class RateLimit {

  static final String LIMIT = "X-RateLimit-Limit";
  static final String REMAINING = "X-RateLimit-Remaining";
  static final String RESET = "X-RateLimit-Reset";
  static final String RETRY_AFTER = "Retry-After";

  /**
   * One request's view of a window.
   *
   * @param limit requests per window
   * @param remaining requests left in this window after this one (0 when over the limit)
   * @param reset when the window ends, epoch seconds
   * @param retryAfter seconds until then when this request is over the limit, else -1
   */
  record Window(int limit, int remaining, long reset, long retryAfter) {

    boolean exceeded() {
      return retryAfter >= 0;
    }

    /** Sets (replacing any earlier value) the rate-limit headers on the response. */
    void writeTo(HttpServletResponse response) {
      response.setHeader(LIMIT, Integer.toString(limit));
      response.setHeader(REMAINING, Integer.toString(remaining));
      response.setHeader(RESET, Long.toString(reset));
      if (exceeded()) {
        response.setHeader(RETRY_AFTER, Long.toString(retryAfter));
      }
    }
  }

  private final SandboxClock clock;
  private final int limit;

  /** Shop id → {window start, requests in it}. */
  private final Map<Long, long[]> windows = new HashMap<>();

  RateLimit(SandboxClock clock, KmoShopsSandboxProperties props) {
    this.clock = clock;
    this.limit = props.requestsPerMinute();
  }

  /** Counts one request of the shop and answers its window after it. */
  Window take(long shopId) {
    long now = clock.instant().getEpochSecond();
    long start = windowStart(now);
    long count;
    synchronized (windows) {
      long[] w = windows.computeIfAbsent(shopId, k -> new long[] {start, 0});
      if (w[0] != start) {
        w[0] = start;
        w[1] = 0;
      }
      count = ++w[1];
    }
    long remaining = limit - count;
    return new Window(
        limit, (int) Math.max(remaining, 0), start + 60, remaining < 0 ? start + 60 - now : -1);
  }

  /**
   * The window of a request that belongs to no shop (no token, an unknown or revoked one, the token
   * exchange). The limit is per shop, so such a request is counted against none and uses up
   * nothing: the full limit remains, and the window is the current one, which ends for every shop
   * at the same second.
   */
  Window unattributed() {
    long now = clock.instant().getEpochSecond();
    return new Window(limit, limit, windowStart(now) + 60, -1);
  }

  /** Forgets every shop's count. */
  void reset() {
    synchronized (windows) {
      windows.clear();
    }
  }

  private static long windowStart(long epochSecond) {
    return epochSecond - Math.floorMod(epochSecond, 60);
  }
}

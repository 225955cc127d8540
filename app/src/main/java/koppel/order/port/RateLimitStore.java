package koppel.order.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A rate budget shared by every node: one row per scope (app and division), two fixed windows
 * (minute and day). Reservations happen before a call; what the remote system reports after the
 * call is the truth and corrects the row.
 */
public interface RateLimitStore {

  /**
   * Takes one call from both windows. Empty when the call may go; otherwise the moment the budget
   * is back. Windows past their reset (plus {@code margin}) start over with the known limit.
   */
  Optional<Instant> reserve(String scope, Defaults defaults, Instant now);

  /** What a response's headers said about a window; null parts were not in the response. */
  void observe(String scope, Window minute, Window day, Instant now);

  /** The budget as it stands, for tests and the operator. */
  Optional<Budget> budget(String scope);

  record Window(int limit, int remaining, Instant reset) {}

  record Budget(Window minute, Window day) {}

  /**
   * Limits to assume before the remote system has said anything; the clock-skew margin at a reset;
   * how many calls of each minute stay unused, for calls already on their way that the remote
   * system will count in the next window (and, for background work, for live orders); how many of
   * each day stay unused (for live orders, when the call is background work).
   */
  record Defaults(
      int minuteLimit, int dayLimit, Duration margin, int minuteReserve, int dayReserve) {

    public Defaults(int minuteLimit, int dayLimit, Duration margin, int minuteReserve) {
      this(minuteLimit, dayLimit, margin, minuteReserve, 0);
    }
  }
}

package koppel.connector.exact;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import koppel.order.port.BackgroundWork;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.RateLimitStore;
import koppel.order.port.SystemConnection;

/**
 * Exact's limits are per app and division (60 a minute, 5,000 a day) and shared by all Koppel
 * nodes, so the budget lives in the database. Each call reserves one unit first; when none is left
 * the call is not made and the caller gets {@link ExternalSystemException.RateLimited} with the
 * reset time, so no worker thread ever sleeps. Exact's X-RateLimit headers correct the budget after
 * every answer. Background work (an import) may not take the last {@code importMinuteReserve} calls
 * of a minute nor the last {@code importDayReserve} of a day: those are for live orders.
 */
final class ExactRateGovernor {

  private final RateLimitStore store;
  private final ExactSettings settings;
  private final Clock clock;

  ExactRateGovernor(RateLimitStore store, ExactSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  void reserve(SystemConnection c, String division) {
    // an import leaves part of every minute and day to live orders of every shop in the division
    boolean background = BackgroundWork.active();
    Optional<Instant> back =
        store.reserve(
            scope(division),
            new RateLimitStore.Defaults(
                settings.minutelyLimit(),
                settings.dailyLimit(),
                settings.rateLimitMargin(),
                settings.minuteReserve() + (background ? settings.importMinuteReserve() : 0),
                background ? settings.importDayReserve() : 0),
            clock.instant());
    if (back.isPresent()) {
      throw new ExternalSystemException.RateLimited(
          "Koppel's budget of Exact Online calls for this administration is used up until "
              + back.get(),
          back.get(),
          false);
    }
  }

  /** Takes in what the answer's headers say; a 429 also means "nothing left until reset". */
  void observe(SystemConnection c, String division, ExactResponse r) {
    RateLimitStore.Window minute =
        window(
            r,
            "X-RateLimit-Minutely-Limit",
            "X-RateLimit-Minutely-Remaining",
            "X-RateLimit-Minutely-Reset");
    RateLimitStore.Window day =
        window(r, "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
    if (minute != null || day != null) {
      store.observe(scope(division), minute, day, clock.instant());
    }
  }

  private String scope(String division) {
    return "exact:" + settings.clientId() + ":" + division;
  }

  private static RateLimitStore.Window window(
      ExactResponse r, String limit, String remaining, String reset) {
    try {
      String l = r.header(limit);
      String rem = r.header(remaining);
      Instant at = ExactErrors.epochMillis(r.header(reset));
      if (rem == null || at == null) {
        return null;
      }
      return new RateLimitStore.Window(
          l == null ? Integer.parseInt(rem) : Integer.parseInt(l.trim()),
          Integer.parseInt(rem.trim()),
          at);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

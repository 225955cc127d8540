package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import koppel.order.port.RateLimitStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shared rate budget in one row per scope. A reservation is one atomic UPDATE (the row lock
 * serialises nodes); a window whose reset has passed by more than the margin starts over.
 */
@Repository
class JdbcRateLimitStore implements RateLimitStore {

  private static final String MINUTE_ROLLS =
      "minute_reset + make_interval(secs => :margin) <= :now";
  private static final String DAY_ROLLS = "day_reset + make_interval(secs => :margin) <= :now";

  private final JdbcClient jdbc;

  JdbcRateLimitStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Instant> reserve(String scope, Defaults d, Instant now) {
    Instant nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    Instant nextDay =
        now.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    jdbc.sql(
            """
            insert into rate_limit (scope, minute_limit, minute_remaining, minute_reset,
                   day_limit, day_remaining, day_reset, updated_at)
            values (:scope, :ml, :ml, :nextMinute, :dl, :dl, :nextDay, :now)
            on conflict do nothing
            """)
        .param("scope", scope)
        .param("ml", d.minuteLimit())
        .param("dl", d.dayLimit())
        .param("nextMinute", ts(nextMinute))
        .param("nextDay", ts(nextDay))
        .param("now", ts(now))
        .update();
    int taken =
        jdbc.sql(
                "update rate_limit set"
                    + " minute_remaining = (case when "
                    + MINUTE_ROLLS
                    + " then minute_limit else minute_remaining end) - 1,"
                    + " minute_assumed = case when "
                    + MINUTE_ROLLS
                    + " then true else minute_assumed end,"
                    + " minute_reset = case when "
                    + MINUTE_ROLLS
                    + " then :nextMinute else minute_reset end,"
                    + " day_remaining = (case when "
                    + DAY_ROLLS
                    + " then day_limit else day_remaining end) - 1,"
                    + " day_assumed = case when "
                    + DAY_ROLLS
                    + " then true else day_assumed end,"
                    + " day_reset = case when "
                    + DAY_ROLLS
                    + " then :nextDay else day_reset end,"
                    + " updated_at = :now"
                    + " where scope = :scope"
                    + " and (case when "
                    + MINUTE_ROLLS
                    + " then minute_limit else minute_remaining end) > :reserve"
                    + " and (case when "
                    + DAY_ROLLS
                    + " then day_limit else day_remaining end) > :dayReserve")
            .param("scope", scope)
            .param("margin", d.margin().toMillis() / 1000.0)
            .param("reserve", d.minuteReserve())
            .param("dayReserve", d.dayReserve())
            .param("now", ts(now))
            .param("nextMinute", ts(nextMinute))
            .param("nextDay", ts(nextDay))
            .update();
    if (taken == 1) {
      return Optional.empty();
    }
    return budget(scope)
        .map(
            b -> {
              boolean dayExhausted =
                  b.day().remaining() <= d.dayReserve() && b.day().reset().isAfter(now);
              Instant reset = dayExhausted ? b.day().reset() : b.minute().reset();
              return reset.plus(d.margin()).isAfter(now)
                  ? reset.plus(d.margin())
                  : now.plusSeconds(1);
            });
  }

  @Override
  public void observe(String scope, Window minute, Window day, Instant now) {
    if (minute != null) {
      adopt(scope, "minute", minute, now);
    }
    if (day != null) {
      adopt(scope, "day", day, now);
    }
  }

  /**
   * A header about the same window can only lower what is left: what is left is the header's count,
   * or the header's limit minus what we reserved, whichever is less (calls in flight are not in the
   * header yet; a limit we only assumed is corrected). A header about a later window, or any header
   * while our window was only assumed, replaces ours; an older one is stale.
   */
  private void adopt(String scope, String w, Window window, Instant now) {
    jdbc.sql(
            ("update rate_limit set"
                    + " w_remaining = case when w_reset = :reset or w_assumed"
                    + "   then least(:remaining, :limit - (w_limit - w_remaining)) else :remaining end,"
                    + " w_limit = :limit, w_reset = :reset, w_assumed = false, updated_at = :now"
                    + " where scope = :scope and (w_reset <= :reset or w_assumed)")
                .replace("w_", w + "_"))
        .param("scope", scope)
        .param("reset", ts(window.reset()))
        .param("remaining", window.remaining())
        .param("limit", window.limit())
        .param("now", ts(now))
        .update();
  }

  @Override
  public Optional<Budget> budget(String scope) {
    return jdbc.sql("select * from rate_limit where scope = :scope")
        .param("scope", scope)
        .query(
            (rs, n) ->
                new Budget(
                    new Window(
                        rs.getInt("minute_limit"),
                        rs.getInt("minute_remaining"),
                        instant(rs, "minute_reset")),
                    new Window(
                        rs.getInt("day_limit"),
                        rs.getInt("day_remaining"),
                        instant(rs, "day_reset"))))
        .optional();
  }
}

package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import koppel.metrics.MetricsQueries;
import koppel.order.domain.OrderKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The aggregate reads behind the metrics: one query per figure family. */
@Repository
class JdbcMetricsQueries implements MetricsQueries {

  private final JdbcClient jdbc;

  JdbcMetricsQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<OrderCount> orderCounts() {
    return jdbc.sql(
            "select integration_id, state, count(*) as n from order_sync"
                + " group by integration_id, state")
        .query(
            (rs, n) ->
                new OrderCount(
                    rs.getString("integration_id"), rs.getString("state"), rs.getLong("n")))
        .list();
  }

  @Override
  public List<Budget> budgets(String scopePrefix) {
    return jdbc.sql("select * from rate_limit where starts_with(scope, :prefix)")
        .param("prefix", scopePrefix)
        .query(
            (rs, n) ->
                new Budget(
                    rs.getString("scope"),
                    rs.getInt("minute_limit"),
                    rs.getInt("minute_remaining"),
                    instant(rs, "minute_reset"),
                    rs.getInt("day_limit"),
                    rs.getInt("day_remaining"),
                    instant(rs, "day_reset")))
        .list();
  }

  @Override
  public List<QueueCount> queue(int livePriority, Instant now) {
    return jdbc.sql(
            """
            select task_name, coalesce(priority, 0) >= :live as live, count(*) as waiting,
                   count(*) filter (where execution_time <= :now) as due
            from scheduled_tasks where not picked
            group by 1, 2
            """)
        .param("live", livePriority)
        .param("now", ts(now))
        .query(
            (rs, n) ->
                new QueueCount(
                    rs.getString("task_name"),
                    rs.getBoolean("live"),
                    rs.getLong("waiting"),
                    rs.getLong("due")))
        .list();
  }

  @Override
  public Optional<BookingTimes> bookingTimes(OrderKey key) {
    return jdbc.sql(
            "select state, queued_at, booked_at from order_sync"
                + " where integration_id = :i and shop_order_id = :o")
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .query(
            (rs, n) ->
                new BookingTimes(
                    rs.getString("state"), instant(rs, "queued_at"), instant(rs, "booked_at")))
        .optional();
  }
}

package koppel.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import koppel.order.domain.OrderKey;

/** The few reads behind the metrics; cheap aggregate queries, implemented in persistence. */
public interface MetricsQueries {

  /** Orders of one integration in one state (order_sync). */
  record OrderCount(String integrationId, String state, long count) {}

  /** One row of rate_limit: what is left of a scope's minute and day. */
  record Budget(
      String scope,
      int minuteLimit,
      int minuteRemaining,
      Instant minuteReset,
      int dayLimit,
      int dayRemaining,
      Instant dayReset) {}

  /** Queue entries not picked, of one task and priority class; {@code due}: due by now. */
  record QueueCount(String task, boolean live, long waiting, long due) {}

  /** When an order was last queued, when it was booked, and its state now. */
  record BookingTimes(String state, Instant queuedAt, Instant bookedAt) {}

  List<OrderCount> orderCounts();

  List<Budget> budgets(String scopePrefix);

  /** {@code live}: priority at least {@code livePriority}. */
  List<QueueCount> queue(int livePriority, Instant now);

  Optional<BookingTimes> bookingTimes(OrderKey key);
}

package koppel.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;
import koppel.order.port.EventLog;
import koppel.order.port.OrderSync;
import koppel.order.port.OrderSyncStore;
import org.springframework.stereotype.Service;

/**
 * The Process button: the merchant fixed the cause of an error (or wants an open order looked at
 * now), so the order goes back on the queue with fresh retries. If an earlier attempt may have
 * written a document, the attempt looks Exact up before anything is written: pressing Process can
 * never book twice.
 */
@Service
public class OrderProcessing {

  private final OrderSyncStore orders;
  private final OrderQueue queue;
  private final EventLog events;
  private final Clock clock;

  OrderProcessing(OrderSyncStore orders, OrderQueue queue, EventLog events, Clock clock) {
    this.orders = orders;
    this.queue = queue;
    this.events = events;
    this.clock = clock;
  }

  public enum Result {
    /** Was FAILED or OPEN; queued now. */
    QUEUED,
    /** Was waiting in the queue or being booked; brought forward. */
    ALREADY_QUEUED,
    /** BOOKED or SKIPPED: Process does not apply. */
    NOT_PROCESSABLE,
    /** No such order. */
    UNKNOWN
  }

  /** What Process did to one order, in words. */
  public record Outcome(long orderId, String orderNumber, Result result, String message) {}

  public Outcome process(OrderKey key, String by) {
    Optional<OrderSync> sync = orders.find(key);
    if (sync.isEmpty()) {
      return new Outcome(
          key.shopOrderId(), null, Result.UNKNOWN, "Koppel does not know this order");
    }
    String number = sync.get().orderNumber();
    Instant now = clock.instant();
    Optional<SyncState> was = orders.process(key, now);
    if (was.isPresent()) {
      events.record(key, "PROCESS", "Process pressed by " + by + " (was " + was.get() + ")", now);
      if (!queue.queueNow(key, "process")) {
        queue.runNow(key);
      }
      return new Outcome(
          key.shopOrderId(), number, Result.QUEUED, "Queued; Koppel books it in a moment");
    }
    SyncState state = orders.find(key).map(OrderSync::state).orElse(sync.get().state());
    if (state.isFinal()) {
      return new Outcome(
          key.shopOrderId(),
          number,
          Result.NOT_PROCESSABLE,
          state == SyncState.BOOKED
              ? "Already booked in Exact Online; an order is never booked twice"
              : "Skipped (" + sync.get().reason() + "); nothing to book");
    }
    if (!queue.queueNow(key, "process")) {
      queue.runNow(key);
    }
    return new Outcome(
        key.shopOrderId(), number, Result.ALREADY_QUEUED, "Already in the queue; brought forward");
  }
}

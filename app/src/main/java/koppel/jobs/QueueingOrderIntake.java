package koppel.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;
import koppel.order.port.EventLog;
import koppel.order.port.OrderIntake;
import koppel.order.port.OrderSync;
import koppel.order.port.OrderSyncStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Intake: records the order in order_sync (idempotently) and queues a look at it. Cheap enough to
 * run inside a webhook request; the work happens on the queue.
 */
@Service
public class QueueingOrderIntake implements OrderIntake {

  private static final Logger log = LoggerFactory.getLogger(QueueingOrderIntake.class);

  private final OrderSyncStore orders;
  private final OrderQueue queue;
  private final EventLog events;
  private final Clock clock;

  QueueingOrderIntake(OrderSyncStore orders, OrderQueue queue, EventLog events, Clock clock) {
    this.orders = orders;
    this.queue = queue;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public boolean orderChanged(UUID integrationId, long shopOrderId, String trigger) {
    OrderKey key = new OrderKey(integrationId, shopOrderId);
    Instant now = clock.instant();
    boolean isNew = orders.insertIfAbsent(key, now);
    if (!isNew) {
      SyncState state = orders.find(key).map(OrderSync::state).orElse(SyncState.QUEUED);
      if (state.isFinal()) {
        log.info(
            "integration={} order={} {}: already {}, not queued",
            integrationId,
            shopOrderId,
            trigger,
            state);
        events.record(
            key, "IGNORED", "Change received (" + trigger + ") after the order was " + state, now);
        return false;
      }
      // OPEN and FAILED go back to QUEUED; BOOKING stays, so the next attempt looks up first
      orders.markQueued(key, now);
    }
    boolean queued = queue.queueNow(key, trigger);
    if (isNew) {
      events.record(key, "RECEIVED", "Order received (" + trigger + ")", now);
    }
    log.info(
        "integration={} order={} {}: {}",
        integrationId,
        shopOrderId,
        trigger,
        queued ? "queued" : "already in the queue");
    return queued;
  }
}

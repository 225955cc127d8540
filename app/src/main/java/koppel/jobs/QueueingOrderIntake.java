package koppel.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;
import koppel.order.domain.WaitReason;
import koppel.order.port.EventLog;
import koppel.order.port.OrderIntake;
import koppel.order.port.OrderSync;
import koppel.order.port.OrderSyncStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Intake: records the order in order_sync (idempotently) and queues a look at it. Cheap enough to
 * run inside a webhook request; the work happens on the queue. Live orders go before imports.
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
    return intake(new OrderKey(integrationId, shopOrderId), trigger, false);
  }

  @Override
  public boolean orderSeen(
      UUID integrationId, long shopOrderId, Instant updatedAt, String trigger) {
    OrderKey key = new OrderKey(integrationId, shopOrderId);
    Optional<OrderSync> known = orders.find(key);
    if (known.isPresent()
        && known.get().orderUpdatedAt() != null
        && !known.get().orderUpdatedAt().isBefore(updatedAt)) {
      return false; // this version was fetched already
    }
    return intake(key, trigger, false);
  }

  @Override
  public boolean orderImported(UUID integrationId, long shopOrderId, String trigger) {
    return intake(new OrderKey(integrationId, shopOrderId), trigger, true);
  }

  private boolean intake(OrderKey key, String trigger, boolean imported) {
    Instant now = clock.instant();
    boolean isNew = orders.insertIfAbsent(key, now);
    if (imported) {
      orders.markImported(key);
    }
    if (!isNew && imported && orders.reopenSkipped(key, WaitReason.BEFORE_START_DATE, now)) {
      events.record(key, "IMPORT", "Skipped for the start date; the import books it", now);
    } else if (!isNew) {
      SyncState state = orders.find(key).map(OrderSync::state).orElse(SyncState.QUEUED);
      if (state.isFinal()) {
        log.info(
            "integration={} order={} {}: already {}, not queued",
            key.integrationId(),
            key.shopOrderId(),
            trigger,
            state);
        events.record(
            key, "IGNORED", "Change received (" + trigger + ") after the order was " + state, now);
        return false;
      }
      // OPEN and FAILED go back to QUEUED; BOOKING stays, so the next attempt looks up first
      orders.markQueued(key, now);
      if (state == SyncState.OPEN || state == SyncState.FAILED) {
        events.record(key, "QUEUED", "Looked at again (" + trigger + ")", now);
      }
    }
    boolean queued =
        queue.queueAt(
            key, trigger, now, imported ? OrderQueue.IMPORT_PRIORITY : OrderQueue.LIVE_PRIORITY);
    if (isNew) {
      events.record(key, "RECEIVED", "Order received (" + trigger + ")", now);
    }
    if (imported) {
      log.debug(
          "integration={} order={} {}: {}",
          key.integrationId(),
          key.shopOrderId(),
          trigger,
          queued ? "queued" : "already in the queue");
    } else {
      log.info(
          "integration={} order={} {}: {}",
          key.integrationId(),
          key.shopOrderId(),
          trigger,
          queued ? "queued" : "already in the queue");
    }
    return queued;
  }
}

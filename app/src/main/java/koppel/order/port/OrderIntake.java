package koppel.order.port;

import java.time.Instant;
import java.util.UUID;

/** In-port: something tells us an order exists or changed (webhook, poll, manual request). */
public interface OrderIntake {

  /**
   * Records the order idempotently and queues a look at it. Cheap and safe to call many times for
   * the same order; returns true when this call queued work.
   */
  boolean orderChanged(UUID integrationId, long shopOrderId, String trigger);

  /**
   * A poll saw the order with this {@code updatedAt}: queued only when Koppel has not seen that
   * version yet, so an hourly poll does not touch orders that did not change.
   */
  boolean orderSeen(UUID integrationId, long shopOrderId, Instant updatedAt, String trigger);

  /** A historical import brings the order in: booked after live orders, despite the start date. */
  boolean orderImported(UUID integrationId, long shopOrderId, String trigger);
}

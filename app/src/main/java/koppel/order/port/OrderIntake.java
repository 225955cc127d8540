package koppel.order.port;

import java.util.UUID;

/** In-port: something tells us an order exists or changed (webhook, poll, manual request). */
public interface OrderIntake {

  /**
   * Records the order idempotently and queues a look at it. Cheap and safe to call many times for
   * the same order; returns true when this call queued work.
   */
  boolean orderChanged(UUID integrationId, long shopOrderId, String trigger);
}

package koppel.order.port;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import koppel.order.domain.BookingError;
import koppel.order.domain.OrderKey;
import koppel.order.domain.ShopOrder;
import koppel.order.domain.WaitReason;

/** order_sync: every state change of an order is one call here, committed on return. */
public interface OrderSyncStore {

  /** Inserts the order as QUEUED unless it is known already; true when it was inserted. */
  boolean insertIfAbsent(OrderKey key, Instant now);

  Optional<OrderSync> find(OrderKey key);

  /** Marks the order as brought in by a historical import (booked despite the start date). */
  void markImported(OrderKey key);

  /** The integration's orders that wait for a status or payment change. */
  java.util.List<OrderKey> open(UUID integrationId);

  /** Copies what the dashboard shows (number, date, customer, total) from the shop's order. */
  void updateFacts(OrderKey key, ShopOrder order, Instant now);

  /** Moves a not-yet-final order back to QUEUED; false when the order is BOOKED or SKIPPED. */
  boolean markQueued(OrderKey key, Instant now);

  void markOpen(OrderKey key, WaitReason code, String reason, Instant now);

  void markSkipped(OrderKey key, WaitReason code, String reason, Instant now);

  /** A SKIPPED order with this reason goes back to QUEUED (an import wants it); true if so. */
  boolean reopenSkipped(OrderKey key, WaitReason code, Instant now);

  /** Counts one more attempt; returns the new count, or empty when the order is final already. */
  Optional<Integer> startAttempt(OrderKey key, Instant now);

  /**
   * Marks the order BOOKING with a fresh attempt id, committed before the document is written to
   * the accounting system. Returns false when the order is final already.
   */
  boolean startBooking(OrderKey key, UUID attemptId, Instant now);

  void markBooked(OrderKey key, BookedDocument document, Instant now);

  void markFailed(OrderKey key, BookingError error, Instant now);

  /**
   * Records a failed attempt that will be retried at {@code nextAttemptAt}. The state goes back to
   * QUEUED, or stays BOOKING when {@code outcomeUnknown}, so the next attempt looks up first. When
   * {@code countsAsAttempt} is false the attempt counter is restored.
   */
  void markRetry(
      OrderKey key,
      Instant nextAttemptAt,
      boolean countsAsAttempt,
      boolean outcomeUnknown,
      BookingError error,
      Instant now);

  /** The integration of a delivery or order, for routing: all orders of the integration. */
  long countByIntegration(UUID integrationId);

  /** Orders that wait in the queue because of the given error (e.g. a broken connection). */
  java.util.List<OrderKey> waitingWith(UUID integrationId, String errorCode);
}

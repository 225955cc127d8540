package koppel.order.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import koppel.order.domain.BookingError;
import koppel.order.domain.OrderKey;
import koppel.order.domain.ShopOrder;
import koppel.order.domain.SyncState;
import koppel.order.domain.WaitReason;

/**
 * order_sync: every state change of an order is one call here, committed on return. Each change is
 * guarded by the transitions {@link SyncState} allows, and changes that follow a booking attempt
 * are guarded by its attempt id.
 */
public interface OrderSyncStore {

  /** Inserts the order as QUEUED unless it is known already; true when it was inserted. */
  boolean insertIfAbsent(OrderKey key, Instant now);

  Optional<OrderSync> find(OrderKey key);

  /** Marks the order as brought in by a historical import (booked despite the start date). */
  void markImported(OrderKey key);

  /** The integration's orders that wait for a status or payment change. */
  List<OrderKey> open(UUID integrationId);

  /**
   * The integration's OPEN orders that wait for this reason (the subscription ended, the
   * integration stopped).
   */
  List<OrderKey> openWith(UUID integrationId, WaitReason reason);

  /** Copies what the dashboard shows (number, date, customer, total) from the shop's order. */
  void updateFacts(OrderKey key, ShopOrder order, Instant now);

  /**
   * A change arrived: OPEN, QUEUED and FAILED go (back) to QUEUED. A BOOKING order stays as it is
   * (its attempt resolves it). False when nothing changed.
   */
  boolean markQueued(OrderKey key, Instant now);

  /**
   * The merchant pressed Process: a FAILED or OPEN order goes back to QUEUED with its retries
   * restored. Returns the state it was in, or empty when it was in no state Process applies to.
   */
  Optional<SyncState> process(OrderKey key, Instant now);

  /**
   * An attempt begins: the order goes to QUEUED (from OPEN, QUEUED, FAILED, or BOOKING when no
   * write is in flight, i.e. none started within {@code takeover}) and one more attempt is counted.
   */
  AttemptStart startAttempt(OrderKey key, Instant now, Duration takeover);

  void markOpen(OrderKey key, WaitReason code, String reason, Instant now);

  void markSkipped(OrderKey key, WaitReason code, String reason, Instant now);

  /** A SKIPPED order with this reason goes back to QUEUED (an import wants it); true if so. */
  boolean reopenSkipped(OrderKey key, WaitReason code, Instant now);

  /**
   * QUEUED → BOOKING with a fresh fence, committed before the document is written, but only if the
   * order's attempt id is still {@code expectedAttempt} (null: none yet): a concurrent attempt
   * makes this false.
   */
  boolean startBooking(OrderKey key, UUID expectedAttempt, BookingFence fence, Instant now);

  /** The document is in Exact: BOOKED, if {@code attemptId} is still the order's attempt. */
  boolean markBooked(OrderKey key, UUID attemptId, BookedDocument document, Instant now);

  void markFailed(OrderKey key, BookingError error, Instant now);

  /**
   * A document was written but Exact's figures differ from the shop's: FAILED with the document
   * named, so the accountant can look at the draft (guarded by the attempt id).
   */
  boolean markDocumentDiffers(
      OrderKey key, UUID attemptId, BookedDocument document, BookingError error, Instant now);

  /**
   * Records a failed attempt that will be retried at {@code nextAttemptAt}: back to QUEUED, or
   * BOOKING when {@code outcomeUnknown} (the write may have happened; the next attempt looks it up
   * first). When {@code countsAsAttempt} is false the attempt counter is restored.
   */
  void markRetry(
      OrderKey key,
      Instant nextAttemptAt,
      boolean countsAsAttempt,
      boolean outcomeUnknown,
      BookingError error,
      Instant now);

  long countByIntegration(UUID integrationId);

  /** How many of the integration's orders are in this state. */
  long countInState(UUID integrationId, SyncState state);

  /**
   * Orders QUEUED or BOOKING, unchanged since {@code before}, that have no entry on the queue
   * ({@code queueTask} instances are named by the order key): stranded by a race, to be queued.
   */
  List<OrderSync> stranded(String queueTask, Instant before, int limit);

  /** Orders that wait in the queue because of the given error (e.g. a broken connection). */
  List<OrderKey> waitingWith(UUID integrationId, String errorCode);

  /** How an attempt begins. */
  sealed interface AttemptStart {}

  /**
   * The attempt may go on. {@code fence} is present when an earlier attempt recorded a booking: the
   * document must then be looked up before anything is written.
   */
  record Started(int attempts, Optional<BookingFence> fence) implements AttemptStart {}

  /** Another attempt is writing right now; come back at {@code until}. */
  record Busy(Instant until) implements AttemptStart {}

  /** The order is BOOKED or SKIPPED (or unknown): nothing to do. */
  record Final() implements AttemptStart {}
}

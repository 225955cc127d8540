package koppel.order.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import koppel.order.domain.BookingError;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;

/** One row of order_sync: where a shop order stands, and what Exact made of it. */
public record OrderSync(
    OrderKey key,
    String orderNumber,
    SyncState state,
    String reason,
    int attempts,
    Instant nextAttemptAt,
    UUID attemptId,
    BookingError error,
    BookedDocument document,
    Instant orderCreatedAt,
    Instant orderUpdatedAt,
    boolean imported,
    String paymentStatus,
    String customerName,
    BigDecimal totalIncl,
    String currency,
    Instant createdAt,
    Instant updatedAt,
    Instant bookedAt) {

  /** True when an attempt may have written a document that is not known as booked yet. */
  public boolean fenced() {
    return attemptId != null && state != SyncState.BOOKED;
  }
}

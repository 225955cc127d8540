package koppel.order.port;

import java.math.BigDecimal;
import java.util.UUID;
import koppel.order.domain.BookingMode;

/**
 * What a booking attempt recorded, committed, before it wrote the document: where it wrote
 * (division, document type), the exact YourRef it sent, the debtor and the amount. Until the order
 * is booked, every later attempt looks there first, and adopts only a document that matches all
 * three. Fields may be null for attempts recorded before Koppel kept them.
 */
public record BookingFence(
    UUID attemptId,
    String division,
    BookingMode mode,
    String yourRef,
    UUID customerId,
    BigDecimal amount) {}

package koppel.order.port;

import java.util.UUID;
import koppel.order.domain.BookingMode;

/** A document in the accounting system: type, id, and its number once one is assigned. */
public record BookedDocument(BookingMode mode, UUID id, String number) {}

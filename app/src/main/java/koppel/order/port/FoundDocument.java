package koppel.order.port;

import java.math.BigDecimal;
import java.util.UUID;
import koppel.order.domain.BookingMode;

/**
 * A document found in the accounting system by its YourRef: enough to decide whether it is the one
 * an earlier attempt wrote (same reference, same debtor, same amount) or somebody else's.
 */
public record FoundDocument(
    BookingMode mode,
    UUID id,
    String number,
    String yourRef,
    UUID customerId,
    BigDecimal amountIncl) {

  public BookedDocument booked() {
    return new BookedDocument(mode, id, number);
  }
}

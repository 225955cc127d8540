package koppel.order.port;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import koppel.order.domain.BookingError;
import koppel.order.domain.OrderKey;

/**
 * What booking an order would send to the accounting system, worked out by the booking pipeline's
 * own mapping without writing anything: the document, or the error it would get, or why the order
 * would not be booked now (skipped or waiting).
 *
 * @param outcome DOCUMENT (the document would be sent now), SKIP or WAIT (the document as it would
 *     be once the order is bookable; {@code reason} says why not now), or ERROR
 * @param document the document as it would be posted; items that would be created first carry a
 *     zero id
 * @param debtor who it would be booked on
 * @param newItems item codes Koppel would create first
 * @param totalIncl what the document must come to, incl. VAT (what the customer paid)
 */
public record OrderPreview(
    OrderKey key,
    String orderNumber,
    String currency,
    Outcome outcome,
    DocumentDraft document,
    Debtor debtor,
    List<String> itemCodes,
    List<String> newItems,
    BigDecimal totalExcl,
    BigDecimal totalVat,
    BigDecimal totalIncl,
    BookingError error,
    String reason) {

  public enum Outcome {
    DOCUMENT,
    ERROR,
    SKIP,
    WAIT
  }

  /** The debtor: existing ({@code id} set) or to be created for {@code createdFor}. */
  public record Debtor(UUID id, String code, String name, String createdFor) {}

  public static OrderPreview error(OrderKey key, String number, String currency, BookingError e) {
    return new OrderPreview(
        key,
        number,
        currency,
        Outcome.ERROR,
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        null,
        e,
        null);
  }
}

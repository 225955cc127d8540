package koppel.order.port;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import koppel.order.domain.BookingMode;

/**
 * A sales order, sales invoice or sales entry to create, in accounting terms. Amounts follow the
 * VAT type of the codes used: unit prices incl. VAT with "including" codes, excl. otherwise.
 */
public record DocumentDraft(
    BookingMode mode,
    UUID customerId,
    LocalDate date,
    String yourRef,
    String description,
    String paymentReference,
    String remarks,
    String journal,
    UUID warehouseId,
    UUID deliveryAddressId,
    String currency,
    boolean directInvoice,
    List<Line> lines) {

  public DocumentDraft {
    lines = List.copyOf(lines);
  }

  /**
   * One line. Orders and invoices use item, quantity and unit price; sales entries use the amount
   * excl. VAT and the GL account. {@code glAccount} is null when ledger mapping is disabled.
   */
  public record Line(
      String description,
      UUID itemId,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal amountExcl,
      BigDecimal vatAmount,
      String vatCode,
      UUID glAccount) {}
}

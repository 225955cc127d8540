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
   * One line. Orders and invoices carry an item, a quantity and a unit price (Exact multiplies and
   * rounds) plus the line's VAT amount, so Exact never rounds the VAT its own way. Sales entries
   * carry {@code amount} (AmountFC, read by Exact as its VAT code's type says) and the VAT amount.
   * {@code glAccount} is null when the document type or the ledger-mapping option leaves it out.
   */
  public record Line(
      String description,
      UUID itemId,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      BigDecimal vatAmount,
      String vatCode,
      UUID glAccount) {}
}

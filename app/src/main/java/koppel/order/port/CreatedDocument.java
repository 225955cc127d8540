package koppel.order.port;

import java.math.BigDecimal;
import koppel.order.domain.BookingMode;

/**
 * A document as Exact answered its creation: id, number, and the totals Exact computed (null when
 * the answer did not carry them). Koppel compares these with what the customer paid.
 */
public record CreatedDocument(
    BookedDocument document, BigDecimal amountIncl, BigDecimal amountExcl, BigDecimal vatAmount) {

  public BookingMode mode() {
    return document.mode();
  }

  public boolean hasTotals() {
    return amountIncl != null && (amountExcl != null || vatAmount != null);
  }

  /** Excl. VAT as Exact has it: its own field, else the total minus the VAT. */
  public BigDecimal excl() {
    return amountExcl != null ? amountExcl : amountIncl.subtract(vatAmount);
  }

  /** The VAT as Exact has it: its own field, else the total minus the excl. amount. */
  public BigDecimal vat() {
    return vatAmount != null ? vatAmount : amountIncl.subtract(amountExcl);
  }
}

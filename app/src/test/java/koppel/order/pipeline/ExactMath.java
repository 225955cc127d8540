package koppel.order.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import koppel.order.domain.BookingMode;
import koppel.order.port.DocumentDraft;

/**
 * What Exact makes of a document's lines, per VAT code, under each reading the reference allows:
 * line amount = quantity × unit price rounded half up or half even; an explicit VAT amount
 * overrides the computed one (with an inclusive code the excl. amount is then incl. − VAT); a sales
 * entry line's AmountFC is excl., or incl. for an inclusive code when Exact reads it so.
 */
final class ExactMath {

  /** Excl. amount and VAT for one VAT code. */
  record Totals(BigDecimal excl, BigDecimal vat) {
    BigDecimal incl() {
      return excl.add(vat);
    }
  }

  private ExactMath() {}

  static Map<String, Totals> perVatCode(
      DocumentDraft draft,
      boolean inclusiveCodes,
      RoundingMode lineRounding,
      boolean entryAmountsIncludeVat) {
    Map<String, Totals> out = new TreeMap<>();
    for (DocumentDraft.Line l : draft.lines()) {
      BigDecimal excl;
      BigDecimal vat = l.vatAmount().setScale(2, RoundingMode.HALF_UP);
      if (draft.mode() == BookingMode.SALES_ENTRY) {
        BigDecimal amount = l.amount().setScale(2, RoundingMode.HALF_UP);
        excl = inclusiveCodes && entryAmountsIncludeVat ? amount.subtract(vat) : amount;
      } else {
        BigDecimal amount = l.quantity().multiply(l.unitPrice()).setScale(2, lineRounding);
        excl = inclusiveCodes ? amount.subtract(vat) : amount;
      }
      out.merge(
          l.vatCode(),
          new Totals(excl, vat),
          (a, b) -> new Totals(a.excl().add(b.excl()), a.vat().add(b.vat())));
    }
    return out;
  }

  static Totals total(Map<String, Totals> perCode) {
    BigDecimal excl = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    for (Totals t : perCode.values()) {
      excl = excl.add(t.excl());
      vat = vat.add(t.vat());
    }
    return new Totals(excl, vat);
  }
}

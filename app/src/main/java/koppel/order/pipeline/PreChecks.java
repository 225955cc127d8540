package koppel.order.pipeline;

import java.math.BigDecimal;
import koppel.order.domain.Money;
import koppel.order.domain.OrderLine;
import koppel.order.domain.ShopOrder;

/**
 * The checks before anything is written to Exact Online: the order is complete, it adds up to the
 * cent (lines + shipping + payment costs − discounts = total, incl. and excl. VAT; VAT = incl. −
 * excl.), and every VAT rate has a configured VAT code. No tolerance: a cent that does not add up
 * is shown to the merchant with both figures, never booked. Throws a Permanent failure. An order
 * with parts Koppel cannot read (no VAT rate, quantity 0) fails as INTERNAL_ERROR naming the part.
 */
final class PreChecks {

  private PreChecks() {}

  static void check(ShopOrder order, VatResolver vat) {
    complete(order);
    ShopOrder.Totals t = order.totals();
    BigDecimal inclSum = Money.cents(OrderAmounts.sum(order, true));
    BigDecimal exclSum = Money.cents(OrderAmounts.sum(order, false));
    if (t.totalIncl().compareTo(inclSum) != 0) {
      throw new BookingFailure.Permanent(
          BookingErrors.totalsMismatch("incl. VAT", t.totalIncl(), inclSum));
    }
    if (t.totalExcl().compareTo(exclSum) != 0) {
      throw new BookingFailure.Permanent(
          BookingErrors.totalsMismatch("excl. VAT", t.totalExcl(), exclSum));
    }
    BigDecimal difference = t.totalIncl().subtract(t.totalExcl());
    if (t.totalVat() != null && t.totalVat().compareTo(difference) != 0) {
      throw new BookingFailure.Permanent(BookingErrors.vatTotalMismatch(t.totalVat(), difference));
    }
    OrderAmounts.of(order).parts().forEach(p -> vat.resolve(p.rate()));
  }

  /**
   * Everything the booking needs is there and readable; else the order names what is missing. Runs
   * first, before the VAT situation is worked out from the rates.
   */
  static void complete(ShopOrder order) {
    if (order.totals() == null
        || order.totals().totalIncl() == null
        || order.totals().totalExcl() == null) {
      throw new BookingFailure.Permanent(BookingErrors.orderIncomplete("the order's totals"));
    }
    if (order.lines().isEmpty()) {
      throw new BookingFailure.Permanent(BookingErrors.orderIncomplete("order lines"));
    }
    for (OrderLine l : order.lines()) {
      String what = "line '" + l.description() + "'";
      if (l.quantity() == null || l.quantity().signum() == 0) {
        throw new BookingFailure.Permanent(
            BookingErrors.orderIncomplete("a quantity other than 0 on " + what));
      }
      if (l.vatRate() == null || l.totalIncl() == null || l.totalExcl() == null) {
        throw new BookingFailure.Permanent(
            BookingErrors.orderIncomplete("the VAT rate or amounts of " + what));
      }
    }
    for (ShopOrder.Charge c : new ShopOrder.Charge[] {order.shipping(), order.paymentFee()}) {
      if (c != null && (c.vatRate() == null || c.priceIncl() == null || c.priceExcl() == null)) {
        throw new BookingFailure.Permanent(
            BookingErrors.orderIncomplete("the VAT rate or amounts of '" + c.title() + "'"));
      }
    }
    for (ShopOrder.Discount d : order.discounts()) {
      if (d.vatRate() == null || d.amountIncl() == null || d.amountExcl() == null) {
        throw new BookingFailure.Permanent(
            BookingErrors.orderIncomplete(
                "the VAT rate or amounts of discount '" + d.title() + "'"));
      }
    }
  }
}

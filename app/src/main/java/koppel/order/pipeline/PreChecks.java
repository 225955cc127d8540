package koppel.order.pipeline;

import java.math.BigDecimal;
import java.util.function.Function;
import koppel.jobs.BookingFailure;
import koppel.order.domain.Money;
import koppel.order.domain.OrderLine;
import koppel.order.domain.ShopOrder;

/**
 * The checks before anything is written to Exact Online: the order adds up, and every VAT rate has
 * a configured VAT code. Throws a Permanent failure with a resolution when a check fails.
 */
final class PreChecks {

  /** Totals are in cents, lines in up to 4 decimals: allow the rounding of the parts. */
  private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

  private PreChecks() {}

  static void check(ShopOrder order, VatResolver vat) {
    checkTotal(
        order,
        "incl. VAT",
        order.totals().totalIncl(),
        OrderLine::totalIncl,
        ShopOrder.Charge::priceIncl,
        ShopOrder.Discount::amountIncl);
    checkTotal(
        order,
        "excl. VAT",
        order.totals().totalExcl(),
        OrderLine::totalExcl,
        ShopOrder.Charge::priceExcl,
        ShopOrder.Discount::amountExcl);
    BigDecimal difference = order.totals().totalIncl().subtract(order.totals().totalExcl());
    if (order.totals().totalVat() != null
        && difference.subtract(order.totals().totalVat()).abs().compareTo(TOLERANCE) > 0) {
      throw new BookingFailure.Permanent(
          BookingErrors.vatTotalMismatch(order.totals().totalVat(), difference));
    }
    order.lines().forEach(l -> vat.resolve(l.vatRate()));
    if (order.shipping() != null) {
      vat.resolve(order.shipping().vatRate());
    }
    if (order.paymentFee() != null) {
      vat.resolve(order.paymentFee().vatRate());
    }
    order.discounts().forEach(d -> vat.resolve(d.vatRate()));
  }

  private static void checkTotal(
      ShopOrder order,
      String side,
      BigDecimal total,
      Function<OrderLine, BigDecimal> line,
      Function<ShopOrder.Charge, BigDecimal> charge,
      Function<ShopOrder.Discount, BigDecimal> discount) {
    BigDecimal sum = BigDecimal.ZERO;
    for (OrderLine l : order.lines()) {
      sum = sum.add(Money.orZero(line.apply(l)));
    }
    if (order.shipping() != null) {
      sum = sum.add(Money.orZero(charge.apply(order.shipping())));
    }
    if (order.paymentFee() != null) {
      sum = sum.add(Money.orZero(charge.apply(order.paymentFee())));
    }
    for (ShopOrder.Discount d : order.discounts()) {
      sum = sum.subtract(Money.orZero(discount.apply(d)));
    }
    if (total == null || total.subtract(sum).abs().compareTo(TOLERANCE) > 0) {
      throw new BookingFailure.Permanent(
          BookingErrors.totalsMismatch(side, Money.orZero(total), Money.cents(sum)));
    }
  }
}

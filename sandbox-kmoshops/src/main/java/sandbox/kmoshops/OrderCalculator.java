package sandbox.kmoshops;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes an order's amounts as the shop does: from the prices the merchant entered (incl. or
 * excl. VAT) to both prices per line (4 decimals), line totals after discount, and order totals
 * rounded to cents with a VAT breakdown per rate.
 */
final class OrderCalculator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private OrderCalculator() {}

  static void apply(ShopOrder o, OrderDraft d, boolean pricesIncludeTax) {
    o.lines = new ArrayList<>();
    long lineId = o.id * 100;
    Map<BigDecimal, BigDecimal[]> perRate = new TreeMap<>();
    BigDecimal subExcl = BigDecimal.ZERO;
    BigDecimal subIncl = BigDecimal.ZERO;
    for (OrderDraft.LineDraft l : d.lines()) {
      BigDecimal r = l.vatRate().divide(HUNDRED);
      BigDecimal qty = l.quantity();
      BigDecimal disc = l.discount() == null ? BigDecimal.ZERO : l.discount();
      BigDecimal unitExcl;
      BigDecimal unitIncl;
      BigDecimal discExcl;
      BigDecimal discIncl;
      BigDecimal totalExcl;
      BigDecimal totalIncl;
      if (pricesIncludeTax) {
        unitIncl = four(l.unitPrice());
        unitExcl = four(unitIncl.divide(BigDecimal.ONE.add(r), 10, RoundingMode.HALF_UP));
        discIncl = four(disc);
        discExcl = four(discIncl.divide(BigDecimal.ONE.add(r), 10, RoundingMode.HALF_UP));
        totalIncl = four(qty.multiply(unitIncl).subtract(discIncl));
        totalExcl = four(totalIncl.divide(BigDecimal.ONE.add(r), 10, RoundingMode.HALF_UP));
      } else {
        unitExcl = four(l.unitPrice());
        unitIncl = four(unitExcl.multiply(BigDecimal.ONE.add(r)));
        discExcl = four(disc);
        discIncl = four(discExcl.multiply(BigDecimal.ONE.add(r)));
        totalExcl = four(qty.multiply(unitExcl).subtract(discExcl));
        totalIncl = four(totalExcl.add(totalExcl.multiply(r)));
      }
      o.lines.add(
          new ShopOrder.Line(
              ++lineId,
              l.productId(),
              l.sku(),
              l.ean(),
              l.name(),
              l.variant(),
              qty,
              unitExcl,
              unitIncl,
              discExcl,
              discIncl,
              l.vatRate(),
              totalExcl,
              totalIncl.subtract(totalExcl),
              totalIncl));
      subExcl = subExcl.add(totalExcl);
      subIncl = subIncl.add(totalIncl);
      add(perRate, l.vatRate(), totalExcl, totalIncl);
    }
    o.shipping = charge(d.shipping(), pricesIncludeTax);
    o.paymentFee = charge(d.paymentFee(), pricesIncludeTax);
    for (ShopOrder.Charge c : new ShopOrder.Charge[] {o.shipping, o.paymentFee}) {
      if (c != null) {
        add(perRate, c.vatRate(), c.priceExcl(), c.priceIncl());
      }
    }
    o.discounts = new ArrayList<>();
    BigDecimal discExcl = BigDecimal.ZERO;
    BigDecimal discIncl = BigDecimal.ZERO;
    if (d.discounts() != null) {
      for (OrderDraft.DiscountDraft x : d.discounts()) {
        ShopOrder.Charge c =
            charge(
                new OrderDraft.ChargeDraft(x.title(), x.amount(), x.vatRate()), pricesIncludeTax);
        o.discounts.add(
            new ShopOrder.Discount(x.code(), x.title(), x.vatRate(), c.priceExcl(), c.priceIncl()));
        discExcl = discExcl.add(c.priceExcl());
        discIncl = discIncl.add(c.priceIncl());
        add(perRate, x.vatRate(), c.priceExcl().negate(), c.priceIncl().negate());
      }
    }
    BigDecimal shipExcl = o.shipping == null ? BigDecimal.ZERO : o.shipping.priceExcl();
    BigDecimal shipIncl = o.shipping == null ? BigDecimal.ZERO : o.shipping.priceIncl();
    BigDecimal feeExcl = o.paymentFee == null ? BigDecimal.ZERO : o.paymentFee.priceExcl();
    BigDecimal feeIncl = o.paymentFee == null ? BigDecimal.ZERO : o.paymentFee.priceIncl();
    BigDecimal totalExcl = two(subExcl.add(shipExcl).add(feeExcl).subtract(discExcl));
    BigDecimal totalIncl = two(subIncl.add(shipIncl).add(feeIncl).subtract(discIncl));
    if (d.totalInclOverride() != null) {
      totalIncl = two(d.totalInclOverride());
    }
    List<ShopOrder.VatRow> breakdown = new ArrayList<>();
    perRate.forEach(
        (rate, sums) ->
            breakdown.add(
                new ShopOrder.VatRow(rate, two(sums[0]), two(sums[1]).subtract(two(sums[0])))));
    o.totals =
        new ShopOrder.Totals(
            two(subExcl),
            two(subIncl),
            two(shipExcl),
            two(shipIncl),
            two(feeExcl),
            two(feeIncl),
            two(discExcl),
            two(discIncl),
            totalExcl,
            totalIncl.subtract(totalExcl),
            totalIncl,
            breakdown);
  }

  private static ShopOrder.Charge charge(OrderDraft.ChargeDraft c, boolean pricesIncludeTax) {
    if (c == null) {
      return null;
    }
    BigDecimal r = c.vatRate().divide(HUNDRED);
    BigDecimal excl;
    BigDecimal incl;
    if (pricesIncludeTax) {
      incl = four(c.price());
      excl = four(incl.divide(BigDecimal.ONE.add(r), 10, RoundingMode.HALF_UP));
    } else {
      excl = four(c.price());
      incl = four(excl.multiply(BigDecimal.ONE.add(r)));
    }
    return new ShopOrder.Charge(c.title(), excl, incl, c.vatRate());
  }

  private static void add(
      Map<BigDecimal, BigDecimal[]> perRate, BigDecimal rate, BigDecimal excl, BigDecimal incl) {
    BigDecimal key = rate.stripTrailingZeros();
    BigDecimal[] sums =
        perRate.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    sums[0] = sums[0].add(excl);
    sums[1] = sums[1].add(incl);
  }

  static BigDecimal four(BigDecimal v) {
    return v.setScale(4, RoundingMode.HALF_UP);
  }

  static BigDecimal two(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }
}

package koppel.order.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import koppel.order.domain.OrderLine;
import koppel.order.domain.ShopOrder;

/**
 * Random shop orders computed the way a shop computes them: from prices entered incl. or excl. VAT
 * to both prices per line (four decimals), line totals after discount, order totals rounded to
 * cents and a VAT breakdown per rate rounded per rate (which may miss the totals by a cent).
 */
final class ShopMath {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final String[] RATES = {"21", "6", "12", "0"};

  private ShopMath() {}

  static ShopOrder random(Random r, boolean pricesIncludeTax, String country) {
    List<OrderLine> lines = new ArrayList<>();
    Map<BigDecimal, BigDecimal[]> perRate = new TreeMap<>();
    int n = 1 + r.nextInt(5);
    for (int i = 0; i < n; i++) {
      BigDecimal rate = new BigDecimal(RATES[r.nextInt(RATES.length)]);
      BigDecimal qty =
          r.nextInt(5) == 0
              ? BigDecimal.valueOf(1 + r.nextInt(40), 1)
              : BigDecimal.valueOf(1 + r.nextInt(r.nextInt(10) == 0 ? 250 : 6));
      BigDecimal price = BigDecimal.valueOf(1 + r.nextInt(9999), r.nextBoolean() ? 2 : 4);
      BigDecimal discount =
          r.nextInt(4) == 0 ? BigDecimal.valueOf(r.nextInt(300), 2) : BigDecimal.ZERO;
      lines.add(line(i, rate, qty, price, discount, pricesIncludeTax, perRate));
    }
    ShopOrder.Charge shipping =
        r.nextBoolean()
            ? charge(
                "bpost", BigDecimal.valueOf(295 + r.nextInt(900), 2), rate(r), pricesIncludeTax)
            : null;
    ShopOrder.Charge fee =
        r.nextInt(4) == 0 ? charge("Fee", new BigDecimal("0.35"), rate(r), pricesIncludeTax) : null;
    List<ShopOrder.Discount> discounts = new ArrayList<>();
    if (r.nextInt(3) == 0) {
      BigDecimal dRate = lines.get(0).vatRate();
      ShopOrder.Charge d =
          charge("WELKOM", BigDecimal.valueOf(1 + r.nextInt(500), 2), dRate, pricesIncludeTax);
      discounts.add(new ShopOrder.Discount("W", "Welcome", dRate, d.priceExcl(), d.priceIncl()));
    }
    for (ShopOrder.Charge c : new ShopOrder.Charge[] {shipping, fee}) {
      if (c != null) {
        add(perRate, c.vatRate(), c.priceExcl(), c.priceIncl());
      }
    }
    for (ShopOrder.Discount d : discounts) {
      add(perRate, d.vatRate(), d.amountExcl().negate(), d.amountIncl().negate());
    }
    BigDecimal excl = BigDecimal.ZERO;
    BigDecimal incl = BigDecimal.ZERO;
    List<ShopOrder.VatBreakdown> breakdown = new ArrayList<>();
    for (Map.Entry<BigDecimal, BigDecimal[]> e : perRate.entrySet()) {
      excl = excl.add(e.getValue()[0]);
      incl = incl.add(e.getValue()[1]);
      BigDecimal base = two(e.getValue()[0]);
      breakdown.add(
          new ShopOrder.VatBreakdown(e.getKey(), base, two(e.getValue()[1]).subtract(base)));
    }
    BigDecimal totalExcl = two(excl);
    BigDecimal totalIncl = two(incl);
    return new ShopOrder(
        1,
        "2026-" + r.nextInt(100000),
        OffsetDateTime.parse("2026-11-03T10:15:00+01:00"),
        OffsetDateTime.parse("2026-11-03T10:20:00+01:00"),
        "processing",
        "paid",
        new ShopOrder.PaymentMethod("bancontact", "Bancontact"),
        "EUR",
        pricesIncludeTax,
        "nl",
        new ShopOrder.Customer(1L, "a@b.be", "A", "B", null, false, null, null, null),
        new ShopOrder.Address("A B", "Straat", "1", null, "9000", "Gent", country),
        null,
        lines,
        shipping,
        fee,
        discounts,
        new ShopOrder.Totals(totalExcl, totalIncl.subtract(totalExcl), totalIncl, breakdown));
  }

  private static BigDecimal rate(Random r) {
    return new BigDecimal(RATES[r.nextInt(RATES.length)]);
  }

  private static OrderLine line(
      int i,
      BigDecimal rate,
      BigDecimal qty,
      BigDecimal price,
      BigDecimal discount,
      boolean incl,
      Map<BigDecimal, BigDecimal[]> perRate) {
    BigDecimal f = BigDecimal.ONE.add(rate.divide(HUNDRED));
    if (discount.compareTo(qty.multiply(price).divide(BigDecimal.valueOf(2))) > 0) {
      discount = BigDecimal.ZERO;
    }
    BigDecimal unitExcl;
    BigDecimal unitIncl;
    BigDecimal discExcl;
    BigDecimal discIncl;
    BigDecimal totalExcl;
    BigDecimal totalIncl;
    if (incl) {
      unitIncl = four(price);
      unitExcl = four(unitIncl.divide(f, 10, RoundingMode.HALF_UP));
      discIncl = four(discount);
      discExcl = four(discIncl.divide(f, 10, RoundingMode.HALF_UP));
      totalIncl = four(qty.multiply(unitIncl).subtract(discIncl));
      totalExcl = four(totalIncl.divide(f, 10, RoundingMode.HALF_UP));
    } else {
      unitExcl = four(price);
      unitIncl = four(unitExcl.multiply(f));
      discExcl = four(discount);
      discIncl = four(discExcl.multiply(f));
      totalExcl = four(qty.multiply(unitExcl).subtract(discExcl));
      totalIncl = four(totalExcl.multiply(f));
    }
    add(perRate, rate, totalExcl, totalIncl);
    return new OrderLine(
        i,
        (long) i,
        "SKU-" + i,
        null,
        "Product " + i,
        null,
        qty,
        unitExcl,
        unitIncl,
        discExcl,
        discIncl,
        rate,
        totalExcl,
        totalIncl.subtract(totalExcl),
        totalIncl);
  }

  private static ShopOrder.Charge charge(
      String title, BigDecimal price, BigDecimal rate, boolean incl) {
    BigDecimal f = BigDecimal.ONE.add(rate.divide(HUNDRED));
    BigDecimal excl = incl ? four(price.divide(f, 10, RoundingMode.HALF_UP)) : four(price);
    BigDecimal in = incl ? four(price) : four(price.multiply(f));
    return new ShopOrder.Charge(title, excl, in, rate);
  }

  private static void add(
      Map<BigDecimal, BigDecimal[]> perRate, BigDecimal rate, BigDecimal excl, BigDecimal incl) {
    BigDecimal[] s =
        perRate.computeIfAbsent(
            rate.stripTrailingZeros(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    s[0] = s[0].add(excl);
    s[1] = s[1].add(incl);
  }

  private static BigDecimal four(BigDecimal v) {
    return v.setScale(4, RoundingMode.HALF_UP);
  }

  private static BigDecimal two(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }
}

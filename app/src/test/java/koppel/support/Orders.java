package koppel.support;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import koppel.order.domain.OrderLine;
import koppel.order.domain.ShopOrder;

/** Shop orders for unit tests, built like the contract's example order. */
public final class Orders {

  private Orders() {}

  public static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  public static OrderLine line(
      String sku,
      String qty,
      String unitExcl,
      String unitIncl,
      String discExcl,
      String discIncl,
      String rate,
      String totalExcl,
      String totalVat,
      String totalIncl) {
    return new OrderLine(
        1,
        77L,
        sku,
        null,
        "Product " + sku,
        null,
        d(qty),
        d(unitExcl),
        d(unitIncl),
        d(discExcl),
        d(discIncl),
        d(rate),
        d(totalExcl),
        d(totalVat),
        d(totalIncl));
  }

  /** The contract's example: 2 × wine with a line discount, bpost shipping, a WELKOM5 discount. */
  public static ShopOrder example() {
    return order(
        "BE",
        List.of(
            line(
                "WIJN-001",
                "2",
                "10.0000",
                "12.1000",
                "1.0000",
                "1.2100",
                "21.00",
                "19.0000",
                "3.9900",
                "22.9900")),
        new ShopOrder.Charge("bpost", d("5.0000"), d("6.0500"), d("21.00")),
        List.of(
            new ShopOrder.Discount(
                "WELKOM5", "Welcome discount", d("21.00"), d("2.0000"), d("2.4200"))),
        new ShopOrder.Totals(d("22.00"), d("4.62"), d("26.62"), List.of()));
  }

  public static ShopOrder order(
      String country,
      List<OrderLine> lines,
      ShopOrder.Charge shipping,
      List<ShopOrder.Discount> discounts,
      ShopOrder.Totals totals) {
    return new ShopOrder(
        48213,
        "2026-000123",
        OffsetDateTime.parse("2026-11-03T10:15:00+01:00"),
        OffsetDateTime.parse("2026-11-03T10:20:00+01:00"),
        "processing",
        "paid",
        new ShopOrder.PaymentMethod("bancontact", "Bancontact"),
        "EUR",
        true,
        "nl",
        new ShopOrder.Customer(
            991L, "jan@example.be", "Jan", "Peeters", null, false, null, null, null),
        new ShopOrder.Address("Jan Peeters", "Kerkstraat", "12", "b", "9000", "Gent", country),
        null,
        lines,
        shipping,
        null,
        discounts,
        totals);
  }
}

package koppel.connector.kmoshops;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import koppel.order.domain.OrderLine;
import koppel.order.domain.ShopOrder;
import tools.jackson.databind.JsonNode;

/**
 * Reads the shop's order JSON into a {@link ShopOrder}. Tolerant as the contract asks: unknown
 * fields are ignored and optional fields may be missing; amounts are decimal strings.
 */
final class KmoOrderJson {

  private KmoOrderJson() {}

  static ShopOrder read(JsonNode o) {
    List<OrderLine> lines = new ArrayList<>();
    for (JsonNode l : o.path("lines")) {
      lines.add(
          new OrderLine(
              l.path("id").asLong(),
              l.hasNonNull("productId") ? l.path("productId").asLong() : null,
              text(l, "sku"),
              text(l, "ean"),
              text(l, "name"),
              text(l, "variant"),
              decimal(l, "quantity"),
              decimal(l, "unitPriceExcl"),
              decimal(l, "unitPriceIncl"),
              decimal(l, "discountExcl"),
              decimal(l, "discountIncl"),
              decimal(l, "vatRate"),
              decimal(l, "totalExcl"),
              decimal(l, "totalVat"),
              decimal(l, "totalIncl")));
    }
    List<ShopOrder.Discount> discounts = new ArrayList<>();
    for (JsonNode d : o.path("discounts")) {
      discounts.add(
          new ShopOrder.Discount(
              text(d, "code"),
              text(d, "title"),
              decimal(d, "vatRate"),
              decimal(d, "amountExcl"),
              decimal(d, "amountIncl")));
    }
    JsonNode t = o.path("totals");
    List<ShopOrder.VatBreakdown> breakdown = new ArrayList<>();
    for (JsonNode v : t.path("vatBreakdown")) {
      breakdown.add(
          new ShopOrder.VatBreakdown(decimal(v, "rate"), decimal(v, "base"), decimal(v, "vat")));
    }
    JsonNode pm = o.path("paymentMethod");
    return new ShopOrder(
        o.path("id").asLong(),
        text(o, "number"),
        time(o, "createdAt"),
        time(o, "updatedAt"),
        text(o, "status"),
        text(o, "paymentStatus"),
        pm.isObject() ? new ShopOrder.PaymentMethod(text(pm, "code"), text(pm, "title")) : null,
        text(o, "currency"),
        o.path("pricesIncludeTax").asBoolean(true),
        text(o, "language"),
        customer(o.path("customer")),
        address(o.path("billingAddress")),
        address(o.path("shippingAddress")),
        lines,
        charge(o.path("shipping")),
        charge(o.path("paymentFee")),
        discounts,
        new ShopOrder.Totals(
            decimal(t, "totalExcl"), decimal(t, "totalVat"), decimal(t, "totalIncl"), breakdown));
  }

  private static ShopOrder.Customer customer(JsonNode c) {
    if (!c.isObject()) {
      return null;
    }
    return new ShopOrder.Customer(
        c.hasNonNull("id") ? c.path("id").asLong() : null,
        text(c, "email"),
        text(c, "firstName"),
        text(c, "lastName"),
        text(c, "phone"),
        c.path("isCompany").asBoolean(false),
        text(c, "companyName"),
        text(c, "vatNumber"),
        text(c, "companyNumber"));
  }

  private static ShopOrder.Address address(JsonNode a) {
    if (!a.isObject()) {
      return null;
    }
    return new ShopOrder.Address(
        text(a, "name"),
        text(a, "street"),
        text(a, "number"),
        text(a, "extension"),
        text(a, "zipcode"),
        text(a, "city"),
        text(a, "countryCode"));
  }

  private static ShopOrder.Charge charge(JsonNode c) {
    if (!c.isObject()) {
      return null;
    }
    return new ShopOrder.Charge(
        text(c, "title"), decimal(c, "priceExcl"), decimal(c, "priceIncl"), decimal(c, "vatRate"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNull() || v.isMissingNode() ? null : v.asString();
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the shop sent '" + v + "' as " + field + ", which is not a decimal number", e);
    }
  }

  private static OffsetDateTime time(JsonNode node, String field) {
    String v = text(node, field);
    try {
      return v == null ? null : OffsetDateTime.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "the shop sent '" + v + "' as " + field + ", which is not a date and time", e);
    }
  }
}

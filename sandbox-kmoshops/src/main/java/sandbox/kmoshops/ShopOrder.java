package sandbox.kmoshops;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order as the shop keeps it. {@link #toJson()} renders the contract's JSON: decimal strings
 * with four decimals for line amounts, two for totals, timestamps with the shop's offset.
 */
public final class ShopOrder implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  long id;
  String number;
  OffsetDateTime createdAt;
  OffsetDateTime updatedAt;
  String status;
  String paymentStatus;
  String paymentMethodCode;
  String paymentMethodTitle;
  String currency;
  boolean pricesIncludeTax;
  String language;
  Map<String, Object> customer;
  Map<String, Object> billingAddress;
  Map<String, Object> shippingAddress;
  List<Line> lines = new ArrayList<>();
  Charge shipping;
  Charge paymentFee;
  List<Discount> discounts = new ArrayList<>();
  Totals totals;

  /**
   * Fault injection: fields of the order's JSON replaced as served ("lines.0.totalIncl" → "12,50";
   * a null value removes the field), for testing how a client copes with a broken shop.
   */
  Map<String, String> overrides = new LinkedHashMap<>();

  record Line(
      long id,
      Long productId,
      String sku,
      String ean,
      String name,
      String variant,
      BigDecimal quantity,
      BigDecimal unitPriceExcl,
      BigDecimal unitPriceIncl,
      BigDecimal discountExcl,
      BigDecimal discountIncl,
      BigDecimal vatRate,
      BigDecimal totalExcl,
      BigDecimal totalVat,
      BigDecimal totalIncl)
      implements java.io.Serializable {}

  record Charge(String title, BigDecimal priceExcl, BigDecimal priceIncl, BigDecimal vatRate)
      implements java.io.Serializable {}

  record Discount(
      String code, String title, BigDecimal vatRate, BigDecimal amountExcl, BigDecimal amountIncl)
      implements java.io.Serializable {}

  record VatRow(BigDecimal rate, BigDecimal base, BigDecimal vat) implements java.io.Serializable {}

  record Totals(
      BigDecimal subtotalExcl,
      BigDecimal subtotalIncl,
      BigDecimal shippingExcl,
      BigDecimal shippingIncl,
      BigDecimal paymentFeeExcl,
      BigDecimal paymentFeeIncl,
      BigDecimal discountExcl,
      BigDecimal discountIncl,
      BigDecimal totalExcl,
      BigDecimal totalVat,
      BigDecimal totalIncl,
      List<VatRow> vatBreakdown)
      implements java.io.Serializable {}

  public long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public String status() {
    return status;
  }

  public String paymentStatus() {
    return paymentStatus;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /**
   * Timestamps as the contract writes them: always with seconds and the offset
   * ("2026-11-03T10:15:00+01:00"); {@code OffsetDateTime.toString()} would drop ":00" seconds.
   */
  static final java.time.format.DateTimeFormatter TIMESTAMP =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  static String iso(OffsetDateTime t) {
    return t == null ? null : TIMESTAMP.format(t);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", id);
    o.put("number", number);
    o.put("createdAt", iso(createdAt));
    o.put("updatedAt", iso(updatedAt));
    o.put("status", status);
    o.put("paymentStatus", paymentStatus);
    Map<String, Object> method = null;
    if (paymentMethodCode != null) {
      method = new LinkedHashMap<>();
      method.put("code", paymentMethodCode);
      method.put("title", paymentMethodTitle);
    }
    o.put("paymentMethod", method);
    o.put("currency", currency);
    o.put("pricesIncludeTax", pricesIncludeTax);
    o.put("language", language);
    o.put("customer", customer);
    o.put("billingAddress", billingAddress);
    o.put("shippingAddress", shippingAddress);
    List<Map<String, Object>> ls = new ArrayList<>();
    for (Line l : lines) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", l.id());
      m.put("productId", l.productId());
      m.put("sku", l.sku() == null ? "" : l.sku());
      if (l.ean() != null) {
        m.put("ean", l.ean());
      }
      m.put("name", l.name());
      m.put("variant", l.variant());
      m.put("quantity", plain(l.quantity()));
      m.put("unitPriceExcl", four(l.unitPriceExcl()));
      m.put("unitPriceIncl", four(l.unitPriceIncl()));
      m.put("discountExcl", four(l.discountExcl()));
      m.put("discountIncl", four(l.discountIncl()));
      m.put("vatRate", rate(l.vatRate()));
      m.put("totalExcl", four(l.totalExcl()));
      m.put("totalVat", four(l.totalVat()));
      m.put("totalIncl", four(l.totalIncl()));
      ls.add(m);
    }
    o.put("lines", ls);
    o.put("shipping", charge(shipping));
    o.put("paymentFee", charge(paymentFee));
    List<Map<String, Object>> ds = new ArrayList<>();
    for (Discount d : discounts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", d.code());
      m.put("title", d.title());
      m.put("vatRate", rate(d.vatRate()));
      m.put("amountExcl", four(d.amountExcl()));
      m.put("amountIncl", four(d.amountIncl()));
      ds.add(m);
    }
    o.put("discounts", ds);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("subtotalExcl", two(totals.subtotalExcl()));
    t.put("subtotalIncl", two(totals.subtotalIncl()));
    t.put("shippingExcl", two(totals.shippingExcl()));
    t.put("shippingIncl", two(totals.shippingIncl()));
    t.put("paymentFeeExcl", two(totals.paymentFeeExcl()));
    t.put("paymentFeeIncl", two(totals.paymentFeeIncl()));
    t.put("discountExcl", two(totals.discountExcl()));
    t.put("discountIncl", two(totals.discountIncl()));
    t.put("totalExcl", two(totals.totalExcl()));
    t.put("totalVat", two(totals.totalVat()));
    t.put("totalIncl", two(totals.totalIncl()));
    List<Map<String, Object>> vb = new ArrayList<>();
    for (VatRow v : totals.vatBreakdown()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rate", rate(v.rate()));
      row.put("base", two(v.base()));
      row.put("vat", two(v.vat()));
      vb.add(row);
    }
    t.put("vatBreakdown", vb);
    o.put("totals", t);
    if (overrides != null) {
      overrides.forEach((path, value) -> override(o, path, value));
    }
    return o;
  }

  /** Replaces (or, for null, removes) the field at a dotted path; list items by index. */
  @SuppressWarnings("unchecked")
  static void override(Map<String, Object> json, String path, String value) {
    String[] parts = path.split("\\.");
    Object node = json;
    for (int i = 0; i < parts.length - 1 && node != null; i++) {
      node =
          node instanceof List<?> list
              ? list.get(Integer.parseInt(parts[i]))
              : ((Map<String, Object>) node).get(parts[i]);
    }
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> target = (Map<String, Object>) map;
      String field = parts[parts.length - 1];
      if (value == null) {
        target.remove(field);
      } else {
        target.put(field, value);
      }
    } else {
      throw new IllegalArgumentException("No object at " + path);
    }
  }

  private static Map<String, Object> charge(Charge c) {
    if (c == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", c.title());
    m.put("priceExcl", four(c.priceExcl()));
    m.put("priceIncl", four(c.priceIncl()));
    m.put("vatRate", rate(c.vatRate()));
    return m;
  }

  static String four(BigDecimal v) {
    return v == null ? null : v.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  static String two(BigDecimal v) {
    return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  /** Whole rates with two decimals, others as they are: "21.00", "0.00", "5.5" (contract §2). */
  static String rate(BigDecimal v) {
    if (v == null) {
      return null;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() <= 0
        ? v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
        : s.toPlainString();
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}

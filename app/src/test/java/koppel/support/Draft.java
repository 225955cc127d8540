package koppel.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An order for the KMO Shops sandbox, built fluently: {@code Draft.paid("a@b.be").line("SKU", "2",
 * "12.10", "21").shipping("6.05", "21").create(system, seeded)}. Prices are in the shop's mode
 * (incl. VAT for a shop with prices incl. VAT). Creating it fires the shop's webhooks.
 */
public final class Draft {

  private final Map<String, Object> body = new LinkedHashMap<>();
  private final List<Map<String, Object>> lines = new ArrayList<>();
  private final List<Map<String, Object>> discounts = new ArrayList<>();
  private final Map<String, Object> customer = new LinkedHashMap<>();

  private Draft(String status, String payment) {
    body.put("status", status);
    body.put("paymentStatus", payment);
    body.put("paymentMethodCode", "bancontact");
    body.put("paymentMethodTitle", "Bancontact");
    body.put("customer", customer);
    body.put("lines", lines);
    body.put("discounts", discounts);
    billing("Kerkstraat", "12", "9000", "Gent", "BE");
  }

  /** A paid B2C order of a Belgian consumer with this e-mail address (null: a guest). */
  public static Draft paid(String email) {
    Draft d = new Draft("processing", "paid");
    if (email != null) {
      d.customer.put("email", email);
    }
    d.customer.put("firstName", "Jan");
    d.customer.put("lastName", "Peeters");
    d.customer.put("isCompany", false);
    return d;
  }

  public Draft status(String status, String payment) {
    body.put("status", status);
    body.put("paymentStatus", payment);
    return this;
  }

  public Draft paymentMethod(String code, String title) {
    body.put("paymentMethodCode", code);
    body.put("paymentMethodTitle", title);
    return this;
  }

  /** A company buyer with a VAT number (as typed). */
  public Draft company(String name, String vatNumber) {
    customer.put("isCompany", true);
    customer.put("companyName", name);
    if (vatNumber != null) {
      customer.put("vatNumber", vatNumber);
    }
    return this;
  }

  public Draft billing(String street, String number, String zip, String city, String country) {
    body.put("billingAddress", address(street, number, zip, city, country));
    return this;
  }

  public Draft shipTo(String street, String number, String zip, String city, String country) {
    body.put("shippingAddress", address(street, number, zip, city, country));
    return this;
  }

  public Draft line(String sku, String quantity, String unitPrice, String vatRate) {
    return line(sku, null, quantity, unitPrice, null, vatRate);
  }

  public Draft line(
      String sku, String ean, String quantity, String unitPrice, String discount, String vatRate) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("sku", sku);
    if (ean != null) {
      l.put("ean", ean);
    }
    l.put("name", "Product " + sku);
    l.put("quantity", quantity);
    l.put("unitPrice", unitPrice);
    if (discount != null) {
      l.put("discount", discount);
    }
    l.put("vatRate", vatRate);
    lines.add(l);
    return this;
  }

  public Draft shipping(String price, String vatRate) {
    body.put("shipping", Map.of("title", "bpost", "price", price, "vatRate", vatRate));
    return this;
  }

  public Draft paymentFee(String price, String vatRate) {
    body.put("paymentFee", Map.of("title", "Payment costs", "price", price, "vatRate", vatRate));
    return this;
  }

  public Draft discount(String amount, String vatRate) {
    discounts.add(
        Map.of(
            "code", "WELKOM", "title", "Welcome discount", "amount", amount, "vatRate", vatRate));
    return this;
  }

  public Map<String, Object> body() {
    return body;
  }

  /** Creates the order in the shop (webhooks fire); the shop's JSON of it. */
  public JsonNode create(KoppelSystem system, KoppelSystem.Seeded seeded) {
    Http.Response r =
        Http.post(system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders", body);
    if (r.status() != 201) {
      throw new IllegalStateException("The shop refused the order: " + r.status() + " " + r.body());
    }
    return r.json();
  }

  private static Map<String, Object> address(
      String street, String number, String zip, String city, String country) {
    return Map.of(
        "name",
        "Jan Peeters",
        "street",
        street,
        "number",
        number,
        "zipcode",
        zip,
        "city",
        city,
        "countryCode",
        country);
  }
}

package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seeded order generator, judged only by what the API hands out: a Belgian shop's October 2026
 * of 300 orders holds the whole mix (B2B and B2C; domestic, OSS at the destination's rates from
 * eu-vat.md §1, exports and ICP at 0 % with valid VAT numbers; several rates, fractional
 * quantities, discounts split per rate, fees, guests, late payments, cancellations, names in many
 * scripts), every order but the broken ones adds up, the broken ones are exactly the configured
 * share, the same seed gives the same orders, and the orders fire webhooks.
 */
class OrderGeneratorIT {

  static final String FROM = "2026-10-01T00:00:00+02:00";
  static final String TO = "2026-10-31T23:59:59+01:00";

  /** eu-vat.md §1: every rate a member state has in October 2026 (written out independently). */
  static final Map<String, Set<String>> RATES = new LinkedHashMap<>();

  static {
    rates("AT", "20 10 13 19");
    rates("BE", "21 6 12");
    rates("BG", "20 9");
    rates("HR", "25 5 13");
    rates("CY", "19 5 9 3");
    rates("CZ", "21 12 0");
    rates("DK", "25");
    rates("EE", "24 9 13");
    rates("FI", "25.5 10 13.5");
    rates("FR", "20 5.5 10 2.1");
    rates("DE", "19 7");
    rates("GR", "24 6 13");
    rates("HU", "27 5 18");
    rates("IE", "23 9 13.5 4.8 0");
    rates("IT", "22 5 10 4");
    rates("LV", "21 5 12");
    rates("LT", "21 5 12");
    rates("LU", "17 8 3 14");
    rates("MT", "18 5 7");
    rates("NL", "21 9");
    rates("PL", "23 5 8");
    rates("PT", "23 6 13");
    rates("RO", "21 11");
    rates("SK", "23 5 19");
    rates("SI", "22 5 9.5");
    rates("ES", "21 10 4");
    rates("SE", "25 6 12");
  }

  static final Set<String> EXPORTS = Set.of("CH", "GB", "US", "NO");
  static final Set<String> ISO = Set.of(Locale.getISOCountries());

  private final Sandbox sandbox = Sandbox.shared();

  @BeforeEach
  void setUp() {
    sandbox.reset();
  }

  @Test
  void aBelgianMonthHoldsTheWholeMix() {
    long shopId = sandbox.shop("BE");
    String token = sandbox.install(shopId).token();
    JsonNode summary = generate(shopId, 300, 2026, 0.03);
    System.out.println("Generator summary (300 orders, seed 2026, BE, incl. VAT): " + summary);

    List<JsonNode> orders = sandbox.allOrders(token, "");
    assertThat(orders).hasSize(300);
    OffsetDateTime from = OffsetDateTime.parse(FROM);
    OffsetDateTime to = OffsetDateTime.parse(TO);
    assertThat(orders)
        .allSatisfy(
            o -> {
              assertThat(time(o, "createdAt")).isBetween(from, to);
              assertThat(time(o, "updatedAt")).isBetween(time(o, "createdAt"), to);
              assertThat(o.path("pricesIncludeTax").asBoolean()).isTrue();
            });

    // broken orders: exactly 3 % (9), three of each kind, and nothing else is broken
    List<JsonNode> broken = orders.stream().filter(o -> !problems(o).isEmpty()).toList();
    assertThat(broken).hasSize(9);
    assertThat(broken.stream().flatMap(o -> problems(o).stream()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("totals", "vatNumber", "country");
    assertThat(broken.stream().map(o -> o.path("id").asLong()))
        .containsExactlyInAnyOrderElementsOf(
            summary.path("broken").valueStream().map(b -> b.path("orderId").asLong()).toList());
    List<JsonNode> good = orders.stream().filter(o -> problems(o).isEmpty()).toList();

    // B2B and B2C; domestic, OSS, ICP and exports
    assertThat(count(good, o -> company(o))).isGreaterThan(40);
    assertThat(count(good, o -> !company(o))).isGreaterThan(150);
    List<JsonNode> domestic = good.stream().filter(o -> destination(o).equals("BE")).toList();
    List<JsonNode> oss =
        good.stream()
            .filter(
                o ->
                    !destination(o).equals("BE")
                        && RATES.containsKey(destination(o))
                        && !zeroRated(o))
            .toList();
    List<JsonNode> icp =
        good.stream()
            .filter(
                o ->
                    RATES.containsKey(destination(o))
                        && !destination(o).equals("BE")
                        && zeroRated(o))
            .toList();
    List<JsonNode> exports = good.stream().filter(o -> EXPORTS.contains(destination(o))).toList();
    assertThat(domestic.size() + oss.size() + icp.size() + exports.size()).isEqualTo(good.size());
    assertThat(domestic).hasSizeGreaterThan(150);

    // domestic: Belgian rates, all three of them
    assertThat(lineRates(domestic)).containsExactlyInAnyOrder("21.00", "12.00", "6.00");
    // OSS: the destination's own rates, in many member states
    assertThat(oss).hasSizeGreaterThan(25);
    assertThat(oss)
        .allSatisfy(
            o ->
                assertThat(rates(o))
                    .isSubsetOf(
                        RATES.get(destination(o)).stream().map(OrderGeneratorIT::rate).toList()));
    assertThat(oss.stream().map(OrderGeneratorIT::destination).distinct().count())
        .isGreaterThanOrEqualTo(8);
    assertThat(lineRates(oss)).contains("19.00", "7.00", "20.00", "5.5");
    // exports at 0 %
    assertThat(exports)
        .hasSizeGreaterThan(10)
        .allSatisfy(o -> assertThat(rates(o)).containsOnly("0.00"));
    assertThat(exports.stream().map(OrderGeneratorIT::destination).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("CH", "GB", "US", "NO");
    // ICP at 0 %: a company with a valid number of another member state than Belgium
    assertThat(icp).hasSizeGreaterThan(20);
    assertThat(icp)
        .allSatisfy(
            o -> {
              assertThat(company(o)).isTrue();
              assertThat(rates(o)).containsOnly("0.00");
              String vat = VatNumbers.compact(vatNumber(o), billingCountry(o));
              assertThat(VatNumbers.isValid(vat)).as(vat).isTrue();
              assertThat(VatNumbers.country(vat.substring(0, 2))).isNotEqualTo("BE");
            });
    Set<String> icpCountries =
        icp.stream()
            .map(o -> VatNumbers.compact(vatNumber(o), billingCountry(o)).substring(0, 2))
            .collect(Collectors.toSet());
    assertThat(icpCountries.size()).isGreaterThanOrEqualTo(10);
    assertThat(
            count(
                icp,
                o ->
                    !VatNumbers.country(
                            VatNumbers.compact(vatNumber(o), billingCountry(o)).substring(0, 2))
                        .equals(destination(o))))
        .as("VAT number of another country than the shipping address")
        .isPositive();
    // domestic companies with a Belgian number, and messy formatting now and then
    assertThat(good)
        .filteredOn(o -> vatNumber(o) != null)
        .allSatisfy(o -> assertThat(VatNumbers.isValid(vatNumber(o), billingCountry(o))).isTrue());
    assertThat(
            count(
                good,
                o ->
                    vatNumber(o) != null
                        && !vatNumber(o)
                            .equals(VatNumbers.compact(vatNumber(o), billingCountry(o)))))
        .as("messy VAT numbers")
        .isGreaterThan(5);

    // several rates in one order, fractional quantities, discounts, fees
    assertThat(count(good, o -> lineRateSet(o).size() > 1)).isGreaterThan(30);
    assertThat(
            count(good, o -> lines(o).anyMatch(l -> l.path("quantity").asString().contains("."))))
        .isGreaterThan(10);
    assertThat(
            count(
                good,
                o -> lines(o).anyMatch(l -> Sandbox.dec(l.path("discountIncl")).signum() > 0)))
        .isGreaterThan(10);
    List<JsonNode> split = good.stream().filter(o -> o.path("discounts").size() > 1).toList();
    assertThat(split).isNotEmpty();
    assertThat(split)
        .allSatisfy(
            o -> {
              List<JsonNode> ds = o.path("discounts").valueStream().toList();
              assertThat(ds.stream().map(d -> d.path("code").asString()).distinct()).hasSize(1);
              assertThat(ds.stream().map(d -> d.path("vatRate").asString()).distinct())
                  .hasSize(ds.size());
              assertThat(ds.stream().map(d -> d.path("vatRate").asString()).toList())
                  .isSubsetOf(lineRateSet(o));
            });
    assertThat(count(good, o -> !o.path("paymentFee").isNull())).isGreaterThan(5);
    assertThat(count(good, o -> !o.path("shipping").isNull())).isGreaterThan(250);

    // people: accents and other scripts, guests without an e-mail address
    assertThat(count(good, o -> names(o).matches(".*[éèëüöäøåłçñ].*"))).isGreaterThan(20);
    assertThat(count(good, o -> nonLatin(names(o)))).isGreaterThan(3);
    assertThat(count(good, o -> !o.path("customer").has("email"))).isGreaterThan(3);

    // payments: bank transfers paid days later, some still pending; cancellations
    assertThat(
            count(
                good,
                o ->
                    method(o).equals("banktransfer")
                        && o.path("paymentStatus").asString().equals("paid")
                        && time(o, "updatedAt").isAfter(time(o, "createdAt").plusHours(7))))
        .isGreaterThan(10);
    assertThat(count(good, o -> o.path("paymentStatus").asString().equals("pending"))).isPositive();
    assertThat(count(good, o -> o.path("status").asString().equals("cancelled"))).isPositive();
    assertThat(count(good, o -> o.path("status").asString().equals("shipped"))).isPositive();
    assertThat(count(good, o -> o.path("status").asString().equals("completed"))).isPositive();
    assertThat(summary.path("mix").path("paidLater").asInt()).isGreaterThan(10);
  }

  @Test
  void theSameSeedGivesTheSameOrders() {
    List<JsonNode> a = generated("BE", true, 60, 99);
    List<JsonNode> b = generated("BE", true, 60, 99);
    List<JsonNode> c = generated("BE", true, 60, 100);

    assertThat(a).hasSize(60).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void aDutchShopEnteringPricesExclVat() {
    long shopId = sandbox.shop("NL", false, "nl-merchant", "pw");
    String token = sandbox.install(shopId).token();
    generate(shopId, 120, 7, 0.05);

    List<JsonNode> orders = sandbox.allOrders(token, "");
    assertThat(orders).hasSize(120);
    List<JsonNode> good = orders.stream().filter(o -> problems(o).isEmpty()).toList();
    assertThat(good).hasSize(114);
    assertThat(orders)
        .allSatisfy(o -> assertThat(o.path("pricesIncludeTax").asBoolean()).isFalse());
    List<JsonNode> domestic = good.stream().filter(o -> destination(o).equals("NL")).toList();
    assertThat(lineRates(domestic)).containsExactlyInAnyOrder("21.00", "9.00");
    // the merchant entered net prices in cents
    assertThat(good)
        .allSatisfy(
            o ->
                lines(o)
                    .forEach(l -> assertThat(l.path("unitPriceExcl").asString()).endsWith("00")));
    assertThat(count(good, o -> method(o).equals("ideal"))).isPositive();
  }

  @Test
  void generatedOrdersFireWebhooks() {
    long shopId = sandbox.shop("BE");
    Sandbox.Installed app = sandbox.install(shopId);
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      sandbox.subscribe(app, "order.created", receiver.url());
      sandbox.subscribe(app, "order.updated", receiver.url());

      JsonNode summary = generate(shopId, 25, 5, 0);

      int updates = summary.path("updates").asInt();
      assertThat(updates).isPositive();
      List<WebhookReceiver.Received> got = receiver.await(25 + updates);
      assertThat(got).filteredOn(r -> r.event().equals("order.created")).hasSize(25);
      assertThat(got).filteredOn(r -> r.event().equals("order.updated")).hasSize(updates);
      assertThat(got).allSatisfy(r -> assertThat(r.signedWith(app.webhookSecret())).isTrue());
      // an order's last webhook carries its updatedAt
      JsonNode o = sandbox.allOrders(app.token(), "").get(24);
      assertThat(
              got.stream()
                  .filter(r -> r.orderId() == o.path("id").asLong())
                  .map(r -> r.json().path("occurredAt").asString())
                  .toList())
          .contains(o.path("updatedAt").asString());
    }
  }

  @Test
  void theAdminPageShowsGeneratedAndHandMadeOrders() {
    long shopId = sandbox.shop("NL");
    generate(shopId, 20, 3, 0.1);
    sandbox.order(shopId, "10.00"); // a customer without companyName
    sandbox.admin(
        "POST",
        "/admin/apps",
        Map.of("clientId", "koppel", "clientSecret", "s", "redirectUri", "https://k.example/cb"));

    Sandbox.Response page = sandbox.get("/admin", null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("2026-000021").contains("https://k.example/cb");
  }

  @Test
  void payAndCancelShortcuts() {
    long shopId = sandbox.shop("BE");
    Map<String, Object> transfer = Sandbox.draft("30.00", null);
    transfer.put("status", "new");
    transfer.put("paymentStatus", "pending");
    long pending = sandbox.order(shopId, transfer).path("id").asLong();
    long other = sandbox.order(shopId, transfer).path("id").asLong();
    String base = "/admin/shops/" + shopId + "/orders/";

    JsonNode paid = sandbox.admin("POST", base + pending + "/pay", Map.of());
    assertThat(paid.path("paymentStatus").asString()).isEqualTo("paid");
    assertThat(paid.path("status").asString()).isEqualTo("processing");
    JsonNode refunded = sandbox.admin("POST", base + pending + "/cancel", Map.of());
    assertThat(refunded.path("status").asString()).isEqualTo("cancelled");
    assertThat(refunded.path("paymentStatus").asString()).isEqualTo("refunded");
    JsonNode cancelled = sandbox.admin("POST", base + other + "/cancel", Map.of());
    assertThat(cancelled.path("paymentStatus").asString()).isEqualTo("cancelled");
    assertThat(sandbox.send("POST", base + "9/pay", null, "{}").status()).isEqualTo(404);
  }

  @Test
  void defaultsAndInvalidParameters() {
    long shopId = sandbox.shop("BE");
    JsonNode summary = sandbox.admin("POST", "/admin/shops/" + shopId + "/generate", Map.of());
    assertThat(summary.path("count").asInt()).isEqualTo(100);
    assertThat(summary.path("seed").asLong()).isEqualTo(1);
    assertThat(summary.path("brokenRate").asDouble()).isEqualTo(0.03);
    assertThat(summary.path("broken")).hasSize(3);
    OffsetDateTime to = OffsetDateTime.parse(summary.path("to").asString());
    assertThat(OffsetDateTime.parse(summary.path("from").asString())).isEqualTo(to.minusDays(30));

    for (Map<String, Object> bad :
        List.of(
            Map.<String, Object>of("count", -1),
            Map.<String, Object>of("count", 100_000),
            Map.<String, Object>of("brokenRate", 1.5),
            Map.<String, Object>of("from", "2026-10-31T00:00:00Z", "to", "2026-10-01T00:00:00Z"),
            Map.<String, Object>of("from", "1 oktober"))) {
      Sandbox.Response r = sandbox.post("/admin/shops/" + shopId + "/generate", null, bad);
      assertThat(r.status()).as(bad.toString()).isEqualTo(422);
    }
    assertThat(sandbox.post("/admin/shops/4242/generate", null, Map.of()).status()).isEqualTo(404);
  }

  // --- checks a connector would make ----------------------------------------------------------

  /** Why an order is broken: totals that do not add up, a bad VAT number, an unknown country. */
  static List<String> problems(JsonNode o) {
    List<String> out = new ArrayList<>();
    if (!addsUp(o)) {
      out.add("totals");
    }
    String vat = vatNumber(o);
    if (vat != null && !VatNumbers.isValid(vat, billingCountry(o))) {
      out.add("vatNumber");
    }
    if (!ISO.contains(billingCountry(o)) || !ISO.contains(destination(o))) {
      out.add("country");
    }
    return out;
  }

  /**
   * The contract's consistency rule: totalIncl = Σ lines.totalIncl + shipping + payment fee − Σ
   * discounts (likewise excl), totalVat = totalIncl − totalExcl, totals rounded to cents.
   */
  static boolean addsUp(JsonNode o) {
    JsonNode t = o.path("totals");
    for (String side : List.of("Incl", "Excl")) {
      BigDecimal sum =
          lines(o)
              .map(l -> Sandbox.dec(l.path("total" + side)))
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      for (String charge : List.of("shipping", "paymentFee")) {
        if (!o.path(charge).isNull()) {
          sum = sum.add(Sandbox.dec(o.path(charge).path("price" + side)));
        }
      }
      for (JsonNode d : o.path("discounts")) {
        sum = sum.subtract(Sandbox.dec(d.path("amount" + side)));
      }
      String total = t.path("total" + side).asString();
      if (!total.matches("-?\\d+\\.\\d{2}")
          || new BigDecimal(total).compareTo(sum.setScale(2, RoundingMode.HALF_UP)) != 0) {
        return false;
      }
    }
    return Sandbox.dec(t.path("totalVat"))
            .compareTo(Sandbox.dec(t.path("totalIncl")).subtract(Sandbox.dec(t.path("totalExcl"))))
        == 0;
  }

  static String destination(JsonNode o) {
    JsonNode ship = o.path("shippingAddress");
    return (ship.isNull() ? o.path("billingAddress") : ship).path("countryCode").asString();
  }

  static String billingCountry(JsonNode o) {
    return o.path("billingAddress").path("countryCode").asString();
  }

  static boolean company(JsonNode o) {
    return o.path("customer").path("isCompany").asBoolean();
  }

  static String vatNumber(JsonNode o) {
    JsonNode v = o.path("customer").path("vatNumber");
    return v.isString() ? v.asString() : null;
  }

  static String method(JsonNode o) {
    return o.path("paymentMethod").path("code").asString();
  }

  static Stream<JsonNode> lines(JsonNode o) {
    return o.path("lines").valueStream();
  }

  static Set<String> lineRateSet(JsonNode o) {
    return lines(o).map(l -> l.path("vatRate").asString()).collect(Collectors.toSet());
  }

  /** Every rate in the order: lines, shipping, payment fee, discounts. */
  static Set<String> rates(JsonNode o) {
    Set<String> out = new HashSet<>(lineRateSet(o));
    for (String charge : List.of("shipping", "paymentFee")) {
      if (!o.path(charge).isNull()) {
        out.add(o.path(charge).path("vatRate").asString());
      }
    }
    o.path("discounts").forEach(d -> out.add(d.path("vatRate").asString()));
    return out;
  }

  static boolean zeroRated(JsonNode o) {
    return rates(o).equals(Set.of("0.00"));
  }

  static Set<String> lineRates(List<JsonNode> orders) {
    return orders.stream().flatMap(o -> lineRateSet(o).stream()).collect(Collectors.toSet());
  }

  static String names(JsonNode o) {
    JsonNode c = o.path("customer");
    return c.path("firstName").asString()
        + " "
        + c.path("lastName").asString()
        + " "
        + o.path("billingAddress").path("name").asString()
        + " "
        + o.path("billingAddress").path("street").asString();
  }

  static boolean nonLatin(String s) {
    return s.codePoints()
        .anyMatch(
            cp ->
                Character.isLetter(cp)
                    && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN);
  }

  static OffsetDateTime time(JsonNode o, String field) {
    return OffsetDateTime.parse(o.path(field).asString());
  }

  static long count(List<JsonNode> orders, Predicate<JsonNode> p) {
    return orders.stream().filter(p).count();
  }

  /** How the contract renders a percentage: "21.00", "5.5". */
  static String rate(String percent) {
    BigDecimal r = new BigDecimal(percent);
    return r.stripTrailingZeros().scale() <= 0
        ? r.setScale(2).toPlainString()
        : r.stripTrailingZeros().toPlainString();
  }

  private static void rates(String country, String rates) {
    RATES.put(country, Set.of(rates.split(" ")));
  }

  // --- generating -------------------------------------------------------------------------------

  private JsonNode generate(long shopId, int count, long seed, double brokenRate) {
    return sandbox.admin(
        "POST",
        "/admin/shops/" + shopId + "/generate",
        Map.of("count", count, "seed", seed, "from", FROM, "to", TO, "brokenRate", brokenRate));
  }

  /** The orders of a fresh shop, without what may differ between runs (ids, customer-free). */
  private List<JsonNode> generated(String country, boolean incl, int count, long seed) {
    long shopId = sandbox.shop(country, incl, "m-" + seed + "-" + System.nanoTime(), "pw");
    String token = sandbox.install(shopId).token();
    generate(shopId, count, seed, 0.03);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode o : sandbox.allOrders(token, "")) {
      ObjectNode copy = (ObjectNode) o.deepCopy();
      copy.remove("id");
      copy.remove("number");
      copy.path("lines").forEach(l -> ((ObjectNode) l).remove("id"));
      out.add(copy);
    }
    return out;
  }
}

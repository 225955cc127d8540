package koppel.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import koppel.support.Draft;
import koppel.support.ExactAdmin;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every combination the merchant's books depend on — sales order, sales invoice and sales entry ×
 * shop prices incl./excl. VAT × Exact VAT codes incl./excl. × domestic, OSS, ICP and export, each
 * order with mixed rates, a line discount, shipping, a payment fee and an order discount — booked
 * under every reading of Exact's arithmetic the reference leaves open (line rounding half-up or
 * half-even; VAT rounded per line half-up, half-even or per document; entry amounts with an
 * inclusive code read as excl. or incl. VAT). For each: the JSON that reached Exact has the fields
 * the manual names, and Exact's own totals per VAT code are the shop's to the cent.
 */
class BookingMatrixIT {

  enum Situation {
    DOMESTIC,
    OSS,
    ICP,
    EXPORT
  }

  private record Combination(String mode, boolean shopIncl, boolean codesIncl) {
    String login() {
      return ("m" + mode.charAt(6) + (shopIncl ? "i" : "e") + (codesIncl ? "I" : "E"))
          .toLowerCase();
    }
  }

  private record Booking(
      Combination combination, KoppelSystem.Seeded seeded, Situation situation, long orderId) {}

  private static final String[][] KNOBS = {
    {"HALF_UP", "LINE_HALF_UP"}, {"HALF_EVEN", "LINE_HALF_EVEN"}, {"HALF_UP", "DOCUMENT"},
    {"HALF_EVEN", "LINE_HALF_UP"}, {"HALF_UP", "LINE_HALF_EVEN"}, {"HALF_EVEN", "DOCUMENT"}
  };

  private static KoppelSystem system;
  private static ExactAdmin exact;
  private static final Map<Combination, KoppelSystem.Seeded> integrations = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    system =
        KoppelSystem.start(
            Map.of("sandbox.exact.minutely-limit", 100_000, "sandbox.exact.daily-limit", 1_000_000),
            Map.of("sandbox.kmoshops.requests-per-minute", 100_000),
            Map.of("koppel.exact.minutely-limit", 100_000, "koppel.exact.daily-limit", 1_000_000));
    exact = new ExactAdmin(system);
    for (String mode : List.of("SALES_ORDER", "SALES_INVOICE", "SALES_ENTRY")) {
      for (boolean shopIncl : List.of(true, false)) {
        for (boolean codesIncl : List.of(true, false)) {
          Combination c = new Combination(mode, shopIncl, codesIncl);
          KoppelSystem.Seeded seeded = system.seedIntegration(c.login(), null, shopIncl);
          configure(seeded, c);
          integrations.put(c, seeded);
        }
      }
    }
  }

  @AfterAll
  static void stop() {
    exact.behaviour(
        Map.of(
            "lineRounding",
            "HALF_UP",
            "vatRounding",
            "LINE_HALF_UP",
            "entryAmountIncludesVat",
            false));
    system.close();
  }

  @Test
  void everyCombinationBooksTheShopsAmountsPerVatCodeUnderEveryReadingOfExact() {
    int checked = 0;
    int round = 0;
    for (String[] knobs : KNOBS) {
      for (boolean entryIncl : List.of(false, true)) {
        round++;
        exact.behaviour(
            Map.of(
                "lineRounding",
                knobs[0],
                "vatRounding",
                knobs[1],
                "entryAmountIncludesVat",
                entryIncl));
        List<Booking> bookings = new ArrayList<>();
        for (Map.Entry<Combination, KoppelSystem.Seeded> e : integrations.entrySet()) {
          for (Situation s : Situation.values()) {
            long id =
                order(s, round + "-" + e.getKey().login() + "-" + s)
                    .create(system, e.getValue())
                    .path("id")
                    .asLong();
            bookings.add(new Booking(e.getKey(), e.getValue(), s, id));
          }
        }
        awaitBooked(bookings, knobs, entryIncl);
        for (Booking b : bookings) {
          check(b, knobs, entryIncl);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(KNOBS.length * 2 * 12 * 4);
    System.out.printf(
        "Booking matrix: %d documents checked per VAT code under %d readings of Exact%n",
        checked, KNOBS.length * 2);
  }

  // --- the orders -----------------------------------------------------------------------------

  /** One order for the situation: mixed rates where VAT is charged, a fractional quantity. */
  private static Draft order(Situation s, String tag) {
    String email = "matrix-" + tag.toLowerCase() + "@example.com";
    return switch (s) {
      case DOMESTIC ->
          Draft.paid(email)
              .line("WIJN", null, "3", "8.95", "1.50", "21")
              .line("BOEK", null, "2", "14.99", null, "6")
              .line("STOF", null, "1.5", "4.99", null, "21")
              .shipping("6.95", "21")
              .paymentFee("0.35", "21")
              .discount("2.50", "21");
      case OSS ->
          Draft.paid(email)
              .billing("Rue de Rivoli", "10", "75001", "Paris", "FR")
              .line("VIN", null, "3", "8.95", "1.50", "20")
              .line("LIVRE", null, "2", "14.99", null, "5.5")
              .line("TISSU", null, "1.5", "4.99", null, "20")
              .shipping("6.95", "20")
              .paymentFee("0.35", "20")
              .discount("2.50", "20");
      case ICP ->
          Draft.paid(email)
              .company("Müller GmbH", "DE136695976")
              .billing("Hauptstraße", "1", "10115", "Berlin", "DE")
              .line("WEIN", null, "3", "8.95", "1.50", "0")
              .line("BUCH", null, "2", "14.99", null, "0")
              .shipping("6.95", "0")
              .paymentFee("0.35", "0")
              .discount("2.50", "0");
      case EXPORT ->
          Draft.paid(email)
              .billing("Bahnhofstrasse", "1", "8001", "Zürich", "CH")
              .line("WEIN", null, "3", "8.95", "1.50", "0")
              .line("BUCH", null, "1.5", "14.99", null, "0")
              .shipping("19.95", "0")
              .paymentFee("0.35", "0")
              .discount("2.50", "0");
    };
  }

  // --- what must be true ------------------------------------------------------------------------

  private static void check(Booking b, String[] knobs, boolean entryIncl) {
    String reading = String.join("/", knobs) + "/entryIncl=" + entryIncl;
    String what = b.combination() + " " + b.situation() + " under " + reading;
    JsonNode view = ShopOrders.koppelView(system, b.seeded(), b.orderId());
    JsonNode order = view.path("order");
    assertThat(order.path("state").asString()).as(what + ": " + view).isEqualTo("BOOKED");
    String number = order.path("orderNumber").asString();
    String mode = b.combination().mode();
    String entity =
        switch (mode) {
          case "SALES_ORDER" -> "salesorder/SalesOrders";
          case "SALES_INVOICE" -> "salesinvoice/SalesInvoices";
          default -> "salesentry/SalesEntries";
        };
    JsonNode sent =
        exact.requests(b.seeded().division(), "POST", entity).stream()
            .filter(r -> r.path("status").asInt() == 201)
            .map(r -> r.path("body"))
            .filter(body -> number.equals(body.path("YourRef").asString()))
            .reduce((x, y) -> y)
            .orElseThrow(() -> new AssertionError(what + ": no POST with YourRef " + number));
    checkFields(sent, mode, number, b.combination().codesIncl(), what);

    JsonNode shopOrder = shopOrder(b);
    Map<String, BigDecimal[]> perCode = exactPerCode(b, entity, order);
    Map<String, BigDecimal[]> expected = expectedPerCode(b, shopOrder);
    assertThat(perCode.keySet()).as(what + " VAT codes").isEqualTo(expected.keySet());
    BigDecimal paid = new BigDecimal(shopOrder.path("totals").path("totalIncl").asString());
    BigDecimal breakdownSum =
        expected.values().stream()
            .map(v -> v[0].add(v[1]))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    boolean breakdownAddsUp = breakdownSum.compareTo(paid) == 0;
    expected.forEach(
        (code, ev) -> {
          BigDecimal[] got = perCode.get(code);
          if (breakdownAddsUp) {
            // the shop's VAT breakdown adds up to what was paid: Exact shows exactly it
            assertThat(got[0]).as(what + " excl. at code " + code).isEqualByComparingTo(ev[0]);
            assertThat(got[1]).as(what + " VAT at code " + code).isEqualByComparingTo(ev[1]);
          } else {
            // it does not (the shop rounded per rate): a cent moves, the total stays what was paid
            assertThat(got[0].subtract(ev[0]).abs())
                .as(what + " excl. at " + code)
                .isLessThanOrEqualTo(new BigDecimal("0.01"));
            assertThat(got[1].subtract(ev[1]).abs())
                .as(what + " VAT at " + code)
                .isLessThanOrEqualTo(new BigDecimal("0.01"));
          }
        });
    JsonNode header = documentRow(b, entity, order);
    assertThat(header.path("AmountFC").decimalValue())
        .as(what + " total")
        .isEqualByComparingTo(
            new BigDecimal(shopOrder.path("totals").path("totalIncl").asString()));
  }

  private static void checkFields(
      JsonNode sent, String mode, String number, boolean codesIncl, String what) {
    assertThat(sent.path("YourRef").asString()).as(what).isEqualTo(number);
    assertThat(sent.path("PaymentReference").asString()).as(what).isEqualTo(number);
    assertThat(sent.has("Currency")).as(what + ": currency only by operator option").isFalse();
    assertThat(sent.has("OrderDate") || sent.has("EntryDate")).as(what + " date").isTrue();
    switch (mode) {
      case "SALES_INVOICE" -> {
        assertThat(sent.path("Type").asInt()).as(what).isEqualTo(8020);
        assertThat(sent.path("Journal").asString()).as(what).isEqualTo("700");
        assertThat(sent.path("Description").asString()).isEqualTo("Order number " + number);
        assertThat(sent.path("Remarks").asString()).isEqualTo("Bancontact");
        assertThat(sent.has("Warehouse")).isFalse();
        for (JsonNode l : sent.path("SalesInvoiceLines")) {
          assertThat(l.has("Item") && l.has("Quantity") && l.has("UnitPrice")).as(what).isTrue();
          assertThat(l.has("VATAmountFC")).as(what + ": the line's VAT is sent").isTrue();
          assertThat(l.path("GLAccount").asString()).as(what + " revenue account").isNotBlank();
        }
      }
      case "SALES_ORDER" -> {
        assertThat(sent.path("Description").asString()).isEqualTo(number);
        assertThat(sent.path("WarehouseID").asString()).as(what + " warehouse").isNotBlank();
        for (JsonNode l : sent.path("SalesOrderLines")) {
          assertThat(l.has("Item") && l.has("Quantity") && l.has("UnitPrice")).as(what).isTrue();
          assertThat(l.has("VATAmount")).as(what + ": the line's VAT is sent").isTrue();
          assertThat(l.has("GLAccount")).as(what + ": orders never name a ledger").isFalse();
        }
      }
      default -> {
        assertThat(sent.path("Journal").asString()).as(what).isEqualTo("700");
        assertThat(sent.path("Description").asString()).isEqualTo(number);
        for (JsonNode l : sent.path("SalesEntryLines")) {
          assertThat(l.has("Item")).isFalse();
          assertThat(l.has("AmountFC") && l.has("VATAmountFC") && l.has("GLAccount"))
              .as(what)
              .isTrue();
        }
      }
    }
  }

  /** Per VAT code: excl. amount and VAT as Exact computed them (its stored lines). */
  private static Map<String, BigDecimal[]> exactPerCode(Booking b, String entity, JsonNode order) {
    String lines =
        switch (entity) {
          case "salesorder/SalesOrders" -> "salesorder/SalesOrderLines";
          case "salesinvoice/SalesInvoices" -> "salesinvoice/SalesInvoiceLines";
          default -> "salesentry/SalesEntryLines";
        };
    String key =
        switch (entity) {
          case "salesorder/SalesOrders" -> "OrderID";
          case "salesinvoice/SalesInvoices" -> "InvoiceID";
          default -> "EntryID";
        };
    String id = order.path("document").path("id").asString();
    Map<String, BigDecimal[]> out = new HashMap<>();
    for (JsonNode l : exact.rows(b.seeded().division(), lines)) {
      if (!id.equals(l.path(key).asString())) {
        continue;
      }
      BigDecimal excl =
          l.hasNonNull("VATBaseAmountFC")
              ? l.path("VATBaseAmountFC").decimalValue()
              : l.path("AmountFC").decimalValue();
      BigDecimal vat =
          l.hasNonNull("VATAmountFC")
              ? l.path("VATAmountFC").decimalValue()
              : l.path("VATAmount").decimalValue();
      BigDecimal[] sum =
          out.computeIfAbsent(
              l.path("VATCode").asString(),
              c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sum[0] = sum[0].add(excl);
      sum[1] = sum[1].add(vat);
    }
    return out;
  }

  /** Per VAT code: the shop's breakdown, through the integration's VAT mapping. */
  private static Map<String, BigDecimal[]> expectedPerCode(Booking b, JsonNode shopOrder) {
    Map<String, BigDecimal[]> out = new HashMap<>();
    for (JsonNode row : shopOrder.path("totals").path("vatBreakdown")) {
      BigDecimal rate = new BigDecimal(row.path("rate").asString());
      String code = code(b.situation(), rate, b.combination().codesIncl());
      BigDecimal[] sum =
          out.computeIfAbsent(code, c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sum[0] = sum[0].add(new BigDecimal(row.path("base").asString()));
      sum[1] = sum[1].add(new BigDecimal(row.path("vat").asString()));
    }
    return out;
  }

  private static JsonNode documentRow(Booking b, String entity, JsonNode order) {
    String id = order.path("document").path("id").asString();
    String key =
        switch (entity) {
          case "salesorder/SalesOrders" -> "OrderID";
          case "salesinvoice/SalesInvoices" -> "InvoiceID";
          default -> "EntryID";
        };
    return exact.rows(b.seeded().division(), entity).stream()
        .filter(r -> id.equals(r.path(key).asString()))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode shopOrder(Booking b) {
    return Http.getBearer(system.shopsUrl + "/api/v1/orders/" + b.orderId(), b.seeded().shopToken())
        .json();
  }

  // --- the merchant's configuration ------------------------------------------------------------

  private static final Map<String, String> OSS_CODES = new HashMap<>();

  /** The Exact VAT code for a rate: Belgian codes at home, French OSS codes, ICP 44, export 47. */
  private static String code(Situation s, BigDecimal rate, boolean incl) {
    String r = rate.stripTrailingZeros().toPlainString();
    return switch (s) {
      case ICP -> "44";
      case EXPORT -> "47";
      case OSS -> OSS_CODES.get(r + (incl ? "I" : "E"));
      case DOMESTIC ->
          switch (r) {
            case "21" -> incl ? "13" : "03";
            case "6" -> incl ? "11" : "01";
            default -> throw new IllegalArgumentException(r);
          };
    };
  }

  private static void configure(KoppelSystem.Seeded seeded, Combination c) {
    if (OSS_CODES.isEmpty()) {
      for (JsonNode v : system.exactRows(seeded.division(), "vat/VATCodes")) {
        if ("FR".equals(v.path("OssCountry").asString(""))) {
          BigDecimal p = new BigDecimal(v.path("Percentage").asString());
          String rate =
              (p.compareTo(BigDecimal.ONE) <= 0 ? p.movePointRight(2) : p)
                  .stripTrailingZeros()
                  .toPlainString();
          OSS_CODES.put(rate + v.path("Type").asString(), v.path("Code").asString());
        }
      }
    }
    boolean incl = c.codesIncl();
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(
        KoppelSystem.vatRow(
            "COUNTRY", "BE", "21", code(Situation.DOMESTIC, new BigDecimal("21"), incl), "700000"));
    rows.add(
        KoppelSystem.vatRow(
            "COUNTRY", "BE", "6", code(Situation.DOMESTIC, new BigDecimal("6"), incl), "700100"));
    rows.add(
        KoppelSystem.vatRow(
            "COUNTRY", "FR", "20", code(Situation.OSS, new BigDecimal("20"), incl), "700500"));
    rows.add(
        KoppelSystem.vatRow(
            "COUNTRY", "FR", "5.5", code(Situation.OSS, new BigDecimal("5.5"), incl), "700500"));
    rows.add(KoppelSystem.vatRow("ICP", "", "0", "44", "700300"));
    rows.add(KoppelSystem.vatRow("INTERNATIONAL", "", "0", "47", "700400"));
    system.operatorPut(
        "/api/operator/integrations/" + seeded.integrationId() + "/vat-mappings", rows);
    system.operatorPut(
        "/api/operator/integrations/" + seeded.integrationId() + "/settings",
        Map.of(
            "bookingMode",
            c.mode(),
            "vatIncluding",
            incl,
            "salesJournal",
            "700",
            "warehouse",
            "1"));
  }

  private static void awaitBooked(List<Booking> bookings, String[] knobs, boolean entryIncl) {
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  bookings.stream()
                      .allMatch(
                          b -> {
                            String s = ShopOrders.state(system, b.seeded(), b.orderId());
                            return s.equals("BOOKED") || s.equals("FAILED");
                          }));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "not all final under " + String.join("/", knobs) + "/" + entryIncl, e);
    }
  }

  static BigDecimal cents(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }
}

package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Amounts and VAT (reference §5.4–§5.6, §10.7) under every value of the computation knobs, switched
 * at runtime with {@code PUT /admin/behaviour}: the same invoice, order and sales entry are posted
 * under each combination and the stored line and header figures are compared with a table.
 */
class ComputationConformanceIT {

  private static Sandbox sandbox;
  private Sandbox.Setup s;
  private String customer;
  private String item;
  private String revenue;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            Map.of("sandbox.exact.minutely-limit", 1000, "sandbox.exact.daily-limit", 9999));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    s = sandbox.setup("NL");
    customer =
        sandbox
            .create(s, "crm/Accounts", Map.of("Name", "Klant", "Status", "C"))
            .path("ID")
            .asString();
    item =
        sandbox
            .create(
                s,
                "logistics/Items",
                Map.of("Code", "ART", "Description", "Artikel", "SalesVatCode", "1"))
            .path("ID")
            .asString();
    revenue = sandbox.idOf(s.division(), "financial/GLAccounts", "8000");
  }

  // --- the documents ---------------------------------------------------------------------------

  /**
   * Invoice and order lines (NL codes: 1 = 21 % excl., 2 = 21 % incl., 3 = 9 % excl., 5 = 0 %): VAT
   * ties on 0.50 and 2.50 excl.; three 1.00 incl. lines whose per-line VAT (3 × 0.17) differs from
   * the document's (0.52); 3 × 0.415 = 1.245, a line-rounding tie; an incl. line with an explicit
   * VAT amount; a 0 % line.
   */
  private List<Map<String, Object>> itemLines(String vatField) {
    return List.of(
        line("1", 1, "0.50", null, null),
        line("1", 1, "0.50", null, null),
        line("1", 1, "2.50", null, null),
        line("2", 1, "1.00", null, null),
        line("2", 1, "1.00", null, null),
        line("2", 1, "1.00", null, null),
        line("3", 3, "0.415", null, null),
        line("2", 1, "12.10", vatField, "2.00"),
        line("5", 1, "3.00", null, null));
  }

  /** Sales entry lines: the same codes and amounts as AmountFC on revenue account 8000. */
  private List<Map<String, Object>> entryLines() {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String[] l :
        List.of(
            new String[] {"1", "0.50", null},
            new String[] {"1", "0.50", null},
            new String[] {"1", "2.50", null},
            new String[] {"2", "1.00", null},
            new String[] {"2", "1.00", null},
            new String[] {"2", "1.00", null},
            new String[] {"2", "12.10", "2.00"},
            new String[] {"5", "3.00", null})) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("GLAccount", revenue);
      m.put("VATCode", l[0]);
      m.put("AmountFC", new BigDecimal(l[1]));
      if (l[2] != null) {
        m.put("VATAmountFC", new BigDecimal(l[2]));
      }
      lines.add(m);
    }
    return lines;
  }

  // --- the expected figures ------------------------------------------------------------------

  /** Excl. VAT, VAT, incl. VAT of the item lines, per VAT rounding; line 7 per line rounding. */
  private static List<String[]> expectedItemLines(String lineRounding, String vatRounding) {
    String[] seventh =
        lineRounding.equals("HALF_UP")
            ? new String[] {"1.25", "0.11", "1.36"}
            : new String[] {"1.24", "0.11", "1.35"};
    List<String[]> rows =
        switch (vatRounding) {
          case "LINE_HALF_UP" ->
              rows(
                  "0.50 0.11 0.61",
                  "0.50 0.11 0.61",
                  "2.50 0.53 3.03",
                  "0.83 0.17 1.00",
                  "0.83 0.17 1.00",
                  "0.83 0.17 1.00");
          case "LINE_HALF_EVEN" ->
              rows(
                  "0.50 0.10 0.60",
                  "0.50 0.10 0.60",
                  "2.50 0.52 3.02",
                  "0.83 0.17 1.00",
                  "0.83 0.17 1.00",
                  "0.83 0.17 1.00");
          // code 1: 3.50 × 21 % = 0.735 → 0.74, lines 0.11 + 0.11 + 0.53 → −0.01 on the 2.50 line;
          // code 2: 3.00 − 3.00 / 1.21 = 0.52, lines 3 × 0.17 → +0.01 on the first 1.00 line
          default ->
              rows(
                  "0.50 0.11 0.61",
                  "0.50 0.11 0.61",
                  "2.50 0.52 3.02",
                  "0.82 0.18 1.00",
                  "0.83 0.17 1.00",
                  "0.83 0.17 1.00");
        };
    rows.add(seventh);
    // an explicit VAT amount on an incl. line moves the split, never the line total
    rows.add(new String[] {"10.10", "2.00", "12.10"});
    rows.add(new String[] {"3.00", "0.00", "3.00"});
    return rows;
  }

  /** Stored AmountFC, VATAmountFC, VATBaseAmountFC (excl.) and incl. VAT of the entry lines. */
  private static List<String[]> expectedEntryLines(String vatRounding, boolean includesVat) {
    List<String[]> rows =
        switch (vatRounding) {
          case "LINE_HALF_EVEN" ->
              rows("0.50 0.10 0.50 0.60", "0.50 0.10 0.50 0.60", "2.50 0.52 2.50 3.02");
          case "DOCUMENT" ->
              rows("0.50 0.11 0.50 0.61", "0.50 0.11 0.50 0.61", "2.50 0.52 2.50 3.02");
          default -> rows("0.50 0.11 0.50 0.61", "0.50 0.11 0.50 0.61", "2.50 0.53 2.50 3.03");
        };
    if (includesVat) {
      // reference §10.7: AmountFC of an I-code line includes VAT
      rows.addAll(
          vatRounding.equals("DOCUMENT")
              ? rows("1.00 0.18 0.82 1.00", "1.00 0.17 0.83 1.00", "1.00 0.17 0.83 1.00")
              : rows("1.00 0.17 0.83 1.00", "1.00 0.17 0.83 1.00", "1.00 0.17 0.83 1.00"));
      rows.addAll(rows("12.10 2.00 10.10 12.10"));
    } else {
      // reference §5.6: AmountFC is the amount excluding VAT, whatever the code's type
      rows.addAll(rows("1.00 0.21 1.00 1.21", "1.00 0.21 1.00 1.21", "1.00 0.21 1.00 1.21"));
      rows.addAll(rows("12.10 2.00 12.10 14.10"));
    }
    rows.addAll(rows("3.00 0.00 3.00 3.00"));
    return rows;
  }

  static Stream<Arguments> knobs() {
    List<Arguments> all = new ArrayList<>();
    for (String line : List.of("HALF_UP", "HALF_EVEN")) {
      for (String vat : List.of("LINE_HALF_UP", "LINE_HALF_EVEN", "DOCUMENT")) {
        for (boolean incl : List.of(false, true)) {
          all.add(Arguments.of(line, vat, incl));
        }
      }
    }
    return all.stream();
  }

  // --- the table ------------------------------------------------------------------------------

  @ParameterizedTest(name = "lineRounding={0} vatRounding={1} entryAmountIncludesVat={2}")
  @MethodSource("knobs")
  void theSameDocumentsUnderEveryKnobValue(String lineRounding, String vatRounding, boolean incl) {
    JsonNode now =
        sandbox.admin(
            "PUT",
            "/admin/behaviour",
            Map.of(
                "lineRounding",
                lineRounding,
                "vatRounding",
                vatRounding,
                "entryAmountIncludesVat",
                incl));
    assertThat(now.path("vatRounding").asString()).isEqualTo(vatRounding);

    List<String[]> items = expectedItemLines(lineRounding, vatRounding);

    // invoice: lines keep AmountFC excl., VATAmountFC; header AmountFC, AmountFCExclVat,
    // VATAmountFC
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("OrderedBy", customer);
    invoice.put("Journal", "70");
    invoice.put("SalesInvoiceLines", itemLines("VATAmountFC"));
    JsonNode created = sandbox.create(s, "salesinvoice/SalesInvoices", invoice);
    String invoiceId = created.path("InvoiceID").asString();
    List<JsonNode> invoiceLines = lines("salesinvoice/SalesInvoiceLines", "InvoiceID", invoiceId);
    assertThat(invoiceLines).hasSize(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode l = invoiceLines.get(i);
      String[] e = items.get(i);
      assertThat(l.path("AmountFC").decimalValue())
          .as("invoice line %d excl", i + 1)
          .isEqualByComparingTo(e[0]);
      assertThat(l.path("VATAmountFC").decimalValue())
          .as("invoice line %d VAT", i + 1)
          .isEqualByComparingTo(e[1]);
      assertThat(l.path("VATPercentage").isNumber()).isTrue();
    }
    JsonNode invoiceRow = row("salesinvoice/SalesInvoices", "InvoiceID", invoiceId);
    for (JsonNode h : List.of(created, invoiceRow)) {
      assertThat(h.path("AmountFC").decimalValue()).isEqualByComparingTo(sum(items, 2));
      assertThat(h.path("AmountFCExclVat").decimalValue()).isEqualByComparingTo(sum(items, 0));
      assertThat(h.path("VATAmountFC").decimalValue()).isEqualByComparingTo(sum(items, 1));
    }

    // order: the explicit VAT field of an order line is VATAmount
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("OrderedBy", customer);
    order.put("SalesOrderLines", itemLines("VATAmount"));
    JsonNode createdOrder = sandbox.create(s, "salesorder/SalesOrders", order);
    String orderId = createdOrder.path("OrderID").asString();
    List<JsonNode> orderLines = lines("salesorder/SalesOrderLines", "OrderID", orderId);
    for (int i = 0; i < items.size(); i++) {
      JsonNode l = orderLines.get(i);
      String[] e = items.get(i);
      assertThat(l.path("AmountFC").decimalValue())
          .as("order line %d excl", i + 1)
          .isEqualByComparingTo(e[0]);
      assertThat(l.path("VATAmount").decimalValue())
          .as("order line %d VAT", i + 1)
          .isEqualByComparingTo(e[1]);
      assertThat(l.has("VATAmountFC")).isFalse();
    }
    JsonNode orderRow = row("salesorder/SalesOrders", "OrderID", orderId);
    for (JsonNode h : List.of(createdOrder, orderRow)) {
      assertThat(h.path("AmountFC").decimalValue()).isEqualByComparingTo(sum(items, 2));
      assertThat(h.path("AmountFCExclVat").decimalValue()).isEqualByComparingTo(sum(items, 0));
    }

    // sales entry: header AmountFC incl. VAT, VATAmountFC = Σ VAT
    List<String[]> entries = expectedEntryLines(vatRounding, incl);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("Customer", customer);
    entry.put("Journal", "70");
    entry.put("SalesEntryLines", entryLines());
    JsonNode createdEntry = sandbox.create(s, "salesentry/SalesEntries", entry);
    String entryId = createdEntry.path("EntryID").asString();
    List<JsonNode> entryLines = lines("salesentry/SalesEntryLines", "EntryID", entryId);
    assertThat(entryLines).hasSize(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      JsonNode l = entryLines.get(i);
      String[] e = entries.get(i);
      assertThat(l.path("AmountFC").decimalValue())
          .as("entry line %d AmountFC", i + 1)
          .isEqualByComparingTo(e[0]);
      assertThat(l.path("VATAmountFC").decimalValue())
          .as("entry line %d VAT", i + 1)
          .isEqualByComparingTo(e[1]);
      assertThat(l.path("VATBaseAmountFC").decimalValue())
          .as("entry line %d base", i + 1)
          .isEqualByComparingTo(e[2]);
    }
    JsonNode entryRow = row("salesentry/SalesEntries", "EntryID", entryId);
    for (JsonNode h : List.of(createdEntry, entryRow)) {
      assertThat(h.path("AmountFC").decimalValue()).isEqualByComparingTo(sum(entries, 3));
      assertThat(h.path("VATAmountFC").decimalValue()).isEqualByComparingTo(sum(entries, 1));
    }
  }

  @Test
  void theTableAddsUpAsWorkedOutByHand() {
    // half-up everywhere: 20.34 excl. + 3.37 VAT = 23.71
    List<String[]> items = expectedItemLines("HALF_UP", "LINE_HALF_UP");
    assertThat(sum(items, 0)).isEqualByComparingTo("20.34");
    assertThat(sum(items, 1)).isEqualByComparingTo("3.37");
    assertThat(sum(items, 2)).isEqualByComparingTo("23.71");
  }

  // --- the knobs themselves -------------------------------------------------------------------

  @Test
  void behaviourShowsSwitchesAndResetsItsValues() {
    JsonNode defaults = sandbox.admin("GET", "/admin/behaviour", null);
    assertThat(defaults.propertyNames())
        .containsExactlyInAnyOrder(
            "lineRounding",
            "vatRounding",
            "entryAmountIncludesVat",
            "caseInsensitiveStrings",
            "syncRequiresSelect");
    assertThat(defaults.path("syncRequiresSelect").asBoolean()).isTrue();
    assertThat(defaults.path("lineRounding").asString()).isEqualTo("HALF_UP");
    assertThat(defaults.path("vatRounding").asString()).isEqualTo("LINE_HALF_UP");
    assertThat(defaults.path("entryAmountIncludesVat").asBoolean()).isFalse();
    assertThat(defaults.path("caseInsensitiveStrings").asBoolean()).isTrue();

    JsonNode changed = sandbox.admin("PUT", "/admin/behaviour", Map.of("vatRounding", "DOCUMENT"));
    assertThat(changed.path("vatRounding").asString()).isEqualTo("DOCUMENT");
    assertThat(changed.path("lineRounding").asString()).as("others unchanged").isEqualTo("HALF_UP");

    Sandbox.Response unknown =
        sandbox.send(
            "PUT", "/admin/behaviour", null, Sandbox.text(Map.of("vatRouding", "DOCUMENT")));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("error").asString()).contains("vatRouding");
    Sandbox.Response badValue =
        sandbox.send("PUT", "/admin/behaviour", null, Sandbox.text(Map.of("lineRounding", "DOWN")));
    assertThat(badValue.status()).isEqualTo(400);
    assertThat(badValue.json().path("error").asString()).contains("HALF_EVEN");
    Sandbox.Response notBoolean =
        sandbox.send(
            "PUT", "/admin/behaviour", null, Sandbox.text(Map.of("entryAmountIncludesVat", "yes")));
    assertThat(notBoolean.status()).isEqualTo(400);
    assertThat(sandbox.admin("GET", "/admin/behaviour", null).path("vatRounding").asString())
        .as("a refused change changes nothing")
        .isEqualTo("DOCUMENT");

    sandbox.reset();
    assertThat(sandbox.admin("GET", "/admin/behaviour", null)).isEqualTo(defaults);
  }

  @Test
  void caseInsensitiveStringsSwitchesAtRuntime() {
    sandbox.create(s, "crm/Accounts", Map.of("Name", "Bakkerij Brood", "Status", "C"));
    String lower = s.api("crm/Accounts") + "?" + filter("Name eq 'bakkerij brood'");

    assertThat(sandbox.get(lower, s.token()).d()).hasSize(1);
    sandbox.admin("PUT", "/admin/behaviour", Map.of("caseInsensitiveStrings", false));
    assertThat(sandbox.get(lower, s.token()).d()).isEmpty();
    assertThat(
            sandbox
                .get(s.api("crm/Accounts") + "?" + filter("Name eq 'Bakkerij Brood'"), s.token())
                .d())
        .hasSize(1);
    sandbox.admin("PUT", "/admin/behaviour", Map.of("caseInsensitiveStrings", true));
    assertThat(sandbox.get(lower, s.token()).d()).hasSize(1);
  }

  // --- rules around the table ------------------------------------------------------------------

  @Test
  void discountAndNetPrice() {
    Map<String, Object> discounted = new LinkedHashMap<>();
    discounted.put("Item", item);
    discounted.put("Quantity", 3);
    discounted.put("UnitPrice", 10.0);
    discounted.put("Discount", 0.1);
    discounted.put("VATCode", "1");
    Map<String, Object> net = new LinkedHashMap<>();
    net.put("Item", item);
    net.put("Quantity", 2);
    net.put("UnitPrice", 12.0);
    net.put("NetPrice", 9.99);
    net.put("VATCode", "1");
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("OrderedBy", customer);
    invoice.put("Journal", "70");
    invoice.put("SalesInvoiceLines", List.of(discounted, net));

    JsonNode created = sandbox.create(s, "salesinvoice/SalesInvoices", invoice);

    List<JsonNode> lines =
        lines("salesinvoice/SalesInvoiceLines", "InvoiceID", created.path("InvoiceID").asString());
    assertThat(lines.get(0).path("AmountFC").decimalValue()).isEqualByComparingTo("27.00");
    assertThat(lines.get(0).path("VATAmountFC").decimalValue()).isEqualByComparingTo("5.67");
    assertThat(lines.get(1).path("AmountFC").decimalValue()).isEqualByComparingTo("19.98");
    assertThat(lines.get(1).path("VATAmountFC").decimalValue()).isEqualByComparingTo("4.20");
    assertThat(created.path("AmountFC").decimalValue()).isEqualByComparingTo("56.85");
  }

  @Test
  void explicitVatOnAnExcludingLineIsAddedToTheLine() {
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("OrderedBy", customer);
    invoice.put("Journal", "70");
    invoice.put("SalesInvoiceLines", List.of(line("1", 1, "10.00", "VATAmountFC", "2.00")));

    JsonNode created = sandbox.create(s, "salesinvoice/SalesInvoices", invoice);

    assertThat(created.path("AmountFCExclVat").decimalValue()).isEqualByComparingTo("10.00");
    assertThat(created.path("VATAmountFC").decimalValue()).isEqualByComparingTo("2.00");
    assertThat(created.path("AmountFC").decimalValue()).isEqualByComparingTo("12.00");
  }

  @Test
  void vatAmountFcOnAnOrderLineIsAnUnknownProperty() {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("OrderedBy", customer);
    order.put("SalesOrderLines", List.of(line("1", 1, "10.00", "VATAmountFC", "2.10")));

    Sandbox.Response r = sandbox.post(s.api("salesorder/SalesOrders"), s.token(), order);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error())
        .isEqualTo(
            "Error processing request stream. The property name 'VATAmountFC' specified for type"
                + " 'Exact.Web.Api.Models.SalesOrderLine' is not valid.");
    assertThat(sandbox.rows(s.division(), "salesorder/SalesOrders")).isEmpty();
  }

  @Test
  void aVatAmountWithANoVatCodeIsRefused() {
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("OrderedBy", customer);
    invoice.put("Journal", "70");
    invoice.put("SalesInvoiceLines", List.of(line("0", 1, "10.00", "VATAmountFC", "2.10")));

    Sandbox.Response r = sandbox.post(s.api("salesinvoice/SalesInvoices"), s.token(), invoice);

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.error())
        .isEqualTo(
            "Een btw bedrag is niet toegestaan als u gebruikmaakt van een btw-code van het type"
                + " \"geen btw\"");

    invoice.put("SalesInvoiceLines", List.of(line("0", 1, "10.00", "VATAmountFC", "0")));
    JsonNode zero = sandbox.create(s, "salesinvoice/SalesInvoices", invoice);
    assertThat(zero.path("AmountFC").decimalValue()).isEqualByComparingTo("10.00");
  }

  // ------------------------------------------------------------------------------------------

  private Map<String, Object> line(
      String vatCode, int quantity, String price, String vatField, String vat) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Item", item);
    m.put("Quantity", quantity);
    m.put("UnitPrice", new BigDecimal(price));
    m.put("VATCode", vatCode);
    if (vatField != null) {
      m.put(vatField, new BigDecimal(vat));
    }
    return m;
  }

  /** The stored lines of one document, by line number. */
  private List<JsonNode> lines(String entity, String parentKey, String parentId) {
    return sandbox.rows(s.division(), entity).stream()
        .filter(l -> l.path(parentKey).asString().equals(parentId))
        .sorted(Comparator.comparingInt(l -> l.path("LineNumber").asInt()))
        .toList();
  }

  private JsonNode row(String entity, String key, String id) {
    return sandbox.rows(s.division(), entity).stream()
        .filter(r -> r.path(key).asString().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static List<String[]> rows(String... rows) {
    List<String[]> out = new ArrayList<>();
    for (String r : rows) {
      out.add(r.split(" "));
    }
    return out;
  }

  private static BigDecimal sum(List<String[]> rows, int column) {
    return rows.stream()
        .map(r -> new BigDecimal(r[column]))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}

package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.filter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's own admin API (reference §10.9 and the sandbox checklist): NL and BE division
 * templates with the master data an accountant sets up, fault injection per endpoint, call
 * counters, reset, and the HTML page that shows what was booked.
 */
class AdminConformanceIT {

  /** EU member states and their standard VAT rates in percent. */
  private static final Map<String, String> EU_STANDARD_RATES =
      Map.ofEntries(
          Map.entry("AT", "20"),
          Map.entry("BE", "21"),
          Map.entry("BG", "20"),
          Map.entry("CY", "19"),
          Map.entry("CZ", "21"),
          Map.entry("DE", "19"),
          Map.entry("DK", "25"),
          Map.entry("EE", "24"),
          Map.entry("ES", "21"),
          Map.entry("FI", "25.5"),
          Map.entry("FR", "20"),
          Map.entry("GR", "24"),
          Map.entry("HR", "25"),
          Map.entry("HU", "27"),
          Map.entry("IE", "23"),
          Map.entry("IT", "22"),
          Map.entry("LT", "21"),
          Map.entry("LU", "17"),
          Map.entry("LV", "21"),
          Map.entry("MT", "18"),
          Map.entry("NL", "21"),
          Map.entry("PL", "23"),
          Map.entry("PT", "23"),
          Map.entry("RO", "21"),
          Map.entry("SE", "25"),
          Map.entry("SI", "22"),
          Map.entry("SK", "23"));

  private static Sandbox sandbox;
  private Sandbox.Setup s;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(Map.of());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    s = sandbox.setup("NL", "BE");
  }

  // --- templates ----------------------------------------------------------------------------

  @Test
  void dutchTemplate() {
    int nl = s.divisions().get("NL");
    List<JsonNode> vat = sandbox.rows(nl, "vat/VATCodes");

    assertDomestic(vat, "21", "9");
    assertZeroIcpAndExport(vat, "5", "6", "7");
    assertOss(vat, "NL");

    assertRevenueAccounts(nl, "8000");
    assertJournal(nl, "70", 20);
    assertJournal(nl, "10", 10);
    assertPaymentConditionsAndMainWarehouse(nl);
  }

  @Test
  void belgianTemplate() {
    int be = s.divisions().get("BE");
    List<JsonNode> vat = sandbox.rows(be, "vat/VATCodes");

    assertDomestic(vat, "21", "12", "6");
    assertZeroIcpAndExport(vat, "00", "44", "47");
    assertOss(vat, "BE");

    assertRevenueAccounts(be, "700000");
    assertJournal(be, "700", 20);
    assertJournal(be, "10", 10);
    assertPaymentConditionsAndMainWarehouse(be);
  }

  @Test
  void divisionsCanBeCreatedWithAGivenCodeAndAreListed() {
    JsonNode created =
        sandbox.admin(
            "POST",
            "/admin/divisions",
            Map.of("country", "BE", "code", 777001, "description", "X"));
    assertThat(created.path("code").asInt()).isEqualTo(777001);
    assertThat(created.path("country").asString()).isEqualTo("BE");

    JsonNode all = sandbox.admin("GET", "/admin/divisions", null);
    assertThat(all.valueStream().map(d -> d.path("code").asInt()))
        .containsExactlyInAnyOrder(s.divisions().get("NL"), s.divisions().get("BE"), 777001);
  }

  @Test
  void templateDataIsServedByTheApi() {
    Sandbox.Response de =
        sandbox.get(s.api("vat/VATCodes") + "?" + filter("OssCountry eq 'DE'"), s.token());

    assertThat(de.status()).isEqualTo(200);
    assertThat(de.d().valueStream().map(v -> v.path("Type").asString()))
        .containsExactlyInAnyOrder("E", "I", "E", "I");
    assertThat(de.d().valueStream().map(v -> v.path("Percentage").decimalValue().toPlainString()))
        .containsOnly("0.19", "0.07");
  }

  // --- faults -------------------------------------------------------------------------------

  @Test
  void failBeforeStoreAnswers500HtmlAndStoresNothing() {
    fault("FAIL_BEFORE_STORE", 1, null);

    Sandbox.Response r = postAccount("Voor");

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.header("Content-Type"))
        .hasValueSatisfying(c -> assertThat(c).contains("text/html"));
    assertThat(r.body()).contains("<html");
    assertThat(accounts()).isEmpty();

    assertThat(postAccount("Daarna").status()).as("only the next call").isEqualTo(201);
  }

  @Test
  void failAfterStoreStoresAndAnswers500Html() {
    fault("FAIL_AFTER_STORE", 2, null);

    Sandbox.Response first = postAccount("Na 1");
    Sandbox.Response second = postAccount("Na 2");

    assertThat(first.status()).isEqualTo(500);
    assertThat(second.status()).isEqualTo(500);
    assertThat(first.body()).contains("<html");
    assertThat(accounts()).containsExactlyInAnyOrder("Na 1", "Na 2");
    assertThat(postAccount("Na 3").status()).isEqualTo(201);
  }

  @Test
  void timeoutAfterStoreStoresAndAnswersLate() {
    fault("TIMEOUT_AFTER_STORE", 1, 1_200L);

    Instant before = Instant.now();
    Sandbox.Response r = postAccount("Laat");
    Duration took = Duration.between(before, Instant.now());

    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1_200));
    assertThat(r.status()).isEqualTo(500);
    assertThat(accounts()).containsExactly("Laat");
  }

  @Test
  void force429AnswersTooManyRequestsWithTheMinutelyHeaders() {
    sandbox.admin(
        "POST",
        "/admin/faults",
        Map.of("method", "GET", "path", "financial/Journals", "kind", "FORCE_429", "times", 1));

    Sandbox.Response r = sandbox.get(s.api("financial/Journals"), s.token());

    assertThat(r.status()).isEqualTo(429);
    assertThat(r.rateLimitHeaders())
        .containsExactly(
            "x-ratelimit-minutely-limit",
            "x-ratelimit-minutely-remaining",
            "x-ratelimit-minutely-reset");
    assertThat(sandbox.get(s.api("financial/Journals"), s.token()).status()).isEqualTo(200);
    assertThat(postAccount("Ander endpoint").status()).isEqualTo(201);
  }

  @Test
  void faultsCanBeCleared() {
    fault("FAIL_BEFORE_STORE", 5, null);
    sandbox.admin("DELETE", "/admin/faults", null);

    assertThat(postAccount("Gewoon").status()).isEqualTo(201);
  }

  // --- counters, reset, page ------------------------------------------------------------------

  @Test
  void callsAreCountedPerEndpointAndDivision() {
    int be = s.divisions().get("BE");
    postAccount("Een");
    sandbox.get(s.api("crm/Accounts") + "?" + filter("Name eq 'Een'"), s.token());
    sandbox.get(s.api("crm/Accounts") + "?" + filter("Name eq 'Twee'"), s.token());
    sandbox.get("/api/v1/" + be + "/financial/Journals", s.token());

    JsonNode nl = sandbox.admin("GET", "/admin/divisions/" + s.division() + "/counters", null);
    assertThat(nl.path("calls").path("GET crm/Accounts").asInt()).isEqualTo(2);
    assertThat(nl.path("calls").path("POST crm/Accounts").asInt()).isEqualTo(1);
    assertThat(nl.path("calls").has("GET financial/Journals")).isFalse();

    JsonNode other = sandbox.admin("GET", "/admin/divisions/" + be + "/counters", null);
    assertThat(other.path("calls").path("GET financial/Journals").asInt()).isEqualTo(1);
    assertThat(other.path("calls").has("GET crm/Accounts")).isFalse();
  }

  @Test
  void resetForgetsEverything() {
    postAccount("Weg");
    fault("FAIL_BEFORE_STORE", 3, null);
    sandbox.advance(86_400 * 3);

    sandbox.reset();

    assertThat(sandbox.admin("GET", "/admin/divisions", null)).isEmpty();
    assertThat(sandbox.get("/api/v1/current/Me", s.token()).status()).isEqualTo(401);
    assertThat(Duration.between(Instant.now(), sandbox.now()).abs())
        .isLessThan(Duration.ofMinutes(1));
    JsonNode counters =
        sandbox.admin("GET", "/admin/divisions/" + s.division() + "/counters", null);
    assertThat(counters.path("calls")).isEmpty();

    Sandbox.Setup fresh = sandbox.setup("NL");
    Sandbox.Response after =
        sandbox.post(fresh.api("crm/Accounts"), fresh.token(), Map.of("Name", "Nieuw"));
    assertThat(after.status()).as("faults are cleared").isEqualTo(201);
  }

  @Test
  void adminPageListsEachDivisionsAccountsItemsAndDocuments() {
    String customer =
        sandbox
            .create(s, "crm/Accounts", Map.of("Name", "Pagina Klant BV", "Status", "C"))
            .path("ID")
            .asString();
    String item =
        sandbox
            .create(
                s,
                "logistics/Items",
                Map.of("Code", "PAGE-ITEM", "Description", "Pagina artikel", "SalesVatCode", "1"))
            .path("ID")
            .asString();
    List<Map<String, Object>> lines =
        List.of(Map.of("Item", item, "Quantity", 2, "UnitPrice", 10.0, "VATCode", "1"));
    sandbox.create(
        s,
        "salesinvoice/SalesInvoices",
        Map.of(
            "OrderedBy",
            customer,
            "Journal",
            "70",
            "YourRef",
            "INV-PAGE",
            "SalesInvoiceLines",
            lines));
    sandbox.create(
        s,
        "salesorder/SalesOrders",
        Map.of("OrderedBy", customer, "YourRef", "ORD-PAGE", "SalesOrderLines", lines));
    sandbox.create(
        s,
        "salesentry/SalesEntries",
        Map.of(
            "Customer",
            customer,
            "Journal",
            "70",
            "YourRef",
            "ENT-PAGE",
            "SalesEntryLines",
            List.of(
                Map.of(
                    "GLAccount",
                    sandbox.idOf(s.division(), "financial/GLAccounts", "8000"),
                    "AmountFC",
                    50.0,
                    "VATCode",
                    "1"))));

    Sandbox.Response page = sandbox.send("GET", "/admin", null, null, "Accept", "text/html");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text())
        .contains(
            Integer.toString(s.divisions().get("NL")), Integer.toString(s.divisions().get("BE")))
        .contains("Pagina Klant BV", "PAGE-ITEM", "Pagina artikel")
        .contains("INV-PAGE", "ORD-PAGE", "ENT-PAGE")
        .contains("24.20");
  }

  // ------------------------------------------------------------------------------------------

  private static void assertDomestic(List<JsonNode> vat, String... rates) {
    for (String rate : rates) {
      for (String type : List.of("E", "I")) {
        assertThat(
                vat.stream()
                    .filter(v -> v.path("OssCountry").isNull())
                    .filter(v -> v.path("VATTransactionType").asString().equals("S"))
                    .filter(v -> v.path("Type").asString().equals(type))
                    .filter(v -> is(v.path("Percentage"), rate)))
            .as("domestic %s%% type %s", rate, type)
            .hasSize(1);
      }
    }
  }

  private static void assertZeroIcpAndExport(
      List<JsonNode> vat, String zero, String icp, String export) {
    JsonNode z = code(vat, zero);
    assertThat(is(z.path("Percentage"), "0")).isTrue();
    assertThat(z.path("Type").asString()).isIn("B", "N");
    JsonNode i = code(vat, icp);
    assertThat(i.path("EUSalesListing").asString()).isEqualTo("L");
    assertThat(is(i.path("Percentage"), "0")).isTrue();
    JsonNode e = code(vat, export);
    assertThat(is(e.path("Percentage"), "0")).isTrue();
    assertThat(e.path("EUSalesListing").asString()).isNotEqualTo("L");
    assertThat(e.path("Description").asString().toLowerCase())
        .containsAnyOf("buiten de eu", "uitvoer");
  }

  private static void assertOss(List<JsonNode> vat, String home) {
    List<JsonNode> oss = vat.stream().filter(v -> !v.path("OssCountry").isNull()).toList();
    assertThat(oss.stream().map(v -> v.path("OssCountry").asString()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(
            EU_STANDARD_RATES.keySet().stream().filter(c -> !c.equals(home)).toList());
    // standard rate of every other member state, once excl. and once incl.
    EU_STANDARD_RATES.forEach(
        (country, rate) -> {
          if (country.equals(home)) {
            return;
          }
          for (String type : List.of("E", "I")) {
            assertThat(
                    oss.stream()
                        .filter(v -> v.path("OssCountry").asString().equals(country))
                        .filter(v -> v.path("Type").asString().equals(type))
                        .filter(v -> is(v.path("Percentage"), rate)))
                .as("OSS %s %s%% %s", country, rate, type)
                .hasSize(1);
          }
        });
    // one code per country, rate and type: no duplicates, every rate in both forms
    Map<String, Integer> perKey = new HashMap<>();
    oss.forEach(
        v ->
            perKey.merge(
                v.path("OssCountry").asString()
                    + " "
                    + v.path("Percentage").decimalValue().stripTrailingZeros()
                    + " "
                    + v.path("Type").asString(),
                1,
                Integer::sum));
    assertThat(perKey.values()).containsOnly(1);
    assertThat(oss.stream().filter(v -> v.path("Type").asString().equals("E")).count())
        .isEqualTo(oss.stream().filter(v -> v.path("Type").asString().equals("I")).count());
    assertThat(oss).allMatch(v -> v.path("VATTransactionType").asString().equals("S"));
  }

  private static void assertRevenueAccounts(int division, String code) {
    List<JsonNode> revenue =
        sandbox.rows(division, "financial/GLAccounts").stream()
            .filter(g -> g.path("Type").asInt() == 110)
            .toList();
    assertThat(revenue).isNotEmpty();
    assertThat(revenue)
        .allMatch(g -> g.path("BalanceType").asString().equals("W"))
        .allMatch(g -> g.path("BalanceSide").asString().equals("C"));
    assertThat(revenue).extracting(g -> g.path("Code").asString()).contains(code);
  }

  private static void assertJournal(int division, String code, int type) {
    JsonNode journal = code(sandbox.rows(division, "financial/Journals"), code);
    assertThat(journal.path("Type").asInt()).as("journal %s", code).isEqualTo(type);
  }

  private static void assertPaymentConditionsAndMainWarehouse(int division) {
    List<JsonNode> conditions = sandbox.rows(division, "cashflow/PaymentConditions");
    assertThat(conditions).isNotEmpty();
    assertThat(conditions).allMatch(c -> !c.path("Code").asString().isBlank());
    assertThat(conditions).anyMatch(c -> c.path("PaymentDays").asInt() > 0);
    assertThat(
            sandbox.rows(division, "inventory/Warehouses").stream()
                .filter(w -> w.path("Main").asInt() == 1))
        .hasSize(1);
  }

  private static JsonNode code(List<JsonNode> rows, String code) {
    return rows.stream()
        .filter(r -> r.path("Code").asString().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no code " + code));
  }

  /** A percentage (a fraction in the API) equals this percent. */
  private static boolean is(JsonNode fraction, String percent) {
    return fraction.decimalValue().compareTo(new BigDecimal(percent).movePointLeft(2)) == 0;
  }

  private void fault(String kind, int times, Long delayMillis) {
    Map<String, Object> f = new HashMap<>();
    f.put("method", "POST");
    f.put("path", "crm/Accounts");
    f.put("kind", kind);
    f.put("times", times);
    if (delayMillis != null) {
      f.put("delayMillis", delayMillis);
    }
    sandbox.admin("POST", "/admin/faults", f);
  }

  private Sandbox.Response postAccount(String name) {
    return sandbox.post(s.api("crm/Accounts"), s.token(), Map.of("Name", name, "Status", "C"));
  }

  private List<String> accounts() {
    return sandbox.rows(s.division(), "crm/Accounts").stream()
        .map(a -> a.path("Name").asString())
        .toList();
  }
}

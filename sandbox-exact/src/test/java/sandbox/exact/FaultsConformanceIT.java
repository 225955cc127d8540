package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fault injection (reference §10.9, §11): faults for a fraction of the calls drawn from a seeded
 * random, several on one endpoint with at most one per call, 429s on lookups with the minutely
 * headers, the list of active faults with how often each fired, and a 50-thread client that finds
 * every document whole.
 */
class FaultsConformanceIT {

  private static final String ACCOUNTS = "crm/Accounts";
  private static final String INVOICES = "salesinvoice/SalesInvoices";

  private static Sandbox sandbox;
  private Sandbox.Setup s;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            Map.of("sandbox.exact.minutely-limit", 100_000, "sandbox.exact.daily-limit", 100_000));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    s = sandbox.setup("NL");
  }

  @Test
  void twoFaultsOfTenPercentOnOneEndpointFireAboutOneCallInFiveAndNeverTogether() {
    probabilistic("POST", ACCOUNTS, "FAIL_AFTER_STORE", 0.1, null);
    probabilistic("POST", ACCOUNTS, "TIMEOUT_AFTER_STORE", 0.1, null);

    List<Integer> statuses = postAccounts(200);

    long failed = statuses.stream().filter(st -> st == 500).count();
    assertThat(statuses).containsOnly(201, 500);
    JsonNode listed = sandbox.admin("GET", "/admin/faults", null).path("faults");
    assertThat(listed).hasSize(2);
    int afterStore = listed.path(0).path("fired").asInt();
    int timeout = listed.path(1).path("fired").asInt();
    assertThat(afterStore + timeout).as("one fault per failed call").isEqualTo((int) failed);
    assertThat(afterStore).isBetween(8, 35);
    assertThat(timeout).isBetween(8, 35);
    assertThat(listed.path(0).path("probability").asDouble()).isEqualTo(0.1);
    assertThat(listed.path(0).path("active").asBoolean()).isTrue();
    assertThat(listed.path(0).path("kind").asString()).isEqualTo("FAIL_AFTER_STORE");
    assertThat(listed.path(1).path("delayMillis").asLong()).isEqualTo(5);
    // both kinds fail after storing: every account is there
    assertThat(sandbox.rows(s.division(), ACCOUNTS)).hasSize(200);
  }

  @Test
  void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
    probabilistic("POST", ACCOUNTS, "FAIL_BEFORE_STORE", 0.3, 7L);
    List<Integer> first = postAccounts(60);

    s = sandbox.setup("NL");
    probabilistic("POST", ACCOUNTS, "FAIL_BEFORE_STORE", 0.3, 7L);
    List<Integer> again = postAccounts(60);

    s = sandbox.setup("NL");
    probabilistic("POST", ACCOUNTS, "FAIL_BEFORE_STORE", 0.3, 8L);
    List<Integer> other = postAccounts(60);

    assertThat(first).contains(500, 201);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(sandbox.rows(s.division(), ACCOUNTS))
        .as("nothing stored before the fault")
        .hasSize((int) other.stream().filter(st -> st == 201).count());

    // without a seed the draw starts from the fixed default: also repeatable
    s = sandbox.setup("NL");
    probabilistic("POST", ACCOUNTS, "FAIL_BEFORE_STORE", 0.3, null);
    List<Integer> defaultSeed = postAccounts(60);
    s = sandbox.setup("NL");
    probabilistic("POST", ACCOUNTS, "FAIL_BEFORE_STORE", 0.3, null);
    assertThat(postAccounts(60)).isEqualTo(defaultSeed);
  }

  @Test
  void aProbabilisticFaultLastsUntilCleared() {
    probabilistic("POST", ACCOUNTS, "FAIL_BEFORE_STORE", 1.0, null);

    assertThat(postAccounts(5)).containsOnly(500);
    sandbox.admin("DELETE", "/admin/faults", null);
    assertThat(postAccounts(1)).containsOnly(201);
    assertThat(sandbox.admin("GET", "/admin/faults", null).path("faults")).isEmpty();
  }

  @Test
  void force429OnLookupsCarriesTheMinutelyHeaders() {
    probabilistic("GET", ACCOUNTS, "FORCE_429", 1.0, null);
    sandbox.admin(
        "POST",
        "/admin/faults",
        Map.of("method", "GET", "path", INVOICES, "kind", "FORCE_429", "times", 1));
    long before = sandbox.now().toEpochMilli();

    for (String entity : List.of(ACCOUNTS, INVOICES)) {
      Sandbox.Response r =
          sandbox.get(s.api(entity) + "?" + filter("Created gt datetime'2000-01-01'"), s.token());
      assertThat(r.status()).as(entity).isEqualTo(429);
      assertThat(r.rateLimitHeaders())
          .containsExactly(
              "x-ratelimit-minutely-limit",
              "x-ratelimit-minutely-remaining",
              "x-ratelimit-minutely-reset");
      assertThat(r.header("X-RateLimit-Minutely-Remaining")).hasValue("0");
      assertThat(r.header("X-RateLimit-Minutely-Limit")).hasValue("100000");
      long reset = Long.parseLong(r.header("X-RateLimit-Minutely-Reset").orElseThrow());
      assertThat(reset % 60_000).as("the end of a clock minute").isZero();
      assertThat(reset).isBetween(before, before + 61_000);
      assertThat(r.header("Retry-After")).isEmpty();
    }
    Sandbox.Response byKey =
        sandbox.get(s.api(ACCOUNTS) + "(guid'" + java.util.UUID.randomUUID() + "')", s.token());
    assertThat(byKey.status()).as("a GET by key is a lookup too").isEqualTo(429);
    assertThat(sandbox.get(s.api(INVOICES) + "?" + filter("YourRef eq 'x'"), s.token()).status())
        .as("the counted one is used up")
        .isEqualTo(200);

    JsonNode listed = sandbox.admin("GET", "/admin/faults", null).path("faults");
    assertThat(listed.path(0).path("fired").asInt()).isEqualTo(2);
    assertThat(listed.path(1).path("fired").asInt()).isEqualTo(1);
    assertThat(listed.path(1).path("remaining").asInt()).isZero();
    assertThat(listed.path(1).path("active").asBoolean()).isFalse();
    JsonNode counters =
        sandbox.admin("GET", "/admin/divisions/" + s.division() + "/counters", null);
    assertThat(counters.path("rateLimited").asInt()).isEqualTo(3);
  }

  @Test
  void countedFaultsAreListedWithWhatIsLeft() {
    JsonNode added =
        sandbox.admin(
            "POST",
            "/admin/faults",
            Map.of("method", "POST", "path", ACCOUNTS, "kind", "FAIL_BEFORE_STORE", "times", 2));
    assertThat(added.path("added").asBoolean()).isTrue();
    assertThat(added.path("remaining").asInt()).isEqualTo(2);
    sandbox.admin("POST", "/admin/faults/token-response-loss", Map.of("times", 1));

    assertThat(postAccounts(3)).containsExactly(500, 500, 201);

    JsonNode all = sandbox.admin("GET", "/admin/faults", null);
    JsonNode f = all.path("faults").path(0);
    assertThat(f.path("id").asLong()).isEqualTo(added.path("id").asLong());
    assertThat(f.path("method").asString()).isEqualTo("POST");
    assertThat(f.path("path").asString()).isEqualTo(ACCOUNTS);
    assertThat(f.path("times").asInt()).isEqualTo(2);
    assertThat(f.path("remaining").asInt()).isZero();
    assertThat(f.path("fired").asInt()).isEqualTo(2);
    assertThat(f.path("active").asBoolean()).isFalse();
    assertThat(f.path("probability").isNull()).isTrue();
    assertThat(all.path("tokenResponseLosses").asInt()).isEqualTo(1);
  }

  @Test
  void afterStoreFaultsApplyToLookupsUpdatesAndDeletesToo() {
    String id =
        sandbox.create(s, ACCOUNTS, Map.of("Name", "Wijzig", "Status", "C")).path("ID").asString();
    String key = s.api(ACCOUNTS) + "(guid'" + id + "')";
    for (String method : List.of("GET", "PUT")) {
      sandbox.admin(
          "POST",
          "/admin/faults",
          Map.of("method", method, "path", ACCOUNTS, "kind", "FAIL_AFTER_STORE", "times", 1));
    }

    assertThat(sandbox.get(key, s.token()).status()).isEqualTo(500);
    Sandbox.Response put =
        sandbox.send("PUT", key, s.token(), Sandbox.text(Map.of("City", "Gouda")));
    assertThat(put.status()).isEqualTo(500);
    assertThat(put.body()).contains("<html");
    assertThat(sandbox.rows(s.division(), ACCOUNTS).get(0).path("City").asString())
        .as("the update was done")
        .isEqualTo("Gouda");
  }

  @Test
  void faultDefinitionsAreChecked() {
    for (Map<String, Object> bad :
        List.of(
            Map.<String, Object>of("path", ACCOUNTS, "kind", "FAIL_AFTER_STORE", "probability", 0),
            Map.<String, Object>of(
                "path", ACCOUNTS, "kind", "FAIL_AFTER_STORE", "probability", 1.5),
            Map.<String, Object>of(
                "path", ACCOUNTS, "kind", "FAIL_AFTER_STORE", "probability", 0.5, "times", 2),
            Map.<String, Object>of("path", ACCOUNTS, "kind", "FAIL_AFTER_STORE", "seed", 3),
            Map.<String, Object>of("path", ACCOUNTS, "probability", 0.5),
            Map.<String, Object>of("kind", "FAIL_AFTER_STORE", "probability", 0.5),
            Map.<String, Object>of("path", ACCOUNTS, "kind", "FAIL_AFTER_STORE", "times", 0))) {
      Sandbox.Response r = sandbox.send("POST", "/admin/faults", null, Sandbox.text(bad));
      assertThat(r.status()).as("%s", bad).isEqualTo(400);
    }
    probabilistic("POST", ACCOUNTS, "FAIL_AFTER_STORE", 0.6, null);
    Sandbox.Response tooMuch =
        sandbox.send(
            "POST",
            "/admin/faults",
            null,
            Sandbox.text(
                Map.of("path", ACCOUNTS, "kind", "TIMEOUT_AFTER_STORE", "probability", 0.5)));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.json().path("error").asString()).contains("more than 1");
    assertThat(sandbox.admin("GET", "/admin/faults", null).path("faults")).hasSize(1);
  }

  @Test
  void fiftyThreadsWithFaultsLeaveEveryInvoiceWholeAndLogEveryWrite() throws Exception {
    String customer =
        sandbox.create(s, ACCOUNTS, Map.of("Name", "Veel", "Status", "C")).path("ID").asString();
    String item =
        sandbox
            .create(
                s,
                "logistics/Items",
                Map.of("Code", "V", "Description", "Veel", "SalesVatCode", "1"))
            .path("ID")
            .asString();
    probabilistic("POST", INVOICES, "FAIL_AFTER_STORE", 0.1, null);
    Map<String, Object> delayed = new HashMap<>();
    delayed.put("method", "POST");
    delayed.put("path", INVOICES);
    delayed.put("kind", "TIMEOUT_AFTER_STORE");
    delayed.put("probability", 0.1);
    delayed.put("delayMillis", 20);
    sandbox.admin("POST", "/admin/faults", delayed);
    sandbox.admin("PUT", "/admin/behaviour", Map.of("vatRounding", "DOCUMENT"));

    int threads = 50;
    int each = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < each; i++) {
        String ref = "T" + t + "-" + i;
        answers.add(
            pool.submit(
                () -> {
                  Map<String, Object> invoice = new LinkedHashMap<>();
                  invoice.put("OrderedBy", customer);
                  invoice.put("Journal", "70");
                  invoice.put("YourRef", ref);
                  invoice.put(
                      "SalesInvoiceLines",
                      List.of(
                          Map.of("Item", item, "Quantity", 1, "UnitPrice", 0.5, "VATCode", "1"),
                          Map.of("Item", item, "Quantity", 1, "UnitPrice", 2.5, "VATCode", "1"),
                          Map.of("Item", item, "Quantity", 1, "UnitPrice", 1.0, "VATCode", "2")));
                  return sandbox.post(s.api(INVOICES), s.token(), invoice).status();
                }));
      }
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : answers) {
      statuses.add(f.get());
    }
    pool.shutdown();

    int calls = threads * each;
    assertThat(statuses).containsOnly(201, 500);
    List<JsonNode> invoices = sandbox.rows(s.division(), INVOICES);
    assertThat(invoices).hasSize(calls);
    assertThat(invoices.stream().map(i -> i.path("YourRef").asString()).distinct()).hasSize(calls);
    Map<String, List<JsonNode>> linesOf = new HashMap<>();
    for (JsonNode line : sandbox.rows(s.division(), "salesinvoice/SalesInvoiceLines")) {
      linesOf.computeIfAbsent(line.path("InvoiceID").asString(), k -> new ArrayList<>()).add(line);
    }
    for (JsonNode invoice : invoices) {
      List<JsonNode> lines = linesOf.get(invoice.path("InvoiceID").asString());
      assertThat(lines).hasSize(3);
      assertThat(lines.stream().map(l -> l.path("LineNumber").asInt()))
          .containsExactlyInAnyOrder(1, 2, 3);
      BigDecimal excl =
          lines.stream()
              .map(l -> l.path("AmountFC").decimalValue())
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal vat =
          lines.stream()
              .map(l -> l.path("VATAmountFC").decimalValue())
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(invoice.path("AmountFCExclVat").decimalValue()).isEqualByComparingTo(excl);
      assertThat(invoice.path("VATAmountFC").decimalValue()).isEqualByComparingTo(vat);
      // 3.00 × 21 % = 0.63 on code 1 (document rounding), 1.00 incl. → 0.17 on code 2
      assertThat(invoice.path("AmountFC").decimalValue()).isEqualByComparingTo("4.63");
    }
    JsonNode listed = sandbox.admin("GET", "/admin/faults", null).path("faults");
    int fired = listed.path(0).path("fired").asInt() + listed.path(1).path("fired").asInt();
    assertThat(statuses.stream().filter(st -> st == 500).count()).isEqualTo(fired);
    JsonNode log =
        sandbox.admin(
            "GET",
            "/admin/divisions/" + s.division() + "/requests?method=POST&path=" + INVOICES,
            null);
    assertThat(log).hasSize(calls);
    assertThat(log.valueStream().map(e -> e.path("seq").asLong()))
        .isSortedAccordingTo(Long::compare);
    assertThat(log.valueStream().filter(e -> e.path("status").asInt() == 500)).hasSize(fired);
  }

  // ------------------------------------------------------------------------------------------

  private void probabilistic(String method, String path, String kind, double p, Long seed) {
    Map<String, Object> f = new HashMap<>();
    f.put("method", method);
    f.put("path", path);
    f.put("kind", kind);
    f.put("probability", p);
    f.put("delayMillis", 5);
    if (seed != null) {
      f.put("seed", seed);
    }
    JsonNode added = sandbox.admin("POST", "/admin/faults", f);
    assertThat(added.path("probability").asDouble()).isEqualTo(p);
  }

  private List<Integer> postAccounts(int n) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statuses.add(
          sandbox
              .post(s.api(ACCOUNTS), s.token(), Map.of("Name", "K" + i, "Status", "C"))
              .status());
    }
    return statuses;
  }
}

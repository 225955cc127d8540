package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.filter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The request log ({@code GET /admin/divisions/{code}/requests}): every POST, PUT and DELETE to a
 * division's API with the JSON exactly as it arrived, the answer's status and the time, oldest
 * first, filtered by method and path, the last {@code request-log-size} kept per division.
 */
class RequestLogConformanceIT {

  private static Sandbox sandbox;
  private Sandbox.Setup s;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(Map.of("sandbox.exact.request-log-size", 8));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    s = sandbox.setup("NL", "BE");
  }

  @Test
  void writesAreLoggedWithTheirBodyStatusAndTime() {
    Instant before = sandbox.now();
    String raw = "{\"Name\":\"Bakker\",\"Status\":\"C\",\"Remarks\":\"é \\u00e9 1.10\"}";
    Sandbox.Response created = sandbox.post(s.api("crm/Accounts"), s.token(), raw);
    String id = created.json().path("d").path("ID").asString();
    String key = "(guid'" + id + "')";
    sandbox.get(s.api("crm/Accounts") + "?" + filter("Name eq 'Bakker'"), s.token());
    sandbox.send("PUT", s.api("crm/Accounts") + key, s.token(), "{\"City\":\"Gouda\"}");
    sandbox.post(s.api("crm/Accounts"), s.token(), Map.of("Status", "C"));
    sandbox.send("DELETE", s.api("crm/Accounts") + key, s.token(), null);

    JsonNode log = requests(s.division(), "");

    assertThat(log.valueStream().map(e -> e.path("method").asString()))
        .containsExactly("POST", "PUT", "POST", "DELETE");
    JsonNode post = log.path(0);
    assertThat(post.path("path").asString()).isEqualTo("crm/Accounts");
    assertThat(post.path("status").asInt()).isEqualTo(201);
    assertThat(post.path("body")).isEqualTo(Sandbox.JSON.readTree(raw));
    assertThat(post.path("body").path("Remarks").asString()).isEqualTo("é é 1.10");
    assertThat(post.path("key").isNull()).isTrue();
    assertThat(post.path("uri").asString()).isEqualTo(s.api("crm/Accounts"));
    Instant time = Instant.parse(post.path("time").asString());
    assertThat(time).isBetween(before.minusSeconds(1), before.plusSeconds(60));
    JsonNode put = log.path(1);
    assertThat(put.path("key").asString()).isEqualTo("guid'" + id + "'");
    assertThat(put.path("status").asInt()).isEqualTo(204);
    assertThat(put.path("body").path("City").asString()).isEqualTo("Gouda");
    assertThat(log.path(2).path("status").asInt()).as("validation error").isEqualTo(500);
    assertThat(log.path(3).path("status").asInt()).isEqualTo(204);
    assertThat(log.path(3).path("body").isNull()).isTrue();
  }

  @Test
  void aDocumentsJsonIsLoggedAsSentAndFilteredByMethodAndPath() {
    String customer =
        sandbox
            .create(s, "crm/Accounts", Map.of("Name", "Klant", "Status", "C"))
            .path("ID")
            .asString();
    String item =
        sandbox
            .create(
                s, "logistics/Items", Map.of("Code", "A", "Description", "A", "SalesVatCode", "1"))
            .path("ID")
            .asString();
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("OrderedBy", customer);
    invoice.put("Journal", "70");
    invoice.put("YourRef", "WEB-1");
    invoice.put(
        "SalesInvoiceLines",
        List.of(Map.of("Item", item, "Quantity", 2, "UnitPrice", 12.1, "VATCode", "2")));
    sandbox.create(s, "salesinvoice/SalesInvoices?$expand=SalesInvoiceLines", invoice);

    JsonNode invoices = requests(s.division(), "?method=post&path=salesinvoice/SalesInvoices");

    assertThat(invoices).hasSize(1);
    assertThat(invoices.path(0).path("body")).isEqualTo(Sandbox.JSON.valueToTree(invoice));
    assertThat(
            invoices
                .path(0)
                .path("body")
                .path("SalesInvoiceLines")
                .path(0)
                .path("UnitPrice")
                .asString())
        .isEqualTo("12.1");
    assertThat(invoices.path(0).path("query").asString()).isEqualTo("$expand=SalesInvoiceLines");
    assertThat(requests(s.division(), "?method=POST")).hasSize(3);
    assertThat(requests(s.division(), "?path=logistics/Items")).hasSize(1);
    assertThat(requests(s.divisions().get("BE"), "")).as("per division").isEmpty();
  }

  @Test
  void refusedAndFaultedWritesAreLoggedToo() {
    sandbox.admin(
        "POST",
        "/admin/faults",
        Map.of("method", "POST", "path", "crm/Accounts", "kind", "FAIL_AFTER_STORE"));
    sandbox.post(s.api("crm/Accounts"), s.token(), Map.of("Name", "Na", "Status", "C"));
    sandbox.post(s.api("crm/Accounts"), "not-a-token", Map.of("Name", "Zonder", "Status", "C"));
    sandbox.post(s.api("crm/Accounts"), s.token(), "{not json");
    sandbox.post(s.api("crm/Accounts"), s.token(), "[{\"Name\":\"x\"}]");

    JsonNode log = requests(s.division(), "");

    assertThat(log.valueStream().map(e -> e.path("status").asInt()))
        .containsExactly(500, 401, 400, 400);
    assertThat(log.path(2).path("body").asString()).as("not JSON: the text").isEqualTo("{not json");
    assertThat(log.path(3).path("body").isArray()).isTrue();
  }

  @Test
  void onlyTheLastWritesOfEachDivisionAreKeptAndResetForgetsThem() {
    for (int i = 0; i < 11; i++) {
      sandbox.post(s.api("crm/Accounts"), s.token(), Map.of("Name", "K" + i, "Status", "C"));
    }

    JsonNode log = requests(s.division(), "");

    assertThat(log).hasSize(8);
    assertThat(log.path(0).path("body").path("Name").asString()).isEqualTo("K3");
    assertThat(log.path(7).path("body").path("Name").asString()).isEqualTo("K10");

    sandbox.reset();
    assertThat(requests(s.division(), "")).isEmpty();
  }

  private JsonNode requests(int division, String query) {
    return sandbox.admin("GET", "/admin/divisions/" + division + "/requests" + query, null);
  }
}

package koppel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo, as a newcomer starts it, three times from a clean data directory: its month of orders
 * (with the same customer ordering twice at the same moment) leaves no duplicate debtor, item or
 * document in the Exact administration.
 */
class DemoSeedIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RepeatedTest(3)
  void theDemoBooksItsMonthWithoutDuplicates() throws Exception {
    Path data = Files.createTempDirectory("koppel-demo");
    try (DemoLauncher.Running demo =
        DemoLauncher.start(data, freePort(), freePort(), freePort(), freePort(), List.of())) {
      DemoSeed.Result seeded = demo.seed();
      System.out.println("demo: " + seeded.summary());
      assertThat(seeded.summary())
          .doesNotContain("QUEUED")
          .doesNotContain("BOOKING")
          .as("guests are booked on the guest debtor")
          .doesNotContain("CUSTOMER_EMAIL_MISSING");
      // every tab has something to show: booked, failed and waiting orders, a complete
      // configuration, an import of the month before, a subscription invoice
      JsonNode report = merchant("GET", demo.appUrl() + "/api/report", null);
      assertThat(report.path("total").asInt()).as("booked this month").isPositive();
      JsonNode counts = merchant("GET", demo.appUrl() + "/api/orders?size=1000", null);
      assertThat(counts.path("orders").valueStream().map(o -> o.path("state").asString()))
          .contains("BOOKED", "FAILED", "OPEN");
      assertThat(
              merchant("GET", demo.appUrl() + "/api/installation", null)
                  .path("complete")
                  .asBoolean())
          .as("installation complete: both dots green, configuration saved")
          .isTrue();
      assertThat(merchant("GET", demo.appUrl() + "/api/imports", null).toString()).contains("DONE");
      assertThat(merchant("GET", demo.appUrl() + "/api/profile", null).toString())
          .contains("\"subscriptionActive\":true");

      // what Koppel e-mails lands in the demo's mailbox page
      merchant(
          "POST",
          demo.appUrl() + "/api/tickets",
          Map.of("subject", "Demo question", "question", "Where do I find my invoices?"));
      String mailbox = "";
      for (int i = 0; i < 120 && !mailbox.contains("Demo question"); i++) {
        Thread.sleep(250);
        mailbox =
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(demo.mailbox().url)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
      }
      assertThat(mailbox).contains("Demo question").contains("Where do I find my invoices?");

      String rows = demo.exactUrl() + "/admin/divisions/" + seeded.division() + "/";

      Map<String, Integer> debtors = new HashMap<>();
      for (JsonNode a : get(rows + "crm/Accounts")) {
        String email = a.path("Email").asString("");
        if (!email.isEmpty()) {
          debtors.merge(email.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      }
      assertThat(debtors).isNotEmpty();
      assertThat(debtors.entrySet())
          .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isOne());

      Map<String, Integer> items = new HashMap<>();
      for (JsonNode i : get(rows + "logistics/Items")) {
        items.merge(i.path("Code").asString(), 1, Integer::sum);
      }
      assertThat(items.entrySet()).allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isOne());

      Map<String, Integer> invoices = new HashMap<>();
      for (JsonNode i : get(rows + "salesinvoice/SalesInvoices")) {
        invoices.merge(i.path("YourRef").asString(), 1, Integer::sum);
      }
      assertThat(invoices).hasSizeGreaterThan(50);
      assertThat(invoices.entrySet())
          .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isOne());
    }
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** The demo merchant's JSON API (HTTP basic, as any API client of the merchant calls it). */
  private static JsonNode merchant(String method, String url, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString((DemoSeed.LOGIN + ":" + DemoSeed.PASSWORD).getBytes()));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + url + " " + r.body()).isLessThan(300);
    return JSON.readTree(r.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

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

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

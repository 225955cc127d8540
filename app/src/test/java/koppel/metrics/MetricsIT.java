package koppel.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One paid order booked through the real sandboxes, then /actuator/prometheus read as the operator:
 * every Koppel metric is there with the figures this order must have produced, and the Exact calls
 * Koppel counted are exactly the calls the Exact sandbox received.
 */
class MetricsIT {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static KoppelSystem system;
  private static KoppelSystem.Seeded seeded;

  @BeforeAll
  static void start() {
    system =
        KoppelSystem.start(Map.of(), Map.of(), Map.of("koppel.metrics.refresh-interval", "300ms"));
    seeded = system.seedIntegration("metrics");
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void prometheusIsForTheOperatorOnly() {
    assertThat(prometheus(null, null).statusCode()).isEqualTo(401);
    assertThat(prometheus(seeded.login(), seeded.password()).statusCode()).isEqualTo(403);
    assertThat(prometheus(KoppelSystem.OPERATOR, KoppelSystem.OPERATOR_PASSWORD + "x").statusCode())
        .isEqualTo(401);
    HttpResponse<String> ok = prometheus(KoppelSystem.OPERATOR, KoppelSystem.OPERATOR_PASSWORD);
    assertThat(ok.statusCode()).as(ok.headers() + " " + ok.body()).isEqualTo(200);
  }

  @Test
  void aBookedOrderShowsInEveryMetric() {
    JsonNode order = ShopOrders.paidOrder(system, seeded, "an.claes@example.be");
    long orderId = order.path("id").asLong();
    String integration = seeded.integrationId();
    String division = Integer.toString(seeded.division());
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                "BOOKED"
                    .equals(
                        system
                            .operatorGet("/api/orders/" + orderId + "?integration=" + integration)
                            .json()
                            .path("order")
                            .path("state")
                            .asString()));

    // the gauges are refreshed in the background: wait until they show the booked order
    PrometheusText[] scraped = new PrometheusText[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              scraped[0] = scrape();
              return scraped[0].sum("koppel_orders", "state", "BOOKED", "integration", integration)
                  == 1;
            });
    PrometheusText m = scraped[0];

    // orders: every state shown for the integration, one booked, nothing else
    for (String state : KoppelGauges.STATES) {
      assertThat(m.with("koppel_orders", "state", state, "integration", integration))
          .as("koppel_orders state %s", state)
          .hasSize(1);
    }
    assertThat(m.sum("koppel_orders", "integration", integration)).isEqualTo(1);

    // latency: one booking recorded, between 0 and the time the test took
    assertThat(m.sum("koppel_booking_latency_seconds_count", "integration", integration))
        .isEqualTo(1);
    double seconds = m.sum("koppel_booking_latency_seconds_sum", "integration", integration);
    assertThat(seconds).isGreaterThan(0).isLessThan(60);
    assertThat(m.with("koppel_booking_latency_seconds_bucket", "integration", integration))
        .hasSizeGreaterThan(20)
        .anySatisfy(b -> assertThat(b.labels().get("le")).isEqualTo("0.05"));
    assertThat(
            m.sum(
                "koppel_booking_latency_seconds_bucket", "integration", integration, "le", "+Inf"))
        .isEqualTo(1);

    // Exact calls: one document; and per kind, what the sandbox received
    assertThat(
            m.sum(
                "koppel_exact_calls_total",
                "kind",
                "document",
                "integration",
                integration,
                "division",
                division))
        .isEqualTo(1);
    Map<String, Integer> received = sandboxCalls();
    assertThat(m.sum("koppel_exact_calls_total", "division", division))
        .isEqualTo((double) received.values().stream().mapToInt(Integer::intValue).sum());
    assertThat(m.sum("koppel_exact_calls_total", "division", division, "kind", "customer_create"))
        .isEqualTo((double) received.getOrDefault("POST crm/Accounts", 0));
    assertThat(m.sum("koppel_exact_calls_total", "division", division, "kind", "document"))
        .isEqualTo((double) received.getOrDefault("POST salesinvoice/SalesInvoices", 0));
    long gets =
        received.entrySet().stream()
            .filter(e -> e.getKey().startsWith("GET "))
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertThat(
            m.sum("koppel_exact_calls_total", "division", division, "kind", "lookup")
                + m.sum("koppel_exact_calls_total", "division", division, "kind", "mirror"))
        .isEqualTo((double) gets);

    // budget: both windows of the division, below their limits after these calls
    double minute =
        m.sum("koppel_exact_budget_remaining", "division", division, "window", "minute");
    double day = m.sum("koppel_exact_budget_remaining", "division", division, "window", "day");
    assertThat(m.with("koppel_exact_budget_remaining", "division", division)).hasSize(2);
    assertThat(day).isGreaterThan(0).isLessThan(5000);
    assertThat(minute).isBetween(0.0, 60.0);

    // queue: the recurring tasks wait in it; the booked order's entry is gone
    assertThat(m.named("koppel_queue_depth")).isNotEmpty();
    assertThat(m.named("koppel_queue_due")).isNotEmpty();
    assertThat(m.sum("koppel_queue_depth")).isGreaterThan(0);
    assertThat(m.sum("koppel_queue_depth", "task", "book-order", "priority", "live")).isZero();
    m.named("koppel_queue_depth")
        .forEach(s -> assertThat(s.labels().get("priority")).isIn("live", "import"));
  }

  private static PrometheusText scrape() {
    HttpResponse<String> r = prometheus(KoppelSystem.OPERATOR, KoppelSystem.OPERATOR_PASSWORD);
    assertThat(r.statusCode()).as(r.headers() + " " + r.body()).isEqualTo(200);
    return PrometheusText.parse(r.body());
  }

  /** GET /actuator/prometheus as Prometheus asks for it (text), with these credentials if any. */
  private static HttpResponse<String> prometheus(String user, String password) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(system.appUrl() + "/actuator/prometheus"))
            .header("Accept", "text/plain;version=0.0.4")
            .GET();
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Integer> sandboxCalls() {
    JsonNode calls =
        Http.get(system.exactUrl + "/admin/divisions/" + seeded.division() + "/counters")
            .json()
            .path("calls");
    Map<String, Integer> out = new java.util.TreeMap<>();
    calls.properties().forEach(e -> out.put(e.getKey(), e.getValue().asInt()));
    return out;
  }
}

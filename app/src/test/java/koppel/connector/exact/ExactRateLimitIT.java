package koppel.connector.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import koppel.support.ExactAdmin;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Exact allows so many calls per minute per app and division. Koppel's governor spends the budget
 * in step with Exact's headers: in normal running Exact never has to answer 429; when it does (a
 * forced 429), the order waits for the reset without using up an attempt. The minute is scaled down
 * to 4 s here.
 */
class ExactRateLimitIT {

  private static KoppelSystem system;

  @BeforeAll
  static void start() {
    system =
        KoppelSystem.start(
            Map.of("sandbox.exact.minutely-limit", 20, "sandbox.exact.minute-window", "4s"),
            Map.of(),
            Map.of(
                "koppel.exact.rate-limit-margin",
                "300ms",
                "koppel.exact.minutely-limit",
                20,
                "koppel.exact.minute-reserve",
                2,
                "koppel.booking.first-retry-delay",
                "1s"));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void aBurstOfOrdersIsSpreadOverWindowsWithoutA429() {
    KoppelSystem.Seeded seeded = system.seedIntegration("burst");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      ids.add(
          ShopOrders.paidOrder(system, seeded, "klant" + i + "@example.be").path("id").asLong());
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                ids.stream().allMatch(id -> "BOOKED".equals(ShopOrders.state(system, seeded, id))));
    JsonNode counters =
        Http.get(system.exactUrl + "/admin/divisions/" + seeded.division() + "/counters").json();
    System.out.println("rate limit burst: " + counters);
    assertThat(counters.path("rateLimited").asInt()).as("429s answered by Exact").isZero();
    assertThat(system.exactRows(seeded.division(), "salesinvoice/SalesInvoices")).hasSize(14);
    long throttled =
        ids.stream()
            .filter(
                id ->
                    ShopOrders.koppelView(system, seeded, id)
                        .path("history")
                        .toString()
                        .contains("RATE_LIMITED"))
            .count();
    assertThat(throttled).as("orders that waited for a window").isPositive();
    // Koppel held its own calls back: it never says Exact asked it to slow down
    assertThat(ids)
        .allSatisfy(
            id ->
                assertThat(ShopOrders.koppelView(system, seeded, id).path("history").toString())
                    .doesNotContain("asked Koppel to slow down"));
    assertThat(ids)
        .allSatisfy(
            id ->
                assertThat(
                        ShopOrders.koppelView(system, seeded, id)
                            .path("order")
                            .path("attempts")
                            .asInt())
                    .isEqualTo(1));
  }

  @Test
  void aForced429DelaysTheOrderUntilTheResetWithoutFailingIt() {
    KoppelSystem.Seeded seeded = system.seedIntegration("forced429");
    Http.post(
        system.exactUrl + "/admin/faults",
        Map.of(
            "method",
            "POST",
            "path",
            "salesinvoice/SalesInvoices",
            "kind",
            "FORCE_429",
            "times",
            1));
    long id = ShopOrders.paidOrder(system, seeded, "geduld@example.be").path("id").asLong();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "BOOKED".equals(ShopOrders.state(system, seeded, id)));
    JsonNode view = ShopOrders.koppelView(system, seeded, id);
    assertThat(view.path("history").toString())
        .contains("RATE_LIMITED")
        .contains("Exact Online asked Koppel to slow down");
    assertThat(view.path("order").path("attempts").asInt())
        .as("a rate limit is not counted as an attempt")
        .isEqualTo(1);
    assertThat(system.exactRows(seeded.division(), "salesinvoice/SalesInvoices")).hasSize(1);
  }

  /**
   * The duplicate: a document POST stored by Exact whose answer is lost, then the retry
   * held back by Koppel's own budget (back to the queue), then the next attempt. It must look Exact
   * up before it writes, however the order got there.
   */
  @Test
  void anUnknownOutcomeFollowedByTheOwnBudgetRunningOutNeverPostsTwice() {
    KoppelSystem.Seeded seeded = system.seedIntegration("lostThenThrottled");
    ExactAdmin exact = new ExactAdmin(system);
    exact.fault("POST", "salesinvoice/SalesInvoices", "FAIL_AFTER_STORE", 14);
    List<Long> ids = new ArrayList<>();
    // every answer lost, and enough orders that retries meet a spent budget (Koppel's copy of the
    // division spares the lookups, so fewer calls would fit in one window)
    for (int i = 0; i < 14; i++) {
      ids.add(
          ShopOrders.paidOrder(system, seeded, "verloren" + i + "@example.be").path("id").asLong());
    }
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                ids.stream().allMatch(id -> "BOOKED".equals(ShopOrders.state(system, seeded, id))));
    assertThat(system.exactRows(seeded.division(), "salesinvoice/SalesInvoices")).hasSize(14);
    List<String> histories =
        ids.stream()
            .map(id -> ShopOrders.koppelView(system, seeded, id).path("history").toString())
            .toList();
    assertThat(histories.stream().filter(h -> h.contains("ADOPTED")).count()).isEqualTo(14);
    assertThat(
            histories.stream()
                .filter(h -> h.contains("ADOPTED") && h.contains("Koppel paced its calls"))
                .count())
        .as("adopted orders that also waited for Koppel's own budget")
        .isPositive();
    exact.clearFaults();
  }
}

package koppel.connector.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A historical import of 5,000 orders of October, placed before the integration's start date:
 * fetched page by page as a background job, it survives a restart of the node halfway, and a live
 * order placed meanwhile is booked within seconds, ahead of the imported ones.
 */
class HistoricalImportIT {

  private static final int ORDERS = 5000;
  private static KoppelSystem system;

  @BeforeAll
  static void start() {
    Map<String, Object> unlimitedExact =
        Map.of("sandbox.exact.minutely-limit", 10_000_000, "sandbox.exact.daily-limit", 10_000_000);
    system =
        KoppelSystem.start(
            unlimitedExact,
            Map.of("sandbox.kmoshops.requests-per-minute", 10_000_000),
            Map.of(
                "koppel.exact.minutely-limit",
                10_000_000,
                "koppel.exact.daily-limit",
                10_000_000,
                "koppel.db.pool-size",
                "16"));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void fiveThousandOrdersSurviveARestartAndNeverHoldUpALiveOrder() throws Exception {
    KoppelSystem.Seeded seeded = system.seedIntegration("import", LocalDate.of(2026, 11, 1));
    ShopOrders.octoberBeforeKoppel(system, seeded, ORDERS);

    Http.Response started =
        Http.post(
            system.appUrl() + "/api/imports",
            Map.of("from", "2026-10-01", "to", "2026-10-31"),
            seeded.login(),
            seeded.password());
    assertThat(started.status()).isEqualTo(202);
    String jobId = started.json().path("id").asString();

    // halfway: the node goes down and another takes over on the same database
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> job(seeded, jobId).path("seen").asInt() >= ORDERS / 2);
    String url = system.appUrl();
    system.node(0).close();
    // the replacement answers at the same address, as behind a load balancer
    String other =
        system.startNode(
            Map.of(
                "server.port", url.substring(url.lastIndexOf(':') + 1), "koppel.public-url", url));

    // a live order during the import is booked within seconds
    long liveStart = System.nanoTime();
    long live = ShopOrders.paidOrder(system, seeded, "live@example.be").path("id").asLong();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                "BOOKED"
                    .equals(
                        Http.get(other + "/api/orders/" + live, seeded.login(), seeded.password())
                            .json()
                            .path("order")
                            .path("state")
                            .asString()));
    long liveMillis = (System.nanoTime() - liveStart) / 1_000_000;

    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                "DONE"
                    .equals(
                        Http.get(other + "/api/imports", seeded.login(), seeded.password())
                            .json()
                            .get(0)
                            .path("state")
                            .asString()));
    await()
        .atMost(Duration.ofMinutes(6))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> count("state = 'BOOKED' and imported") == ORDERS);
    long imported = count("imported");
    long stillImportingWhenLiveBooked = imported; // for the report below
    System.out.printf(
        "historical import: %d orders imported and booked; live order booked in"
            + " %d ms during the import%n",
        stillImportingWhenLiveBooked, liveMillis);
    assertThat(imported).isEqualTo(ORDERS);
    assertThat(liveMillis).as("live order delay (ms)").isLessThan(5000);
    assertThat(system.exactRows(seeded.division(), "salesinvoice/SalesInvoices"))
        .hasSize(ORDERS + 1);
    JsonNode job =
        Http.get(other + "/api/imports", seeded.login(), seeded.password()).json().get(0);
    assertThat(job.path("total").asInt()).isEqualTo(ORDERS);
  }

  private static JsonNode job(KoppelSystem.Seeded seeded, String id) {
    for (JsonNode j :
        Http.get(system.appUrl() + "/api/imports", seeded.login(), seeded.password()).json()) {
      if (j.path("id").asString().equals(id)) {
        return j;
      }
    }
    throw new IllegalStateException("no import " + id);
  }

  private static long count(String where) throws Exception {
    try (Connection db = DriverManager.getConnection(system.dbUrl, "postgres", "");
        ResultSet rs =
            db.createStatement().executeQuery("select count(*) from order_sync where " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package koppel.connector.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import koppel.support.Webhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks arrive twice, out of order, or never. Intake combines them with polling and is
 * idempotent everywhere: every order is booked exactly once, in the state the shop has now. Polling
 * runs every 2 s here instead of hourly, and Exact allows 600 calls a minute instead of 60: these
 * tests are about intake, and 30 new customers' invoices take ~100 Exact calls.
 */
class IntakeResilienceIT {

  private static KoppelSystem system;

  @BeforeAll
  static void start() {
    system =
        KoppelSystem.start(
            Map.of("sandbox.exact.minutely-limit", 600),
            Map.of(),
            Map.of("koppel.kmoshops.poll-interval", "2s"));
  }

  @AfterAll
  static void stop() {
    Webhooks.noFaults(system);
    system.close();
  }

  private static void faults(double drop, double duplicate, double reorder, long maxDelay) {
    Webhooks.faults(system, drop, duplicate, reorder, maxDelay);
  }

  @Test
  void droppedAndDuplicatedWebhooksStillBookEveryOrderExactlyOnce() {
    KoppelSystem.Seeded seeded = system.seedIntegration("lossy");
    faults(0.30, 0.20, 0, 200);
    List<JsonNode> orders = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      orders.add(ShopOrders.paidOrder(system, seeded, "lossy" + i + "@example.be"));
    }
    faults(0, 0, 0, 0);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                orders.stream()
                    .allMatch(
                        o ->
                            "BOOKED"
                                .equals(ShopOrders.state(system, seeded, o.path("id").asLong()))));

    JsonNode invoices = system.exactRows(seeded.division(), "salesinvoice/SalesInvoices");
    assertThat(invoices).hasSize(30);
    Set<String> refs = new HashSet<>();
    invoices.forEach(i -> refs.add(i.path("YourRef").asString()));
    assertThat(refs).hasSize(30);
    JsonNode attempts = Http.get(system.shopsUrl + "/admin/webhooks/attempts").json();
    long dropped = 0;
    for (JsonNode a : attempts) {
      dropped += a.path("status").asInt() == -1 ? 1 : 0;
    }
    assertThat(dropped).as("the shop really dropped webhooks").isPositive();
    for (JsonNode o : orders) {
      JsonNode view = ShopOrders.koppelView(system, seeded, o.path("id").asLong());
      assertThat(view.path("order").path("attempts").asInt())
          .as("booked in one attempt")
          .isEqualTo(1);
      String history = view.path("history").toString();
      assertThat(history.split("\"RECEIVED\"", -1)).as("received once").hasSize(2);
    }
  }

  @Test
  void aPendingOrderIsOpenUntilPaidAndThenBookedEvenWhenEventsArriveOutOfOrder() {
    KoppelSystem.Seeded seeded = system.seedIntegration("latepay");
    faults(0, 0, 1.0, 1500);
    JsonNode order = ShopOrders.lampOrder(system, seeded, "new", "pending", "later@example.be");
    long id = order.path("id").asLong();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "OPEN".equals(ShopOrders.state(system, seeded, id)));
    assertThat(ShopOrders.koppelView(system, seeded, id).path("order").path("reason").asString())
        .contains("pending");

    // paid, then shipped: the shop's webhooks about it come in any order
    Http.post(
        system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders/" + id,
        Map.of("paymentStatus", "paid"));
    Http.post(
        system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders/" + id,
        Map.of("status", "shipped"));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "BOOKED".equals(ShopOrders.state(system, seeded, id)));
    faults(0, 0, 0, 0);
    assertThat(system.exactRows(seeded.division(), "salesinvoice/SalesInvoices")).hasSize(1);

    // a later change in the shop is recorded, never booked again
    Http.post(
        system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders/" + id,
        Map.of("status", "completed"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                ShopOrders.koppelView(system, seeded, id)
                    .path("history")
                    .toString()
                    .contains("IGNORED"));
    assertThat(system.exactRows(seeded.division(), "salesinvoice/SalesInvoices")).hasSize(1);
  }

  @Test
  void aCancelledOrderIsSkipped() {
    KoppelSystem.Seeded seeded = system.seedIntegration("cancel");
    JsonNode order = ShopOrders.paidOrder(system, seeded, "weg@example.be");
    long id = order.path("id").asLong();
    // cancelled before Koppel got to it? Either it was booked already, or it is skipped now
    Http.post(
        system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders/" + id,
        Map.of("status", "cancelled", "paymentStatus", "cancelled"));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> List.of("SKIPPED", "BOOKED").contains(ShopOrders.state(system, seeded, id)));
    JsonNode pendingThenCancelled =
        ShopOrders.lampOrder(system, seeded, "cancelled", "cancelled", "x@example.be");
    long cancelled = pendingThenCancelled.path("id").asLong();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "SKIPPED".equals(ShopOrders.state(system, seeded, cancelled)));
    assertThat(
            ShopOrders.koppelView(system, seeded, cancelled)
                .path("order")
                .path("reason")
                .asString())
        .contains("Cancelled");
  }

  @Test
  void replayedOrBadlySignedOrStaleWebhooksChangeNothing() {
    KoppelSystem.Seeded seeded = system.seedIntegration("replay");
    JsonNode order = ShopOrders.paidOrder(system, seeded, "replay@example.be");
    long id = order.path("id").asLong();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "BOOKED".equals(ShopOrders.state(system, seeded, id)));
    String historyBefore = ShopOrders.koppelView(system, seeded, id).path("history").toString();

    String delivery = Webhooks.newId();
    assertThat(Webhooks.deliver(system, seeded, delivery, "order.updated", id).status())
        .isEqualTo(200);
    String afterFirst = ShopOrders.koppelView(system, seeded, id).path("history").toString();
    Http.Response replay = Webhooks.deliver(system, seeded, delivery, "order.updated", id);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body()).contains("duplicate");
    assertThat(ShopOrders.koppelView(system, seeded, id).path("history").toString())
        .as("the replay left no trace")
        .isEqualTo(afterFirst);

    long stale = Instant.now().minusSeconds(600).getEpochSecond();
    assertThat(
            Webhooks.deliver(
                    system,
                    seeded,
                    Webhooks.newId(),
                    "order.updated",
                    id,
                    stale,
                    seeded.webhookSecret())
                .status())
        .isEqualTo(401);
    assertThat(
            Webhooks.deliver(
                    system,
                    seeded,
                    Webhooks.newId(),
                    "order.updated",
                    id,
                    Instant.now().getEpochSecond(),
                    "not-the-secret")
                .status())
        .isEqualTo(401);
    assertThat(ShopOrders.koppelView(system, seeded, id).path("history").toString())
        .isEqualTo(afterFirst)
        .isNotEqualTo(historyBefore);
    assertThat(system.exactRows(seeded.division(), "salesinvoice/SalesInvoices")).hasSize(1);
  }

  @Test
  void removingTheAppStopsTheIntegrationAndKeepsItsData() {
    KoppelSystem.Seeded seeded = system.seedIntegration("removed");
    JsonNode order = ShopOrders.paidOrder(system, seeded, "kept@example.be");
    long id = order.path("id").asLong();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "BOOKED".equals(ShopOrders.state(system, seeded, id)));
    Http.post(
        system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/uninstall",
        Map.of("clientId", KoppelSystem.CLIENT_ID));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "BROKEN"
                    .equals(
                        Http.get(
                                system.appUrl() + "/api/connections",
                                seeded.login(),
                                seeded.password())
                            .json()
                            .get(0)
                            .path("state")
                            .asString()));
    JsonNode shop =
        Http.get(system.appUrl() + "/api/connections", seeded.login(), seeded.password())
            .json()
            .get(0);
    assertThat(shop.path("status").path("code").asString()).isEqualTo("SHOP_APP_REMOVED");
    assertThat(shop.path("status").path("resolution").asString()).contains("install");
    assertThat(
            system
                .operatorGet("/api/operator/integrations?login=removed")
                .json()
                .get(0)
                .path("state")
                .asString())
        .isEqualTo("STOPPED");
    assertThat(ShopOrders.state(system, seeded, id)).isEqualTo("BOOKED");
  }
}

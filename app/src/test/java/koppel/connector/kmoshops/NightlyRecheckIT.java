package koppel.connector.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import koppel.jobs.OpenOrdersRecheckJob;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import koppel.support.Webhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An OPEN order whose payment nobody reported (the webhook was lost, the hourly poll has not come
 * by) is booked by the nightly re-check.
 */
class NightlyRecheckIT {

  private static KoppelSystem system;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static void dropAllWebhooks(boolean drop) {
    Webhooks.faults(system, drop ? 1.0 : 0.0, 0, 0, 0);
  }

  @Test
  void theNightlyRecheckBooksAnOpenOrderWhoseChangeNobodyReported() {
    KoppelSystem.Seeded seeded = system.seedIntegration("nightly");
    JsonNode order =
        Http.post(
                system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders",
                Map.of(
                    "status",
                    "new",
                    "paymentStatus",
                    "pending",
                    "customer",
                    Map.of(
                        "email",
                        "nacht@example.be",
                        "firstName",
                        "Nele",
                        "lastName",
                        "Nacht",
                        "isCompany",
                        false),
                    "billingAddress",
                    Map.of("countryCode", "BE"),
                    "lines",
                    List.of(
                        Map.of(
                            "sku",
                            "X-2",
                            "name",
                            "Kaars",
                            "quantity",
                            "2",
                            "unitPrice",
                            "6.05",
                            "vatRate",
                            "21"))))
            .json();
    long id = order.path("id").asLong();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "OPEN".equals(ShopOrders.state(system, seeded, id)));

    dropAllWebhooks(true);
    Http.post(
        system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders/" + id,
        Map.of("paymentStatus", "paid"));
    dropAllWebhooks(false);
    assertThat(ShopOrders.state(system, seeded, id)).isEqualTo("OPEN");

    int queued = system.node(0).getBean(OpenOrdersRecheckJob.class).run();
    assertThat(queued).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "BOOKED".equals(ShopOrders.state(system, seeded, id)));
    assertThat(ShopOrders.koppelView(system, seeded, id).path("history").toString())
        .contains("nightly re-check");
  }
}

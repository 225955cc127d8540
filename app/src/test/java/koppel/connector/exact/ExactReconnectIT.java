package koppel.connector.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import koppel.support.Browser;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A refresh whose answer is lost (Exact's gateway fault after rotating the token) kills the refresh
 * chain: the next refresh hears "Old refresh token used". Koppel turns the connection red with a
 * reconnect resolution, the order waits, and after the merchant reconnects it is booked at once.
 * Token lifetimes are scaled down (600 s → 3 s, 570 s → 2.85 s).
 */
class ExactReconnectIT {

  private static KoppelSystem system;

  @BeforeAll
  static void start() {
    system =
        KoppelSystem.start(
            Map.of(
                "sandbox.exact.access-token-lifetime",
                "3s",
                "sandbox.exact.min-refresh-age",
                "2850ms"),
            Map.of(),
            Map.of(
                "koppel.booking.first-retry-delay",
                "1s",
                "koppel.exact.min-token-age",
                "2850ms",
                "koppel.exact.refresh-before-expiry",
                "100ms"));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void deadRefreshChainTurnsTheConnectionRedAndReconnectingBooksTheWaitingOrder()
      throws InterruptedException {
    KoppelSystem.Seeded seeded = system.seedIntegration("reconnect");
    Http.post(system.exactUrl + "/admin/faults/token-response-loss", Map.of("times", 1));
    Thread.sleep(3200); // let the seeded access token expire

    JsonNode order = ShopOrders.paidOrder(system, seeded, "wacht@example.be");
    long id = order.path("id").asLong();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                "EXACT_NOT_CONNECTED"
                    .equals(
                        ShopOrders.koppelView(system, seeded, id)
                            .path("order")
                            .path("error")
                            .path("code")
                            .asString()));
    JsonNode waiting = ShopOrders.koppelView(system, seeded, id).path("order");
    assertThat(waiting.path("state").asString()).isEqualTo("QUEUED");
    assertThat(waiting.path("error").path("resolution").asString()).contains("Connect");

    JsonNode exact =
        Http.get(system.appUrl() + "/api/connections", seeded.login(), seeded.password())
            .json()
            .get(1);
    assertThat(exact.path("system").asString()).isEqualTo("EXACT");
    assertThat(exact.path("state").asString()).isEqualTo("BROKEN");
    assertThat(exact.path("status").path("message").asString()).contains("Old refresh token");
    assertThat(exact.toString()).doesNotContain("accessToken").doesNotContain("refreshToken");
    assertThat(system.exactRows(seeded.division(), "salesinvoice/SalesInvoices")).isEmpty();

    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), seeded.login(), seeded.password());
    Browser.Page toExact = browser.get(system.appUrl() + "/connect/exact");
    Browser.Page back =
        browser.postForm(
            system.exactUrl + "/api/oauth2/auth",
            Map.of(
                "client_id",
                KoppelSystem.CLIENT_ID,
                "redirect_uri",
                system.appUrl() + "/oauth/exact/callback",
                "state",
                Browser.param(toExact.location(), "state"),
                "username",
                "exact-" + seeded.login(),
                "password",
                "pw",
                "decision",
                "allow"));
    assertThat(browser.get(back.location()).location())
        .endsWith("/dashboard/installation?exact=connected");

    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "BOOKED".equals(ShopOrders.state(system, seeded, id)));
    assertThat(system.exactRows(seeded.division(), "salesinvoice/SalesInvoices")).hasSize(1);
    assertThat(
            Http.get(system.appUrl() + "/api/connections", seeded.login(), seeded.password())
                .json()
                .get(1)
                .path("state")
                .asString())
        .isEqualTo("CONNECTED");
  }
}

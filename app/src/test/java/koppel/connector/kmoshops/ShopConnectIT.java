package koppel.connector.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import koppel.support.Browser;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Connecting a shop as a merchant does it: Connect → the shop backend's approve page → redirect
 * with a single-use code, our state and the shop id → token and webhook secret stored → webhooks
 * subscribed (an order placed afterwards reaches Koppel) → the shop's dot is green.
 */
class ShopConnectIT {

  private static KoppelSystem system;
  private static long shopId;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start();
    Http.post(
        system.shopsUrl + "/admin/apps",
        Map.of(
            "clientId",
            KoppelSystem.CLIENT_ID,
            "clientSecret",
            KoppelSystem.CLIENT_SECRET,
            "redirectUri",
            system.appUrl() + "/oauth/kmoshops/callback",
            "name",
            "Koppel"));
    shopId =
        Http.post(
                system.shopsUrl + "/admin/shops",
                Map.of(
                    "name",
                    "Fietsen Janssens",
                    "country",
                    "BE",
                    "backendUser",
                    "eigenaar",
                    "backendPassword",
                    "winkel"))
            .json()
            .path("id")
            .asLong();
    system.operatorPost(
        "/api/operator/integrations",
        Map.of(
            "name",
            "Fietsen Janssens",
            "ownerEmail",
            "f@example.be",
            "login",
            "fietsen",
            "password",
            "pw-fietsen",
            "shopCountry",
            "BE"));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void merchantInstallsTheAppAndOrdersStartFlowing() {
    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), "fietsen", "pw-fietsen");
    Browser.Page toShop = browser.get(system.appUrl() + "/connect/kmoshops");
    assertThat(toShop.status()).isEqualTo(302);
    assertThat(toShop.location()).startsWith(system.shopsUrl + "/admin/apps/authorize?");
    String state = Browser.param(toShop.location(), "state");
    assertThat(Browser.param(toShop.location(), "scope")).contains("orders:read");
    Browser.Page approve = browser.get(toShop.location());
    assertThat(approve.status()).isEqualTo(200);

    Browser.Page back =
        browser.postForm(
            system.shopsUrl + "/admin/apps/authorize",
            Map.of(
                "client_id",
                KoppelSystem.CLIENT_ID,
                "redirect_uri",
                system.appUrl() + "/oauth/kmoshops/callback",
                "scope",
                Browser.param(toShop.location(), "scope"),
                "state",
                state,
                "username",
                "eigenaar",
                "password",
                "winkel",
                "decision",
                "approve"));
    assertThat(back.status()).isEqualTo(302);
    assertThat(Browser.param(back.location(), "shop_id")).isEqualTo(Long.toString(shopId));
    Browser.Page done = browser.get(back.location());
    assertThat(done.location()).endsWith("/dashboard/installation?shop=connected");

    JsonNode shop =
        Http.get(system.appUrl() + "/api/connections", "fietsen", "pw-fietsen").json().get(0);
    assertThat(shop.path("system").asString()).isEqualTo("KMOSHOPS");
    assertThat(shop.path("state").asString()).isEqualTo("CONNECTED");
    assertThat(shop.path("externalId").asString()).isEqualTo(Long.toString(shopId));

    // the webhooks are subscribed: a new order reaches Koppel through its webhook
    long orderId =
        Http.post(
                system.shopsUrl + "/admin/shops/" + shopId + "/orders",
                Map.of(
                    "status",
                    "processing",
                    "paymentStatus",
                    "paid",
                    "customer",
                    Map.of(
                        "email",
                        "k@example.be",
                        "firstName",
                        "K",
                        "lastName",
                        "L",
                        "isCompany",
                        false),
                    "billingAddress",
                    Map.of("countryCode", "BE"),
                    "lines",
                    List.of(
                        Map.of(
                            "sku",
                            "A",
                            "name",
                            "A",
                            "quantity",
                            "1",
                            "unitPrice",
                            "10.00",
                            "vatRate",
                            "21"))))
            .json()
            .path("id")
            .asLong();
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Http.Response r =
                  Http.get(system.appUrl() + "/api/orders/" + orderId, "fietsen", "pw-fietsen");
              return r.status() == 200
                  && r.json().path("history").toString().contains("webhook order.created");
            });

    // replaying the callback is refused
    Browser.Page replay = browser.get(back.location());
    assertThat(replay.status()).isEqualTo(302);
    assertThat(replay.location()).endsWith("/dashboard/installation?error=OAUTH_STATE_INVALID");
    // the wizard shows the code, the words and what was answered
    assertThat(browser.get(absolute(replay.location())).body()).contains("OAUTH_STATE_INVALID");
  }

  @Test
  void aDeniedInstallChangesNothing() {
    system.operatorPost(
        "/api/operator/integrations",
        Map.of(
            "name",
            "Twijfel",
            "ownerEmail",
            "t@example.be",
            "login",
            "twijfel",
            "password",
            "pw-twijfel",
            "shopCountry",
            "BE"));
    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), "twijfel", "pw-twijfel");
    Browser.Page toShop = browser.get(system.appUrl() + "/connect/kmoshops");
    Browser.Page back =
        browser.postForm(
            system.shopsUrl + "/admin/apps/authorize",
            Map.of(
                "client_id",
                KoppelSystem.CLIENT_ID,
                "redirect_uri",
                system.appUrl() + "/oauth/kmoshops/callback",
                "scope",
                Browser.param(toShop.location(), "scope"),
                "state",
                Browser.param(toShop.location(), "state"),
                "username",
                "eigenaar",
                "password",
                "winkel",
                "decision",
                "deny"));
    Browser.Page done = browser.get(back.location());
    assertThat(done.status()).isEqualTo(302);
    assertThat(done.location()).endsWith("/dashboard/installation?error=SHOP_ACCESS_DENIED");
    // the wizard shows the code, the words and what was answered
    assertThat(browser.get(absolute(done.location())).body()).contains("SHOP_ACCESS_DENIED");
    assertThat(
            Http.get(system.appUrl() + "/api/connections", "twijfel", "pw-twijfel")
                .json()
                .get(0)
                .path("state")
                .asString())
        .isEqualTo("NOT_CONNECTED");
  }

  private static String absolute(String location) {
    return location.startsWith("http") ? location : system.appUrl() + location;
  }
}

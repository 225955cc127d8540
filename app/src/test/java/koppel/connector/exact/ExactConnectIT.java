package koppel.connector.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * Connecting Exact Online as a merchant does it: Connect → Exact's login and consent page →
 * redirect with a single-use code and our state → tokens stored encrypted → division chosen →
 * master data for the configuration screens, cached until the merchant refreshes.
 */
class ExactConnectIT {

  private static KoppelSystem system;
  private static int division;
  private static int otherDivision;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start();
    division =
        Http.post(system.exactUrl + "/admin/divisions", Map.of("country", "NL"))
            .json()
            .path("code")
            .asInt();
    otherDivision =
        Http.post(system.exactUrl + "/admin/divisions", Map.of("country", "BE"))
            .json()
            .path("code")
            .asInt();
    Http.post(
        system.exactUrl + "/admin/clients",
        Map.of(
            "clientId",
            KoppelSystem.CLIENT_ID,
            "clientSecret",
            KoppelSystem.CLIENT_SECRET,
            "redirectUri",
            system.appUrl() + "/oauth/exact/callback",
            "name",
            "Koppel"));
    Http.post(
        system.exactUrl + "/admin/users",
        Map.of("username", "boekhouder", "password", "geheim", "divisions", List.of(division)));
    Http.post(
        system.exactUrl + "/admin/users",
        Map.of(
            "username",
            "accountant",
            "password",
            "geheim",
            "divisions",
            List.of(division, otherDivision)));
    system.operatorPost(
        "/api/operator/integrations",
        Map.of(
            "name",
            "Connect shop",
            "ownerEmail",
            "c@example.nl",
            "login",
            "connect",
            "password",
            "pw-connect",
            "shopCountry",
            "NL"));
    system.operatorPost(
        "/api/operator/integrations",
        Map.of(
            "name",
            "Two divisions",
            "ownerEmail",
            "t@example.nl",
            "login",
            "two",
            "password",
            "pw-two",
            "shopCountry",
            "NL"));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  /** Walks Connect → consent → callback; returns the callback's answer. */
  private static Browser.Page connect(Browser browser, String exactUser) {
    Browser.Page toExact = browser.get(system.appUrl() + "/connect/exact");
    assertThat(toExact.status()).isEqualTo(302);
    assertThat(toExact.location()).startsWith(system.exactUrl + "/api/oauth2/auth?");
    String state = Browser.param(toExact.location(), "state");
    assertThat(Browser.param(toExact.location(), "redirect_uri"))
        .isEqualTo(system.appUrl() + "/oauth/exact/callback");
    Browser.Page login = browser.get(toExact.location());
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body()).contains("Toestaan");
    Browser.Page back =
        browser.postForm(
            system.exactUrl + "/api/oauth2/auth",
            Map.of(
                "client_id",
                KoppelSystem.CLIENT_ID,
                "redirect_uri",
                system.appUrl() + "/oauth/exact/callback",
                "state",
                state,
                "username",
                exactUser,
                "password",
                "geheim",
                "decision",
                "allow"));
    assertThat(back.status()).isEqualTo(302);
    assertThat(Browser.param(back.location(), "state")).isEqualTo(state);
    return browser.get(back.location());
  }

  @Test
  void merchantConnectsAndTheOnlyDivisionIsChosen() throws Exception {
    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), "connect", "pw-connect");
    Browser.Page done = connect(browser, "boekhouder");
    assertThat(done.status()).isEqualTo(302);
    assertThat(done.location()).endsWith("/dashboard/installation?exact=connected");

    JsonNode divisions =
        Http.get(system.appUrl() + "/api/exact/divisions", "connect", "pw-connect").json();
    assertThat(divisions).hasSize(1);
    assertThat(divisions.get(0).path("code").asInt()).isEqualTo(division);

    // tokens are stored encrypted: no token text in the database
    try (Connection db = DriverManager.getConnection(system.dbUrl, "postgres", "");
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select c.access_token, c.refresh_token, c.external_id from connection c"
                        + " join integration i on i.id = c.integration_id"
                        + " where c.system = 'EXACT' and i.owner_login = 'connect'")) {
      assertThat(rs.next()).isTrue();
      assertThat(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("ea_");
      assertThat(new String(rs.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain("er_");
      assertThat(rs.getString(3)).isEqualTo(Integer.toString(division));
    }

    // replaying the callback (same code, same state) is refused and changes nothing
    Browser.Page replay = browser.get(system.appUrl() + "/oauth/exact/callback?code=x&state=y");
    assertThat(replay.status()).isEqualTo(302);
    assertThat(replay.location()).endsWith("/dashboard/installation?error=OAUTH_STATE_INVALID");
    // the wizard shows the code, the words and what was answered
    assertThat(browser.get(absolute(replay.location())).body()).contains("OAUTH_STATE_INVALID");
  }

  @Test
  void masterDataFollowsTheContractAndIsCachedUntilRefreshed() {
    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), "connect", "pw-connect");
    connect(browser, "boekhouder");
    int before = vatCalls();
    JsonNode data =
        Http.get(system.appUrl() + "/api/exact/master-data", "connect", "pw-connect").json();
    int pages = vatCalls() - before;
    assertThat(pages).as("VAT codes come in pages of 60").isGreaterThan(1);
    JsonNode again =
        Http.get(system.appUrl() + "/api/exact/master-data", "connect", "pw-connect").json();
    assertThat(again).isEqualTo(data);
    assertThat(vatCalls()).as("the second read comes from the cache").isEqualTo(before + pages);

    // default contract: prices incl. VAT → only incl. codes (and 0 % codes), never excl.
    assertThat(data.path("vatCodes"))
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v.path("type").asString()).isNotEqualTo("E"));
    assertThat(data.path("vatCodes").toString()).contains("\"percentage\":21");
    assertThat(data.path("revenueAccounts"))
        .isNotEmpty()
        .allSatisfy(g -> assertThat(g.path("code").asString()).startsWith("80"));
    assertThat(data.path("salesJournals"))
        .singleElement()
        .satisfies(j -> assertThat(j.path("code").asString()).isEqualTo("70"));
    assertThat(data.path("cashJournals"))
        .singleElement()
        .satisfies(j -> assertThat(j.path("code").asString()).isEqualTo("10"));
    assertThat(data.path("warehouses").toString()).contains("\"main\":true");

    Http.Response refreshed =
        Http.post(
            system.appUrl() + "/api/exact/master-data/refresh", Map.of(), "connect", "pw-connect");
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(vatCalls()).isEqualTo(before + 2 * pages);
  }

  @Test
  void withSeveralDivisionsTheMerchantChoosesOneTheUserCanReach() {
    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), "two", "pw-two");
    Browser.Page done = connect(browser, "accountant");
    assertThat(done.location()).endsWith("/dashboard/installation?exact=choose-division");
    assertThat(
            Http.get(system.appUrl() + "/api/exact/master-data", "two", "pw-two")
                .json()
                .path("error")
                .path("code")
                .asString())
        .isEqualTo("EXACT_NOT_CONNECTED");

    Http.Response wrong =
        Http.put(
            system.appUrl() + "/api/exact/division", Map.of("division", 424242), "two", "pw-two");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().path("error").path("resolution").asString()).isNotBlank();

    Http.Response chosen =
        Http.put(
            system.appUrl() + "/api/exact/division",
            Map.of("division", otherDivision),
            "two",
            "pw-two");
    assertThat(chosen.status()).isEqualTo(200);
    assertThat(
            Http.get(system.appUrl() + "/api/exact/master-data", "two", "pw-two")
                .json()
                .path("salesJournals")
                .get(0)
                .path("code")
                .asString())
        .isEqualTo("700");
  }

  @Test
  void aForgedStateIsRefused() {
    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), "connect", "pw-connect");
    Browser.Page forged =
        browser.get(system.appUrl() + "/oauth/exact/callback?code=ec_stolen&state=made-up");
    assertThat(forged.status()).isEqualTo(302);
    assertThat(forged.location()).endsWith("/dashboard/installation?error=OAUTH_STATE_INVALID");
    // the wizard shows the code, the words and what was answered
    assertThat(browser.get(absolute(forged.location())).body()).contains("OAUTH_STATE_INVALID");
  }

  @Test
  void aLoginCodeExactRefusesIsExplainedInWords() {
    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), "connect", "pw-connect");
    Browser.Page toExact = browser.get(system.appUrl() + "/connect/exact");
    String state = Browser.param(toExact.location(), "state");
    // Koppel's own state, but a code Exact never gave (or gave and already took back)
    Browser.Page refused =
        browser.get(
            system.appUrl() + "/oauth/exact/callback?code=ec_used-or-expired&state=" + state);
    assertThat(refused.status()).isEqualTo(302);
    assertThat(refused.location()).endsWith("/dashboard/installation?error=EXACT_LOGIN_FAILED");
    // the wizard shows the code, the words and what was answered
    assertThat(browser.get(absolute(refused.location())).body())
        .contains("EXACT_LOGIN_FAILED")
        .contains("works once")
        .contains("click Connect again");
  }

  @Test
  void switchingPricesToExclusiveOffersTheExclusiveVatCodesWithoutARefresh() {
    String id = newIntegration("switcher");
    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), "switcher", "pw-switcher");
    connect(browser, "boekhouder");
    system.operatorPut(
        "/api/operator/integrations/" + id + "/settings", Map.of("vatIncluding", true));
    JsonNode incl =
        Http.get(system.appUrl() + "/api/exact/master-data", "switcher", "pw-switcher").json();
    assertThat(incl.path("vatCodes"))
        .anySatisfy(v -> assertThat(v.path("type").asString()).isEqualTo("I"))
        .noneSatisfy(v -> assertThat(v.path("type").asString()).isEqualTo("E"));
    system.operatorPut(
        "/api/operator/integrations/" + id + "/settings", Map.of("vatIncluding", false));
    JsonNode excl =
        Http.get(system.appUrl() + "/api/exact/master-data", "switcher", "pw-switcher").json();
    assertThat(excl.path("vatCodes"))
        .anySatisfy(v -> assertThat(v.path("type").asString()).isEqualTo("E"))
        .noneSatisfy(v -> assertThat(v.path("type").asString()).isEqualTo("I"));
  }

  @Test
  void theDivisionAndTheBookingModeDoNotChangeWhileAnOrderIsBooking() throws Exception {
    String id = newIntegration("busy");
    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), "busy", "pw-busy");
    connect(browser, "accountant");
    Http.put(
        system.appUrl() + "/api/exact/division", Map.of("division", division), "busy", "pw-busy");
    // an order whose document write has an unknown outcome
    try (Connection db = DriverManager.getConnection(system.dbUrl, "postgres", "")) {
      db.createStatement()
          .execute(
              "insert into order_sync (integration_id, shop_order_id, order_number, state,"
                  + " attempt_id, created_at, updated_at) values ('"
                  + id
                  + "', 77, 'W-77', 'BOOKING', gen_random_uuid(), now(), now())");
    }
    Http.Response division2 =
        Http.put(
            system.appUrl() + "/api/exact/division",
            Map.of("division", otherDivision),
            "busy",
            "pw-busy");
    assertThat(division2.status()).isEqualTo(409);
    assertThat(division2.json().path("error").path("code").asString())
        .isEqualTo("BOOKING_IN_PROGRESS");
    Http.Response mode =
        Http.put(
            system.appUrl() + "/api/operator/integrations/" + id + "/settings",
            Map.of("bookingMode", "SALES_ENTRY"),
            KoppelSystem.OPERATOR,
            KoppelSystem.OPERATOR_PASSWORD);
    assertThat(mode.status()).isEqualTo(409);
    // the same division again is no change, and other settings still save
    assertThat(
            Http.put(
                    system.appUrl() + "/api/exact/division",
                    Map.of("division", division),
                    "busy",
                    "pw-busy")
                .status())
        .isEqualTo(200);
    try (Connection db = DriverManager.getConnection(system.dbUrl, "postgres", "")) {
      db.createStatement()
          .execute(
              "update order_sync set state = 'BOOKED' where shop_order_id = 77 and integration_id = '"
                  + id
                  + "'");
    }
    assertThat(
            Http.put(
                    system.appUrl() + "/api/exact/division",
                    Map.of("division", otherDivision),
                    "busy",
                    "pw-busy")
                .status())
        .isEqualTo(200);
  }

  private static String newIntegration(String login) {
    return system
        .operatorPost(
            "/api/operator/integrations",
            Map.of(
                "name",
                "Shop " + login,
                "ownerEmail",
                login + "@example.nl",
                "login",
                login,
                "password",
                "pw-" + login,
                "shopCountry",
                "NL"))
        .json()
        .path("id")
        .asString();
  }

  private static int vatCalls() {
    return system.exactRows(division, "vat/VATCodes").size() >= 0
        ? Http.get(system.exactUrl + "/admin/divisions/" + division + "/counters")
            .json()
            .path("calls")
            .path("GET vat/VATCodes")
            .asInt(0)
        : 0;
  }

  private static String absolute(String location) {
    return location.startsWith("http") ? location : system.appUrl() + location;
  }
}

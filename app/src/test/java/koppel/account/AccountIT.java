package koppel.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import koppel.support.Chrome;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The account page and the forgotten password, in a real browser: change the password (the current
 * one first, the new one twice), the licence keys with copy buttons, removing a stale key (never
 * the one that books, never the last), and the reset link by e-mail that works once.
 */
class AccountIT {

  static GreenMail smtp;
  static KoppelSystem system;
  static KoppelSystem.Seeded shop;

  @BeforeAll
  static void start() {
    int port = KoppelSystem.freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    system =
        KoppelSystem.start(
            Map.of(), Map.of(), Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port));
    shop = system.seedIntegration("konto");
    // a second licence key under the same login, whose installation was never finished
    system.operatorPost(
        "/api/operator/integrations",
        Map.of(
            "name", "Oude winkel",
            "ownerEmail", "konto@example.be",
            "login", "konto",
            "password", "pw-konto",
            "shopCountry", "BE"));
    system.operatorPost(
        "/api/operator/integrations",
        Map.of(
            "name", "Vergeten BV",
            "ownerEmail", "els@vergeten.be",
            "login", "vergeten",
            "password", "pw-vergeten-oud",
            "shopCountry", "BE"));
    for (String name : List.of("Api een", "Api twee")) {
      system.operatorPost(
          "/api/operator/integrations",
          Map.of(
              "name", name,
              "ownerEmail", "api@example.be",
              "login", "apikonto",
              "password", "pw-apikonto-1",
              "shopCountry", "NL"));
    }
  }

  @Test
  void theJsonApiDoesWhatTheAccountPageDoes() throws Exception {
    String url = system.appUrl();
    JsonNode account = Http.get(url + "/api/account", "apikonto", "pw-apikonto-1").json();
    assertThat(account.path("username").asString()).isEqualTo("apikonto");
    assertThat(account.path("keys")).hasSize(2);
    assertThat(account.path("keys").get(1).path("removable").asBoolean()).isTrue();
    String second = account.path("keys").get(1).path("id").asString();
    assertThat(delete(url + "/api/account/keys/" + second)).isEqualTo(204);
    JsonNode after = Http.get(url + "/api/account", "apikonto", "pw-apikonto-1").json();
    assertThat(after.path("keys")).hasSize(1);
    assertThat(after.path("keys").get(0).path("whyKept").asString()).contains("only licence key");
    assertThat(delete(url + "/api/account/keys/" + after.path("keys").get(0).path("id").asString()))
        .isEqualTo(409);
    // another login's key is unknown
    assertThat(delete(url + "/api/account/keys/" + shop.integrationId())).isEqualTo(404);

    Http.Response wrong =
        Http.put(
            url + "/api/account/password",
            Map.of("current", "nope", "password", "twelve chars!", "repeat", "twelve chars!"),
            "apikonto",
            "pw-apikonto-1");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().path("errors").path("current").asString()).isNotBlank();
    Http.Response changed =
        Http.put(
            url + "/api/account/password",
            Map.of(
                "current", "pw-apikonto-1", "password", "twelve chars!", "repeat", "twelve chars!"),
            "apikonto",
            "pw-apikonto-1");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(Http.get(url + "/api/account", "apikonto", "pw-apikonto-1").status()).isEqualTo(401);

    JsonNode installation = Http.get(url + "/api/installation", "apikonto", "twelve chars!").json();
    assertThat(installation.path("shop").path("green").asBoolean()).isFalse();
    assertThat(installation.path("shop").path("code").asString()).isEqualTo("SHOP_NOT_CONNECTED");
    assertThat(installation.path("shop").path("fix").asString()).contains("Connect KMO Shops");
    assertThat(installation.path("installationLink").asString()).contains("/install/KOP-");
  }

  private static int delete(String url) throws Exception {
    String auth =
        java.util.Base64.getEncoder()
            .encodeToString(
                "apikonto:pw-apikonto-1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .DELETE()
                .header("Authorization", "Basic " + auth)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
    smtp.stop();
  }

  @Test
  void deHandelaarWijzigtZijnWachtwoordEnVerwijdertEenOudeSleutel() {
    try (Chrome nl = Chrome.start("nl-BE")) {
      nl.login(system.appUrl(), "konto", "pw-konto");
      nl.click(By.id("account-link"));
      nl.waitUntil(d -> d.getCurrentUrl().endsWith("/dashboard/account"));
      assertThat(nl.text(By.tagName("h1"))).isEqualTo("Je account");
      assertThat(nl.all(By.cssSelector(".key-list > li"))).hasSize(2);
      // the connected, running key cannot be removed; the stale one can
      assertThat(nl.all(By.cssSelector(".key-list button.danger"))).hasSize(1);
      assertThat(nl.pageSource()).contains("Met deze sleutel worden nog bestellingen geboekt");
      assertThat(nl.all(By.cssSelector(".key-list [data-copy]"))).hasSize(2);
      assertThat(nl.pageSource()).doesNotContain("??");
      nl.screenshot("account-nl");

      // wrong current password and two different new ones: both said, next to their field
      nl.type(By.id("current"), "fout");
      nl.type(By.id("password"), "een lange nieuwe zin");
      nl.type(By.id("repeat"), "een andere zin hier");
      nl.click(By.id("change-password"));
      assertThat(nl.text(By.id("current-error"))).isEqualTo("Dit is niet je huidige wachtwoord.");
      assertThat(nl.text(By.id("repeat-error"))).contains("niet gelijk");
      nl.screenshot("account-password-errors-nl");
      nl.type(By.id("current"), "pw-konto");
      nl.type(By.id("password"), "kort");
      nl.type(By.id("repeat"), "kort");
      nl.click(By.id("change-password"));
      assertThat(nl.text(By.id("password-error"))).isEqualTo("Gebruik minstens 10 tekens.");

      nl.type(By.id("current"), "pw-konto");
      nl.type(By.id("password"), "fietsen in de regen");
      nl.type(By.id("repeat"), "fietsen in de regen");
      nl.click(By.id("change-password"));
      assertThat(nl.text(By.id("account-notice"))).isEqualTo("Je wachtwoord is gewijzigd.");

      // removing the stale key asks first, then it is gone from the login and the switcher
      String stale =
          nl.find(By.cssSelector(".key-list button.danger")).getAttribute("id").substring(7);
      assertThat(nl.present(By.id("switch-integration"))).isTrue();
      nl.click(By.cssSelector(".key-list button.danger"));
      nl.driver.switchTo().alert().accept();
      nl.waitUntil(d -> d.getPageSource().contains("account-notice"));
      assertThat(nl.text(By.id("account-notice"))).contains("verwijderd");
      assertThat(nl.pageSource()).doesNotContain(stale);
      assertThat(nl.all(By.cssSelector(".key-list > li"))).hasSize(1);
      assertThat(nl.present(By.id("switch-integration"))).isFalse();
      // the last key stays
      assertThat(nl.all(By.cssSelector(".key-list button.danger"))).isEmpty();
      nl.screenshot("account-key-removed-nl");

      nl.click(By.id("logout"));
      nl.open(system.appUrl() + "/login");
      nl.type(By.id("username"), "konto");
      nl.type(By.id("password"), "pw-konto");
      nl.click(By.id("login"));
      nl.waitUntil(d -> d.getCurrentUrl().contains("/login?error"));
      nl.login(system.appUrl(), "konto", "fietsen in de regen");
      assertThat(nl.url()).contains("/dashboard");
    }
  }

  @Test
  void aForgottenPasswordIsResetByAnEmailedLinkThatWorksOnce() throws Exception {
    try (Chrome en = Chrome.start("en-GB")) {
      en.open(system.appUrl() + "/login");
      en.click(By.id("forgot"));
      en.waitUntil(d -> d.getCurrentUrl().endsWith("/password/forgot"));
      en.screenshot("password-forgot-en");
      en.type(By.id("email"), "Els@Vergeten.be");
      en.click(By.id("send-link"));
      assertThat(en.text(By.id("reset-sent"))).contains("a link is on its way");
      en.screenshot("password-forgot-sent-en");

      // an unknown address gets the same answer and no mail
      en.open(system.appUrl() + "/password/forgot");
      en.type(By.id("email"), "nobody@example.be");
      en.click(By.id("send-link"));
      assertThat(en.text(By.id("reset-sent"))).contains("a link is on its way");

      String text = mailText("els@vergeten.be");
      String link = MailReader.match(text, "(http://\\S+/password/reset/\\S+)");
      en.open(link);
      en.type(By.id("password"), "short");
      en.type(By.id("repeat"), "short");
      en.click(By.id("save-password"));
      assertThat(en.text(By.id("password-error"))).isEqualTo("Use at least 10 characters.");
      en.screenshot("password-reset-error-en");
      en.type(By.id("password"), "a brand new sentence");
      en.type(By.id("repeat"), "a brand new sentence");
      en.click(By.id("save-password"));
      assertThat(en.text(By.id("password-changed"))).contains("vergeten");
      en.screenshot("password-changed-en");

      en.open(link);
      assertThat(en.text(By.id("link-invalid"))).contains("no longer valid");
      en.screenshot("password-link-used-en");

      en.login(system.appUrl(), "vergeten", "a brand new sentence");
      assertThat(en.url()).contains("/dashboard");
      assertThat(
              Arrays.stream(smtp.getReceivedMessages())
                  .filter(m -> recipient(m).equals("nobody@example.be"))
                  .count())
          .isZero();
    }
  }

  static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String mailText(String address) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      for (MimeMessage m : smtp.getReceivedMessages()) {
        if (recipient(m).equals(address)) {
          return MailReader.text(m);
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no mail to " + address);
  }
}

package koppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import koppel.support.Chrome;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The Profile tab in a real browser, in Dutch: the extra address for notifications (a wrong one is
 * refused next to the field and kept), the language, and stopping the integration (an order that
 * arrives waits as OPEN) and starting it again (that order is booked).
 */
class ProfileIT {

  static KoppelSystem system;
  static KoppelSystem.Seeded shop;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start();
    shop = system.seedIntegration("profiel");
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private JsonNode profile() {
    return Http.get(system.appUrl() + "/api/profile", shop.login(), shop.password()).json();
  }

  @Test
  void aMerchantSetsTheNotificationAddressStopsAndStartsTheIntegration() {
    try (Chrome nl = Chrome.start("nl-BE")) {
      nl.login(system.appUrl(), shop.login(), shop.password());
      nl.click(By.id("tab-profile"));
      nl.waitFor(By.id("h-notifications"));
      assertThat(nl.text(By.tagName("h1"))).isEqualTo("Profiel");
      assertThat(nl.text(By.id("current-language"))).isEqualTo("Nederlands");
      assertThat(nl.text(By.id("running-state"))).isEqualTo("Actief");
      assertThat(nl.text(By.id("profile-licence"))).startsWith("KOP-");
      assertThat(nl.pageSource()).doesNotContain("??");
      nl.screenshot("profile-nl");

      // a wrong address: refused next to the field, what was typed is kept, nothing stored
      nl.type(By.id("notification-email"), "boekhouder@kantoor");
      nl.click(By.id("save-email"));
      assertThat(nl.text(By.id("email-error"))).contains("geen e-mailadres");
      assertThat(nl.find(By.id("notification-email")).getAttribute("value"))
          .isEqualTo("boekhouder@kantoor");
      assertThat(profile().path("notificationEmail").isNull()).isTrue();
      nl.screenshot("profile-nl-email-invalid");

      nl.type(By.id("notification-email"), "boekhouder@kantoor.be");
      nl.click(By.id("save-email"));
      assertThat(nl.text(By.id("profile-saved"))).contains("bewaard");
      assertThat(nl.find(By.id("notification-email")).getAttribute("value"))
          .isEqualTo("boekhouder@kantoor.be");
      assertThat(profile().path("notificationEmail").asString()).isEqualTo("boekhouder@kantoor.be");

      // stop: asked first, then stopped; the banner says so on every tab
      nl.click(By.id("stop-integration"));
      nl.waitUntil(d -> d.switchTo().alert()).accept();
      assertThat(nl.text(By.id("running-state"))).isEqualTo("Gestopt");
      assertThat(nl.present(By.id("integration-stopped"))).isTrue();
      assertThat(profile().path("stopped").asBoolean()).isTrue();
      nl.screenshot("profile-nl-stopped");

      // an order arriving now waits, nothing is booked
      long orderId = ShopOrders.paidOrder(system, shop, "wacht@example.be").path("id").asLong();
      ShopOrders.awaitState(system, shop, orderId, "OPEN", 30);
      assertThat(ShopOrders.koppelView(system, shop, orderId).toString()).contains("stopped");

      // start again: the waiting order is booked
      nl.click(By.id("start-integration"));
      assertThat(nl.text(By.id("profile-saved"))).contains("draait weer");
      assertThat(nl.text(By.id("running-state"))).isEqualTo("Actief");
      assertThat(nl.present(By.id("integration-stopped"))).isFalse();
      ShopOrders.awaitState(system, shop, orderId, "BOOKED", 60);
      nl.screenshot("profile-nl-started");

      // the language: English for the dashboard and the e-mails
      new org.openqa.selenium.support.ui.Select(nl.find(By.id("language"))).selectByValue("en");
      nl.click(By.id("save-language"));
      assertThat(nl.text(By.tagName("h1"))).isEqualTo("Profile");
      assertThat(nl.text(By.id("current-language"))).isEqualTo("English");
      nl.phone(true);
      nl.screenshot("profile-en-phone");
    }
  }

  @Test
  void aSubscribedMerchantDownloadsTheMonthsInvoiceAsPdf() throws Exception {
    KoppelSystem.Seeded paying = system.seedIntegration("factuur");
    try (Chrome en = Chrome.start("en-GB")) {
      en.login(system.appUrl(), paying.login(), paying.password());
      en.open(system.appUrl() + "/dashboard/profile");
      assertThat(en.text(By.id("no-invoices"))).contains("No invoices yet");
      system
          .node(0)
          .getBean(koppel.integration.IntegrationStore.class)
          .setSubscriptionActive(java.util.UUID.fromString(paying.integrationId()), true);
      en.open(system.appUrl() + "/dashboard/profile");
      assertThat(en.text(By.id("subscription-state"))).isEqualTo("Active");
      List<org.openqa.selenium.WebElement> rows = en.all(By.cssSelector("#invoices tbody tr"));
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).getText()).contains("€").contains("18.09");
      String href = rows.get(0).findElement(By.tagName("a")).getAttribute("href");
      en.screenshot("profile-en-invoices");

      HttpResponse<byte[]> pdf =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(href))
                      .header(
                          "Authorization",
                          "Basic "
                              + Base64.getEncoder()
                                  .encodeToString(
                                      (paying.login() + ":" + paying.password())
                                          .getBytes(StandardCharsets.UTF_8)))
                      .header("Accept-Language", "en-GB")
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("application/pdf");
      String text = new PdfTextExtractor(new PdfReader(pdf.body())).getTextFromPage(1);
      assertThat(text)
          .contains("Invoice KOP-")
          .contains("Shop factuur")
          .contains("Koppel subscription")
          .contains("14.95")
          .contains("3.14")
          .contains("18.09")
          .contains("21 %");
      // another merchant's month, or a month without invoice: not found
      Http.Response other = Http.get(href, shop.login(), shop.password());
      assertThat(other.status()).isEqualTo(404);
    }
  }

  @Test
  void theApiRefusesAWrongAddressWithACode() {
    Http.Response r =
        Http.put(
            system.appUrl() + "/api/profile/notification-email",
            java.util.Map.of("email", "not an address"),
            shop.login(),
            shop.password());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").path("code").asString()).isEqualTo("PROFILE_EMAIL_INVALID");
  }
}

package koppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import koppel.support.Browser;
import koppel.support.Chrome;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The frame around every tab, in a real browser: log in, the two dots, the licence key, the tabs,
 * the language (the browser's by default, the switch after), and CSRF on the JSON API when it is
 * called with the session cookie.
 */
class DashboardShellIT {

  static KoppelSystem system;
  static KoppelSystem.Seeded shop;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start();
    shop = system.seedIntegration("shell");
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void aMerchantSeesTheFrameInTheBrowsersLanguageAndSwitchesIt() {
    try (Chrome en = Chrome.start("en-GB")) {
      en.login(system.appUrl(), shop.login(), shop.password());
      assertThat(en.text(By.id("tab-report"))).isEqualTo("Report");
      assertThat(en.find(By.id("dot-shop")).getAttribute("class")).contains("green");
      assertThat(en.find(By.id("dot-exact")).getAttribute("class")).contains("green");
      assertThat(en.text(By.id("licence-key"))).startsWith("KOP-");
      assertThat(en.pageSource()).doesNotContain("??");
      en.screenshot("shell-en");

      en.open(system.appUrl() + "/dashboard/report?lang=nl");
      assertThat(en.text(By.id("tab-report"))).isEqualTo("Rapport");
      en.open(system.appUrl() + "/dashboard/report");
      assertThat(en.text(By.id("tab-errors"))).startsWith("Fouten");
      assertThat(en.find(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
    }
    try (Chrome nl = Chrome.start("nl-BE")) {
      nl.login(system.appUrl(), shop.login(), shop.password());
      assertThat(nl.text(By.id("tab-report"))).isEqualTo("Rapport");
      assertThat(nl.pageSource()).doesNotContain("??");
      nl.phone(true);
      nl.screenshot("shell-nl-phone");
    }
  }

  @Test
  void theJsonApiWithTheSessionCookieNeedsTheCsrfTokenWithBasicAuthNot() {
    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), shop.login(), shop.password());
    Browser.Page noToken =
        browser.postJson(
            system.appUrl() + "/api/orders/process", Map.of("ids", java.util.List.of(1)));
    assertThat(noToken.status()).isEqualTo(403);

    Http.Response basic =
        Http.post(
            system.appUrl() + "/api/orders/process",
            Map.of("ids", java.util.List.of(1)),
            shop.login(),
            shop.password());
    assertThat(basic.status()).isEqualTo(200);
  }

  @Test
  void htmxIsServedFromTheWebjar() {
    assertThat(Http.get(system.appUrl() + "/webjars/htmx.org/dist/htmx.min.js").status())
        .isEqualTo(200);
  }
}

package koppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import koppel.support.Chrome;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import koppel.support.Webhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

/**
 * The Migration tab in a real browser, in English: a wrong period is refused next to the field; an
 * import of three dozen orders of a past month runs with a live progress bar to Done and its orders
 * are booked; a second import (the shop is down, so it keeps waiting) is cancelled.
 */
class MigrationIT {

  private static final int ORDERS = 36;
  static KoppelSystem system;
  static KoppelSystem.Seeded shop;
  static LocalDate month;

  @BeforeAll
  static void start() {
    system =
        KoppelSystem.start(
            Map.of(
                "sandbox.exact.minutely-limit",
                10_000_000,
                "sandbox.exact.daily-limit",
                10_000_000),
            Map.of("sandbox.kmoshops.requests-per-minute", 10_000_000),
            Map.of(
                "koppel.exact.minutely-limit", 10_000_000, "koppel.exact.daily-limit", 10_000_000));
    shop = system.seedIntegration("migratie");
    month = LocalDate.now().minusMonths(2).withDayOfMonth(1);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static long pastOrder(int i) {
    String day = month.withDayOfMonth(1 + i % 28).toString();
    Map<String, Object> order =
        Map.of(
            "status",
            "completed",
            "paymentStatus",
            "paid",
            "paymentMethodCode",
            "bancontact",
            "paymentMethodTitle",
            "Bancontact",
            "createdAt",
            day + "T10:" + String.format("%02d", i % 60) + ":00+01:00",
            "customer",
            Map.of(
                "email",
                "oud@example.be",
                "firstName",
                "Oude",
                "lastName",
                "Klant",
                "isCompany",
                false),
            "billingAddress",
            Map.of(
                "name",
                "Oude Klant",
                "street",
                "Markt",
                "number",
                "2",
                "zipcode",
                "9000",
                "city",
                "Gent",
                "countryCode",
                "BE"),
            "lines",
            List.of(
                Map.of(
                    "sku",
                    "THEE-1",
                    "name",
                    "Thee",
                    "quantity",
                    "1",
                    "unitPrice",
                    "6.05",
                    "vatRate",
                    "21")));
    return Http.post(system.shopsUrl + "/admin/shops/" + shop.shopId() + "/orders", order)
        .json()
        .path("id")
        .asLong();
  }

  private static void setDate(Chrome browser, String id, LocalDate value) {
    ((JavascriptExecutor) browser.driver)
        .executeScript(
            "document.getElementById(arguments[0]).value = arguments[1]", id, value.toString());
  }

  /** The state the card shows, read in one step (htmx replaces the card every second). */
  private static String shown(Chrome browser, String jobId) {
    return (String)
        ((JavascriptExecutor) browser.driver)
            .executeScript(
                "var c = document.getElementById(arguments[0]);"
                    + " return c ? c.getAttribute('data-state') : null;",
                "job-" + jobId);
  }

  private static JsonNode imports() {
    return Http.get(system.appUrl() + "/api/imports", shop.login(), shop.password()).json();
  }

  @Test
  void anImportRunsToDoneWithALiveProgressBarAndASecondOneIsCancelled() {
    // the shop did not tell Koppel about these orders: they happened before Koppel
    Webhooks.faults(system, 1.0, 0, 0, 0);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      ids.add(pastOrder(i));
    }
    Webhooks.noFaults(system);
    LocalDate last = month.withDayOfMonth(month.lengthOfMonth());

    try (Chrome en = Chrome.start("en-GB")) {
      en.login(system.appUrl(), shop.login(), shop.password());
      en.click(By.id("tab-migration"));
      assertThat(en.text(By.tagName("h1"))).isEqualTo("Migration");
      assertThat(en.text(By.id("live-first"))).contains("behind the orders your shop receives now");
      assertThat(en.present(By.id("no-imports"))).isTrue();
      en.screenshot("migration-en");

      // the last day before the first: refused next to the field, the dates kept
      setDate(en, "import-from", last);
      setDate(en, "import-to", month);
      en.click(By.id("start-import"));
      assertThat(en.text(By.id("to-error"))).contains("Swap the two dates");
      assertThat(en.find(By.id("import-from")).getAttribute("value")).isEqualTo(last.toString());
      assertThat(imports().size()).isZero();
      en.screenshot("migration-en-invalid");

      setDate(en, "import-from", month);
      setDate(en, "import-to", last);
      en.click(By.id("start-import"));
      assertThat(en.text(By.id("import-started"))).contains("The import has started");
      String first = imports().get(0).path("id").asString();
      By card = By.id("job-" + first);
      // the card is refreshed by the page itself (htmx, every second) until the import is done
      en.waitUntil(Duration.ofSeconds(60), d -> "DONE".equals(shown(en, first)));
      assertThat(en.find(card).getText())
          .contains(ORDERS + " of " + ORDERS + " orders read")
          .contains("Done")
          .contains("100 %");
      assertThat(en.find(card).findElements(By.className("cancel-import"))).isEmpty();
      ShopOrders.awaitAll(system, shop, ids, "BOOKED", 180);
      en.screenshot("migration-en-done");

      // the shop is down: the second import keeps waiting for it, and is cancelled
      Http.post(system.shopsUrl + "/admin/api/outage", Map.of("calls", 100000, "status", 503));
      setDate(en, "import-from", month);
      setDate(en, "import-to", last);
      en.click(By.id("start-import"));
      en.waitFor(By.id("import-started"));
      String second = imports().get(0).path("id").asString();
      assertThat(second).isNotEqualTo(first);
      By secondCard = By.id("job-" + second);
      assertThat(shown(en, second)).isEqualTo("RUNNING");
      en.screenshot("migration-en-running");
      en.click(By.cssSelector("#job-" + second + " .cancel-import"));
      en.waitUntil(d -> "CANCELLED".equals(shown(en, second)));
      assertThat(en.find(secondCard).getText()).contains("Cancelled");
      en.screenshot("migration-en-cancelled");
    } finally {
      Http.post(system.shopsUrl + "/admin/api/outage", Map.of("calls", 0, "status", 503));
    }
    JsonNode cancelled = imports().get(0);
    assertThat(cancelled.path("state").asString()).isEqualTo("CANCELLED");
    assertThat(cancelled.path("seen").asInt()).isZero();
  }

  @Test
  void theImportApiRefusesAnotherMerchantsImport() {
    KoppelSystem.Seeded other = system.seedIntegration("migratie-ander");
    Http.Response started =
        Http.post(
            system.appUrl() + "/api/imports",
            Map.of("from", "2020-01-01", "to", "2020-01-02"),
            other.login(),
            other.password());
    assertThat(started.status()).isEqualTo(202);
    String id = started.json().path("id").asString();
    assertThat(
            Http.get(system.appUrl() + "/api/imports/" + id, shop.login(), shop.password())
                .status())
        .isEqualTo(404);
    assertThat(
            Http.post(
                    system.appUrl() + "/api/imports/" + id + "/cancel",
                    Map.of(),
                    shop.login(),
                    shop.password())
                .status())
        .isEqualTo(404);
  }
}

package koppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import koppel.support.Chrome;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The Configuration tab in a real browser: general settings and a VAT row changed and read back, an
 * incomplete or wrong save, removing the VAT settings, the debtor list filtered by name, and the
 * options only the operator sees.
 */
class ConfigurationIT {

  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  static KoppelSystem system;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static Select select(Chrome c, String css) {
    return new Select(c.find(By.cssSelector(css)));
  }

  private static String selected(Chrome c, String row) {
    return select(c, row + " select[name$='.vatCode']")
        .getFirstSelectedOption()
        .getAttribute("value");
  }

  /** The VAT codes a row's dropdown offers (the others are hidden). */
  private static java.util.List<String> offered(Chrome c, String row) {
    return select(c, row + " select[name$='.vatCode']").getOptions().stream()
        .filter(o -> o.getAttribute("hidden") == null)
        .map(o -> o.getAttribute("value"))
        .toList();
  }

  private static JsonNode configuration(KoppelSystem.Seeded shop) {
    Http.Response r =
        Http.get(system.appUrl() + "/api/configuration", shop.login(), shop.password());
    assertThat(r.status()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode vatRow(JsonNode config, String country, String rate) {
    for (JsonNode row : config.path("vat")) {
      if (country.equals(row.path("country").asString())
          && new java.math.BigDecimal(row.path("rate").asString())
                  .compareTo(new java.math.BigDecimal(rate))
              == 0) {
        return row;
      }
    }
    throw new AssertionError("No VAT row " + country + " " + rate + " in " + config);
  }

  @Test
  void aMerchantChangesTheBookingModeAndAVatRowAndReadsThemBack() {
    KoppelSystem.Seeded shop = system.seedIntegration("config-en");
    try (Chrome en = Chrome.start("en-GB")) {
      en.login(system.appUrl(), shop.login(), shop.password());
      en.open(system.appUrl() + "/dashboard/configuration");
      assertThat(en.text(By.tagName("h1"))).isEqualTo("Configuration");
      // every EU country with today's rates; dropdowns by code and name, never a GUID
      assertThat(en.present(By.id("vat-DE-19"))).isTrue();
      assertThat(en.present(By.id("vat-FR-5.5"))).isTrue();
      assertThat(en.present(By.id("vat-ICP"))).isTrue();
      assertThat(en.present(By.id("vat-INTERNATIONAL"))).isTrue();
      assertThat(select(en, "#salesJournal").getFirstSelectedOption().getText())
          .isEqualTo("700 · Verkopen");
      assertThat(
              select(en, "#vat-BE-21 select[name$='.glAccount']")
                  .getFirstSelectedOption()
                  .getText())
          .isEqualTo("700000 · Verkopen handelsgoederen 21%");
      // only codes incl. VAT are offered with incl. prices; excl. prices offer the others
      assertThat(offered(en, "#vat-BE-12")).contains("12", "13").doesNotContain("02", "03");
      en.click(By.id("vat-excl"));
      assertThat(offered(en, "#vat-BE-12")).contains("02", "03").doesNotContain("12", "13");
      assertThat(selected(en, "#vat-BE-21")).isEmpty();
      en.click(By.id("vat-incl"));
      assertThat(offered(en, "#vat-BE-12")).contains("12", "13").doesNotContain("02", "03");
      // switching back gives the choices back
      assertThat(selected(en, "#vat-BE-21")).isEqualTo("13");
      assertThat(GUID.matcher(en.find(By.id("main")).getText()).find()).isFalse();
      assertThat(en.present(By.id("operator-options"))).isFalse();
      en.screenshot("configuration-en");

      en.click(By.id("mode-SALES_ENTRY"));
      select(en, "#vat-BE-12 select[name$='.vatCode']").selectByValue("12");
      select(en, "#vat-BE-12 select[name$='.glAccount']").selectByValue("700200");
      select(en, "#warehouse").selectByValue("1");
      en.click(By.id("save"));
      assertThat(en.text(By.id("notice-saved"))).contains("saved and complete");
      assertThat(en.present(By.id("missing"))).isFalse();
      en.screenshot("configuration-en-saved");

      // the page shows what was saved, and so does the API
      assertThat(en.find(By.id("mode-SALES_ENTRY")).isSelected()).isTrue();
      assertThat(
              select(en, "#vat-BE-12 select[name$='.vatCode']")
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("12");
      JsonNode saved = configuration(shop);
      assertThat(saved.path("bookingMode").asString()).isEqualTo("SALES_ENTRY");
      assertThat(saved.path("warehouse").asString()).isEqualTo("1");
      assertThat(vatRow(saved, "BE", "12").path("vatCode").asString()).isEqualTo("12");
      assertThat(vatRow(saved, "BE", "12").path("glAccount").asString()).isEqualTo("700200");
      JsonNode settings =
          system
              .operatorGet("/api/operator/integrations/" + shop.integrationId() + "/settings")
              .json();
      assertThat(settings.path("bookingMode").asString()).isEqualTo("SALES_ENTRY");
    }
  }

  @Test
  void aWrongSaveKeepsWhatWasTypedAndAnIncompleteOneListsWhatIsMissing() {
    KoppelSystem.Seeded shop = system.seedIntegration("config-nl");
    try (Chrome nl = Chrome.start("nl-BE")) {
      nl.login(system.appUrl(), shop.login(), shop.password());
      nl.open(system.appUrl() + "/dashboard/configuration");
      assertThat(nl.text(By.tagName("h1"))).isEqualTo("Configuratie");

      // a VAT code without a revenue account (sales invoices map the ledger): nothing is saved
      select(nl, "#vat-NL-21 select[name$='.vatCode']").selectByValue("13");
      nl.type(By.cssSelector("#vat-DE-19 input.rate"), "abc");
      nl.click(By.id("save"));
      assertThat(nl.text(By.id("problem"))).contains("Er is niets opgeslagen");
      assertThat(nl.text(By.cssSelector("#vat-NL-21 .field-error")))
          .isEqualTo("Kies een omzetrekening voor deze regel.");
      assertThat(nl.find(By.cssSelector("#vat-DE-19 input.rate")).getAttribute("value"))
          .isEqualTo("abc");
      assertThat(nl.text(By.cssSelector("#vat-DE-19 .field-error")))
          .isEqualTo("Dit is geen geldige waarde.");
      assertThat(
              select(nl, "#vat-NL-21 select[name$='.vatCode']")
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("13");
      assertThat(nl.pageSource()).doesNotContain("??");
      nl.screenshot("configuration-nl-errors");
      assertThat(vatRow(configuration(shop), "NL", "21").path("vatCode").isNull()).isTrue();

      // correct it, but leave out the sales journal: saved, and the missing journal is listed
      nl.type(By.cssSelector("#vat-DE-19 input.rate"), "19");
      select(nl, "#vat-NL-21 select[name$='.glAccount']").selectByValue("700500");
      select(nl, "#salesJournal").selectByValue("");
      nl.click(By.id("save"));
      assertThat(nl.text(By.id("notice-saved"))).contains("opgeslagen");
      assertThat(nl.find(By.cssSelector("#missing [data-missing='salesJournal']")).getText())
          .isEqualTo("Een verkoopdagboek (Algemeen)");
      nl.screenshot("configuration-nl-missing");
      JsonNode saved = configuration(shop);
      assertThat(saved.path("salesJournal").isNull()).isTrue();
      assertThat(vatRow(saved, "NL", "21").path("glAccount").asString()).isEqualTo("700500");
    }
  }

  @Test
  void removingTheVatSettingsStartsTheTableOver() {
    KoppelSystem.Seeded shop = system.seedIntegration("config-remove");
    try (Chrome en = Chrome.start("en-GB")) {
      en.login(system.appUrl(), shop.login(), shop.password());
      en.open(system.appUrl() + "/dashboard/configuration");
      assertThat(
              select(en, "#vat-BE-21 select[name$='.vatCode']")
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("13");
      en.click(By.id("remove-vat"));
      en.waitUntil(d -> d.switchTo().alert()).accept();
      assertThat(en.text(By.id("notice"))).contains("VAT settings are removed");
      assertThat(
              select(en, "#vat-BE-21 select[name$='.vatCode']")
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEmpty();
      en.screenshot("configuration-en-vat-removed");
      assertThat(vatRow(configuration(shop), "BE", "21").path("vatCode").isNull()).isTrue();
    }
  }

  @Test
  void theDebtorListIsFilteredByNameAndAPaymentMethodGetsAFixedDebtor() {
    KoppelSystem.Seeded shop = system.seedIntegration("config-debtors");
    system.createDebtor(shop, "5001", "Bakkerij Jansen");
    system.createDebtor(shop, "5002", "Peeters Sport");
    try (Chrome nl = Chrome.start("nl-BE")) {
      nl.login(system.appUrl(), shop.login(), shop.password());
      nl.open(system.appUrl() + "/dashboard/configuration");
      nl.type(By.id("debtor-filter"), "jans");
      nl.waitUntil(
          d -> {
            String shown = d.findElement(By.id("debtor-results")).getText();
            return shown.contains("Bakkerij Jansen") && !shown.contains("Peeters");
          });
      assertThat(nl.text(By.id("debtor-results"))).contains("5001").doesNotContain("Peeters");
      nl.screenshot("configuration-nl-debtors");

      nl.type(By.cssSelector("#method-bancontact input[type='text']"), "5001");
      nl.type(By.id("fallbackDebtor"), "5002");
      nl.click(By.id("save"));
      assertThat(nl.text(By.id("notice-saved"))).contains("opgeslagen");
      assertThat(
              nl.find(By.cssSelector("#method-bancontact input[type='text']"))
                  .getAttribute("value"))
          .isEqualTo("5001");
      assertThat(nl.find(By.id("fallbackDebtor")).getAttribute("value")).isEqualTo("5002");

      // an unknown code is refused next to the field, the rest kept
      nl.type(By.cssSelector("#method-ideal input[type='text']"), "9999");
      nl.click(By.id("save"));
      assertThat(nl.text(By.cssSelector("#method-ideal .field-error"))).contains("Geen klant");
      assertThat(nl.find(By.cssSelector("#method-ideal input[type='text']")).getAttribute("value"))
          .isEqualTo("9999");
    }
    Http.Response debtors =
        Http.get(system.appUrl() + "/api/debtors?name=peeters", shop.login(), shop.password());
    assertThat(debtors.json().toString()).contains("Peeters Sport").doesNotContain("Jansen");
  }

  @Test
  void theOperatorOnlyOptionsAreHiddenFromTheMerchantAndShownToTheOperator() {
    KoppelSystem.Seeded shop = system.seedIntegration("config-operator");
    try (Chrome en = Chrome.start("en-GB")) {
      en.login(system.appUrl(), shop.login(), shop.password());
      en.open(system.appUrl() + "/dashboard/configuration");
      assertThat(en.present(By.id("general"))).isTrue();
      assertThat(en.present(By.id("operator-options"))).isFalse();
      assertThat(en.present(By.id("directInvoice"))).isFalse();
    }
    // a merchant's save cannot switch them on
    Http.Response put =
        Http.put(
            system.appUrl() + "/api/configuration",
            Map.of(
                "bookingMode",
                "SALES_INVOICE",
                "salesJournal",
                "700",
                "ledgerMappingDisabled",
                true),
            shop.login(),
            shop.password());
    assertThat(put.status()).isEqualTo(200);
    assertThat(configuration(shop).path("ledgerMappingDisabled").asBoolean()).isFalse();

    try (Chrome op = Chrome.start("en-GB")) {
      op.login(system.appUrl(), KoppelSystem.OPERATOR, KoppelSystem.OPERATOR_PASSWORD);
      op.open(system.appUrl() + "/dashboard/configuration?integration=" + shop.integrationId());
      assertThat(op.present(By.id("operator-options"))).isTrue();
      op.click(By.id("ledgerMappingDisabled"));
      op.click(By.id("save"));
      assertThat(op.text(By.id("notice-saved"))).contains("saved");
      assertThat(op.find(By.id("ledgerMappingDisabled")).isSelected()).isTrue();
      op.screenshot("configuration-en-operator");
    }
    assertThat(configuration(shop).path("ledgerMappingDisabled").asBoolean()).isTrue();
  }
}

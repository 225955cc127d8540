package koppel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import koppel.support.Chrome;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The Preview tab in a real browser: the document shown for an order is the one booking it then
 * writes to Exact Online (same lines, VAT codes, accounts and totals), and an order with a VAT rate
 * the table does not map shows the error it would get — nothing written either way.
 */
class PreviewIT {

  static KoppelSystem system;
  static KoppelSystem.Seeded shop;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start();
    shop = system.seedIntegration("preview");
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static void awaitState(long id, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> state.equals(ShopOrders.state(system, shop, id)));
  }

  private static int invoices() {
    return system.exactRows(shop.division(), "salesinvoice/SalesInvoices").size();
  }

  @Test
  void thePreviewOfAnOrderIsTheDocumentBookingThenWrites() {
    long id =
        ShopOrders.lampOrder(system, shop, "processing", "not_paid", "paul@example.be")
            .path("id")
            .asLong();
    awaitState(id, "OPEN");
    int before = invoices();

    List<String> shownCodes = new ArrayList<>();
    try (Chrome en = Chrome.start("en-GB")) {
      en.login(system.appUrl(), shop.login(), shop.password());
      en.open(system.appUrl() + "/dashboard/preview");
      en.screenshot("preview-en-list");
      en.click(By.id("preview-" + id));
      assertThat(en.text(By.id("preview-type"))).isEqualTo("Sales invoice");
      assertThat(en.text(By.id("preview-debtor"))).contains("Paul Later");
      assertThat(en.text(By.id("preview-waits"))).contains("not booked yet");
      List<WebElement> lines = en.all(By.cssSelector("#preview-lines tbody tr"));
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0).findElement(By.cssSelector(".vat-code")).getText())
          .isEqualTo("13 · Verkopen 21% incl.");
      assertThat(lines.get(0).findElement(By.cssSelector(".account")).getText())
          .isEqualTo("700000 · Verkopen handelsgoederen 21%");
      assertThat(en.text(By.id("preview-total-incl"))).isEqualTo("€30.25");
      assertThat(en.text(By.id("preview-total-vat"))).isEqualTo("€5.25");
      assertThat(en.pageSource()).doesNotContain("??");
      lines.forEach(
          l ->
              shownCodes.add(l.findElement(By.cssSelector(".vat-code")).getAttribute("data-code")));
      en.screenshot("preview-en-document");
    }
    // the preview wrote nothing to Exact Online
    assertThat(invoices()).isEqualTo(before);

    JsonNode preview =
        Http.get(system.appUrl() + "/api/preview/" + id, shop.login(), shop.password()).json();
    assertThat(preview.path("outcome").asString()).isEqualTo("WAIT");

    Http.post(
        system.shopsUrl + "/admin/shops/" + shop.shopId() + "/orders/" + id + "/pay", Map.of());
    awaitState(id, "BOOKED");

    String invoiceId =
        ShopOrders.koppelView(system, shop, id)
            .path("order")
            .path("document")
            .path("id")
            .asString();
    JsonNode invoice = null;
    for (JsonNode i : system.exactRows(shop.division(), "salesinvoice/SalesInvoices")) {
      if (invoiceId.equals(i.path("InvoiceID").asString())) {
        invoice = i;
      }
    }
    assertThat(invoice).as("the booked invoice").isNotNull();
    assertThat(new BigDecimal(invoice.path("AmountFC").asString()))
        .isEqualByComparingTo(new BigDecimal(preview.path("totalIncl").asString()));
    List<JsonNode> stored = new ArrayList<>();
    for (JsonNode line : system.exactRows(shop.division(), "salesinvoice/SalesInvoiceLines")) {
      if (invoiceId.equals(line.path("InvoiceID").asString())) {
        stored.add(line);
      }
    }
    JsonNode previewed = preview.path("document").path("lines");
    assertThat(stored).hasSize(previewed.size());
    for (int i = 0; i < stored.size(); i++) {
      JsonNode s = stored.get(i);
      JsonNode p = previewed.get(i);
      assertThat(s.path("VATCode").asString().trim()).isEqualTo(p.path("vatCode").asString());
      assertThat(s.path("VATCode").asString().trim()).isEqualTo(shownCodes.get(i));
      assertThat(s.path("GLAccount").asString()).isEqualTo(p.path("glAccount").asString());
      assertThat(new BigDecimal(s.path("Quantity").asString()))
          .isEqualByComparingTo(new BigDecimal(p.path("quantity").asString()));
      assertThat(new BigDecimal(s.path("UnitPrice").asString()))
          .isEqualByComparingTo(new BigDecimal(p.path("unitPrice").asString()));
      assertThat(new BigDecimal(s.path("VATAmountFC").asString()))
          .isEqualByComparingTo(new BigDecimal(p.path("vatAmount").asString()));
      assertThat(s.path("Description").asString()).isEqualTo(p.path("description").asString());
    }
  }

  @Test
  void anOrderWithAnUnmappedVatRateShowsTheErrorItWouldGet() {
    long id =
        Http.post(
                system.shopsUrl + "/admin/shops/" + shop.shopId() + "/orders",
                Map.of(
                    "status", "processing",
                    "paymentStatus", "not_paid",
                    "paymentMethodCode", "banktransfer",
                    "paymentMethodTitle", "Bank transfer",
                    "customer",
                        Map.of(
                            "email", "els@example.be",
                            "firstName", "Els",
                            "lastName", "Twaalf",
                            "isCompany", false),
                    "billingAddress",
                        Map.of(
                            "name", "Els Twaalf",
                            "street", "Markt",
                            "number", "2",
                            "zipcode", "8000",
                            "city", "Brugge",
                            "countryCode", "BE"),
                    "lines",
                        List.of(
                            Map.of(
                                "sku", "M-12",
                                "name", "Margarine",
                                "quantity", "1",
                                "unitPrice", "11.20",
                                "vatRate", "12"))))
            .json()
            .path("id")
            .asLong();
    awaitState(id, "OPEN");
    String number =
        ShopOrders.koppelView(system, shop, id).path("order").path("orderNumber").asString();
    try (Chrome nl = Chrome.start("nl-BE")) {
      nl.login(system.appUrl(), shop.login(), shop.password());
      nl.open(system.appUrl() + "/dashboard/preview");
      nl.type(By.id("preview-number"), number);
      nl.click(By.id("preview-go"));
      assertThat(nl.text(By.id("preview-error-code"))).isNotBlank();
      assertThat(nl.text(By.id("preview-error-message"))).contains("12");
      assertThat(nl.present(By.id("preview-document"))).isFalse();
      assertThat(nl.text(By.tagName("h1"))).isEqualTo("Voorbeeld");
      nl.screenshot("preview-nl-error");
    }
    JsonNode preview =
        Http.get(system.appUrl() + "/api/preview/" + id, shop.login(), shop.password()).json();
    assertThat(preview.path("outcome").asString()).isEqualTo("ERROR");
    assertThat(preview.path("error").path("resolution").asString()).isNotBlank();
  }
}

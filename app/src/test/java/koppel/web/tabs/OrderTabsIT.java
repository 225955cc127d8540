package koppel.web.tabs;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import koppel.support.Browser;
import koppel.support.Chrome;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The Report, Errors, Open and support pages in a real browser, against the sandboxes: a paid order
 * is on Report (found by the search, in the CSV); an order with an unmapped VAT rate is on Errors
 * with its resolution, More info shows its history, Report problem mails support, Preview shows the
 * same error, the VAT row is added on the Configuration tab and Process books it; an unpaid order
 * waits on Open until it is paid; "Ask us" stores and mails a question.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderTabsIT {

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
            Map.of(),
            Map.of(),
            Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", port,
                "koppel.mail.first-retry", "1s",
                "koppel.support.email", "help@koppel.example"));
    shop = system.seedIntegration("tabs");
  }

  @AfterAll
  static void stop() {
    system.close();
    smtp.stop();
  }

  @Test
  @Order(1)
  void aPaidOrderIsOnTheReportAndABrokenOneIsFixedFromTheErrorsTab() throws Exception {
    long paid = ShopOrders.paidOrder(system, shop, "jan@example.be").path("id").asLong();
    ShopOrders.awaitState(system, shop, paid, "BOOKED", 60);
    String paidNumber =
        ShopOrders.koppelView(system, shop, paid).path("order").path("orderNumber").asString();

    long broken = ShopOrders.twelvePercentOrder(system, shop, "an@example.be").path("id").asLong();
    ShopOrders.awaitState(system, shop, broken, "FAILED", 60);
    String code =
        ShopOrders.koppelView(system, shop, broken)
            .path("order")
            .path("error")
            .path("code")
            .asString();

    try (Chrome en = Chrome.start("en-GB")) {
      en.login(system.appUrl(), shop.login(), shop.password());
      en.open(system.appUrl() + "/dashboard/report");
      assertThat(en.text(By.cssSelector("#order-" + paid + " .order-number")))
          .isEqualTo(paidNumber);
      assertThat(en.text(By.id("order-" + paid))).contains("Sales invoice").contains("Peeters");
      assertThat(en.text(By.cssSelector("#stat-booked .value"))).isEqualTo("1");
      assertThat(en.text(By.cssSelector("#stat-failed .value"))).isEqualTo("1");
      assertThat(en.text(By.cssSelector("#stat-amount .value")))
          .isEqualTo(en.text(By.cssSelector("#order-" + paid + " td.num")));
      assertThat(en.all(By.cssSelector("#chart rect.booked"))).hasSize(1);
      assertThat(en.all(By.cssSelector("#chart rect.failed"))).hasSize(1);
      assertThat(en.find(By.cssSelector("#order-" + paid + " a.exact-link")).getAttribute("href"))
          .contains("/api/v1/" + shop.division() + "/salesinvoice/SalesInvoices(guid'");
      assertThat(en.pageSource()).doesNotContain("??");
      en.screenshot("orders-report-en");

      en.type(By.id("q"), "Peeters").click(By.id("filter"));
      assertThat(en.find(By.id("order-" + paid)).isDisplayed()).isTrue();
      en.type(By.id("q"), "nobody-like-this").click(By.id("filter"));
      assertThat(en.text(By.id("report-empty"))).contains("nobody-like-this");
      assertThat(en.present(By.id("order-" + paid))).isFalse();

      en.open(system.appUrl() + "/dashboard/errors");
      String row = en.text(By.id("error-" + broken));
      assertThat(row).contains(code).contains("→").doesNotContain("press Process.");
      assertThat(en.find(By.cssSelector("#error-" + broken + " .resolution")).getText())
          .isNotBlank();
      en.screenshot("orders-errors-en");

      en.click(By.id("info-" + broken));
      assertThat(en.text(By.id("history"))).contains("Received").contains("Not booked");
      assertThat(en.text(By.id("order-state"))).isEqualTo("Not booked");
      en.type(By.id("note"), "Klopt het btw-tarief van 12 %?");
      en.click(By.id("send-ticket"));
      String notice = en.text(By.id("notice"));
      assertThat(notice).containsPattern("ticket number \\d+");
      en.screenshot("orders-more-info-en");
      assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("help@koppel.example");
      String body = GreenMailUtil.getBody(mail);
      assertThat(mail.getSubject()).contains(code);
      assertThat(body)
          .contains("Klopt het btw")
          .contains(code)
          .contains("KOP-")
          .contains("History");

      // Preview shows the same error before anything is fixed
      en.click(By.id("tab-preview"));
      en.click(By.id("preview-" + broken));
      assertThat(en.text(By.id("preview-error-code"))).isEqualTo(code);
      en.screenshot("walkthrough-preview-error-en");
      // the cause fixed on the Configuration tab (a VAT row for 12 %), Process books it
      en.click(By.id("tab-configuration"));
      new Select(en.find(By.cssSelector("#vat-BE-12 select[name$='.vatCode']")))
          .selectByValue("12");
      new Select(en.find(By.cssSelector("#vat-BE-12 select[name$='.glAccount']")))
          .selectByValue("700200");
      en.click(By.id("save"));
      assertThat(en.text(By.id("notice-saved"))).contains("saved");
      en.screenshot("walkthrough-configuration-fixed-en");
      en.click(By.id("tab-preview"));
      en.click(By.id("preview-" + broken));
      assertThat(en.text(By.id("preview-type"))).isEqualTo("Sales invoice");
      assertThat(en.present(By.id("preview-error"))).isFalse();
      en.open(system.appUrl() + "/dashboard/errors");
      en.click(By.id("pick-" + broken));
      en.click(By.id("process-selected"));
      assertThat(en.text(By.id("notice"))).contains("booking 1 order");
      ShopOrders.awaitState(system, shop, broken, "BOOKED", 60);
      en.open(system.appUrl() + "/dashboard/errors");
      assertThat(en.present(By.id("error-" + broken))).isFalse();
    }

    // the CSV: same filter, every booked order, BOM, ';', amounts with a dot
    Browser browser = new Browser();
    browser.loginToKoppel(system.appUrl(), shop.login(), shop.password());
    Browser.Page csv = browser.get(system.appUrl() + "/dashboard/report.csv?q=Peeters");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("\uFEFF");
    String[] lines = csv.body().substring(1).split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("Order date;Order;Amount;Currency;");
    BigDecimal total =
        new BigDecimal(
            ShopOrders.koppelView(system, shop, paid).path("order").path("totalIncl").asString());
    assertThat(lines[1])
        .contains(";" + paidNumber + ";")
        .contains(";" + total.setScale(2) + ";EUR;");
    assertThat(lines[1]).contains("jan@example.be");

    // the JSON API says the same
    JsonNode report =
        Http.get(system.appUrl() + "/api/report", shop.login(), shop.password()).json();
    assertThat(report.path("total").asLong()).isEqualTo(2);
    assertThat(new BigDecimal(report.path("bookedTotals").path("EUR").asString()))
        .isEqualByComparingTo(
            total.add(
                new BigDecimal(
                    ShopOrders.koppelView(system, shop, broken)
                        .path("order")
                        .path("totalIncl")
                        .asString())));
  }

  @Test
  @Order(2)
  void anUnpaidOrderWaitsOnOpenUntilItIsPaidAndAQuestionReachesSupport() {
    JsonNode order = ShopOrders.lampOrder(system, shop, "new", "pending", "paul@example.be");
    long id = order.path("id").asLong();
    ShopOrders.awaitState(system, shop, id, "OPEN", 60);
    try (Chrome nl = Chrome.start("nl-BE")) {
      nl.login(system.appUrl(), shop.login(), shop.password());
      nl.open(system.appUrl() + "/dashboard/open");
      String row = nl.text(By.id("open-" + id));
      assertThat(row).contains("Wacht op betaling").contains("Later");
      assertThat(nl.text(By.cssSelector("#open-" + id + " .next-check"))).isNotBlank();
      assertThat(nl.pageSource()).doesNotContain("??");
      nl.screenshot("orders-open-nl");

      Http.post(
          system.shopsUrl + "/admin/shops/" + shop.shopId() + "/orders/" + id,
          Map.of("paymentStatus", "paid"));
      ShopOrders.awaitState(system, shop, id, "BOOKED", 60);
      nl.open(system.appUrl() + "/dashboard/open");
      assertThat(nl.present(By.id("open-" + id))).isFalse();
      nl.open(system.appUrl() + "/dashboard/report");
      assertThat(nl.find(By.id("order-" + id)).getText()).contains("Verkoopfactuur");
      nl.screenshot("orders-report-nl");
      nl.phone(true);
      assertThat(nl.find(By.id("order-" + id)).getText()).contains("Verkoopfactuur");
      nl.screenshot("orders-report-nl-phone");
      nl.phone(false);

      nl.open(system.appUrl() + "/dashboard/support");
      nl.click(By.id("send-question"));
      // the browser's own check keeps an empty question from being sent
      assertThat(nl.url()).endsWith("/dashboard/support");
      nl.type(By.id("subject"), "Dagboek wijzigen");
      nl.type(By.id("question"), "Kan ik het verkoopdagboek halverwege het jaar wijzigen?");
      nl.click(By.id("send-question"));
      assertThat(nl.text(By.id("notice"))).containsPattern("ticketnummer \\d+");
      assertThat(nl.text(By.id("tickets"))).contains("Dagboek wijzigen");
      nl.screenshot("orders-support-nl");
    }
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                List.of(smtp.getReceivedMessages()).stream()
                    .anyMatch(
                        m -> {
                          try {
                            return m.getSubject().contains("Dagboek wijzigen")
                                && GreenMailUtil.getBody(m).contains("verkoopdagboek");
                          } catch (Exception e) {
                            return false;
                          }
                        }));
  }

  @Test
  @Order(3)
  void whatExactAnsweredIsShownWordForWordAndOnlyToItsOwnMerchant() {
    KoppelSystem.Seeded other = system.seedIntegration("tabs-exact");
    // a journal that is not a sales journal: Exact refuses the invoice
    system.settings(other, Map.of("salesJournal", "10"));
    long id = ShopOrders.paidOrder(system, other, "els@example.be").path("id").asLong();
    ShopOrders.awaitState(system, other, id, "FAILED", 60);

    try (Chrome nl = Chrome.start("nl-BE")) {
      nl.login(system.appUrl(), other.login(), other.password());
      nl.open(system.appUrl() + "/dashboard/errors");
      String row = nl.text(By.id("error-" + id));
      assertThat(row)
          .contains("EXACT_REJECTED")
          .contains("Exact Online heeft het document geweigerd");
      assertThat(row).contains("Verwerken").contains("Meer info").contains("Probleem melden");
      assertThat(nl.pageSource()).doesNotContain("??");
      nl.screenshot("orders-errors-nl");
      nl.click(By.id("info-" + id));
      String answer = nl.text(By.id("answer"));
      assertThat(answer).startsWith("HTTP 500").contains("\"value\":\"Ongeldig: Dagboek (Type)\"");
      assertThat(nl.text(By.id("history"))).contains("Antwoord van Exact Online");
      nl.screenshot("orders-more-info-nl");
    }

    // the JSON API: the same answer; another merchant's order is unknown to "tabs"
    Http.Response details =
        Http.get(
            system.appUrl() + "/api/orders/" + id + "/details", other.login(), other.password());
    assertThat(details.status()).isEqualTo(200);
    assertThat(details.json().path("answer").asString()).contains("Dagboek");
    assertThat(details.json().path("error").path("code").asString()).isEqualTo("EXACT_REJECTED");
    assertThat(
            Http.get(
                    system.appUrl()
                        + "/api/orders/"
                        + id
                        + "/details?integration="
                        + other.integrationId(),
                    shop.login(),
                    shop.password())
                .status())
        .isEqualTo(404);
    assertThat(
            Http.get(
                    system.appUrl() + "/api/orders/" + id + "/details",
                    shop.login(),
                    shop.password())
                .status())
        .isEqualTo(404);
    JsonNode errors =
        Http.get(system.appUrl() + "/api/errors", other.login(), other.password()).json();
    assertThat(errors.path("total").asLong()).isEqualTo(1);
    assertThat(errors.path("orders").get(0).path("shopOrderId").asLong()).isEqualTo(id);

    Http.Response ticket =
        Http.post(
            system.appUrl() + "/api/tickets",
            Map.of("shopOrderId", id, "note", "Welk dagboek moet ik kiezen?"),
            other.login(),
            other.password());
    assertThat(ticket.status()).isEqualTo(201);
    assertThat(ticket.json().path("number").asLong()).isPositive();

    // fixed: the sales journal; Process through the API books it
    system.settings(other, Map.of("salesJournal", "700"));
    assertThat(
            Http.post(
                    system.appUrl() + "/api/orders/" + id + "/process",
                    Map.of(),
                    other.login(),
                    other.password())
                .status())
        .isEqualTo(200);
    ShopOrders.awaitState(system, other, id, "BOOKED", 60);
    assertThat(
            Http.get(system.appUrl() + "/api/errors", other.login(), other.password())
                .json()
                .path("total")
                .asLong())
        .isZero();
  }
}

package koppel.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import koppel.support.Draft;
import koppel.support.ExactAdmin;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The merchant's side of errors: Process after fixing the cause (one order or a selection), the
 * Open orders, broken shop data ending as INTERNAL_ERROR instead of endless retries, Exact's totals
 * checked after every write (EXACT_TOTALS_DIFFER), Koppel learning how an administration reads
 * sales-entry amounts, and the paged orders list.
 */
class ProcessAndChecksIT {

  private static KoppelSystem system;
  private static ExactAdmin exact;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start(Map.of("sandbox.exact.minutely-limit", 3000), Map.of(), Map.of());
    exact = new ExactAdmin(system);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @AfterEach
  void exactReadsAsByDefault() {
    exact.behaviour(Map.of("entryAmountIncludesVat", false));
  }

  @Test
  void processAfterFixingTheCauseBooksTheOrderAndASelectionSaysPerOrderWhatHappened() {
    KoppelSystem.Seeded seeded = system.seedIntegration("process");
    long booked = lamp(seeded, "booked@example.be");
    long broken =
        Draft.paid("twaalf@example.be")
            .line("KAAS-12", "1", "11.20", "12")
            .create(system, seeded)
            .path("id")
            .asLong();
    awaitState(seeded, booked, "BOOKED");
    awaitState(seeded, broken, "FAILED");
    JsonNode error = view(seeded, broken).path("order").path("error");
    assertThat(error.path("code").asString()).isEqualTo("VAT_CODE_MISSING");

    system.operatorPut(
        "/api/operator/integrations/" + seeded.integrationId() + "/vat-mappings",
        List.of(
            KoppelSystem.vatRow("COUNTRY", "BE", "21", "13", "700000"),
            KoppelSystem.vatRow("COUNTRY", "BE", "6", "11", "700100"),
            KoppelSystem.vatRow("COUNTRY", "BE", "12", "12", "700200")));
    Http.Response r =
        Http.post(
            system.appUrl() + "/api/orders/process",
            Map.of("ids", List.of(broken, booked, 424242L)),
            seeded.login(),
            seeded.password());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get(0).path("result").asString()).isEqualTo("QUEUED");
    assertThat(r.json().get(1).path("result").asString()).isEqualTo("NOT_PROCESSABLE");
    assertThat(r.json().get(2).path("result").asString()).isEqualTo("UNKNOWN");
    awaitState(seeded, broken, "BOOKED");
    assertThat(view(seeded, broken).path("order").path("attempts").asInt())
        .as("Process gives the order fresh retries")
        .isEqualTo(1);
    assertThat(exact.rows(seeded.division(), "salesinvoice/SalesInvoices")).hasSize(2);
  }

  @Test
  void anOpenOrderIsLookedAtAgainOnProcessAndStaysOpenWhileUnpaid() {
    KoppelSystem.Seeded seeded = system.seedIntegration("open");
    long id =
        Draft.paid("later@example.be")
            .status("new", "pending")
            .paymentMethod("banktransfer", "Bank transfer")
            .line("LAMP", "1", "30.25", "21")
            .create(system, seeded)
            .path("id")
            .asLong();
    awaitState(seeded, id, "OPEN");
    Http.Response r = process(seeded, id);
    assertThat(r.json().path("result").asString()).isEqualTo("QUEUED");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> view(seeded, id).path("history").toString().contains("PROCESS"));
    awaitState(seeded, id, "OPEN");
    assertThat(view(seeded, id).path("order").path("reason").asString()).contains("pending");
  }

  @Test
  void brokenShopDataEndsAsInternalErrorInsteadOfRetryingForever() {
    KoppelSystem.Seeded seeded = system.seedIntegration("broken");
    // an unreadable amount
    long amount = pendingThenBroken(seeded, "lines.0.totalIncl", "12,50");
    // an unreadable date
    long date = pendingThenBroken(seeded, "createdAt", "gisteren");
    // no VAT rate on a line
    long rate = pendingThenBroken(seeded, "lines.0.vatRate", null);
    // quantity 0
    long zero =
        Draft.paid("nul@example.be")
            .line("NUL", "0", "12.10", "21")
            .create(system, seeded)
            .path("id")
            .asLong();
    for (long id : List.of(amount, date, rate, zero)) {
      awaitState(seeded, id, "FAILED");
      JsonNode order = view(seeded, id).path("order");
      assertThat(order.path("error").path("code").asString()).isEqualTo("INTERNAL_ERROR");
      assertThat(order.path("error").path("resolution").asString()).contains("Process");
      assertThat(view(seeded, id).path("history").toString())
          .as("no retries, the order stops")
          .contains("INTERNAL_ERROR")
          .doesNotContain("RETRY");
    }
    assertThat(view(seeded, zero).path("order").path("error").path("message").asString())
        .contains("quantity");
    assertThat(view(seeded, rate).path("order").path("error").path("message").asString())
        .contains("VAT rate");
    assertThat(view(seeded, amount).path("order").path("error").path("message").asString())
        .contains("'12,50' as totalIncl");

    // the shop is repaired: Process books the order
    corrupt(seeded, amount, "lines.0.totalIncl", "30.2500");
    process(seeded, amount);
    awaitState(seeded, amount, "BOOKED");
  }

  @Test
  void totalsThatDifferFromTheShopsAfterWritingStopTheOrderAndTheDraftStays() {
    KoppelSystem.Seeded seeded = system.seedIntegration("differ");
    system.settings(seeded, Map.of("bookingMode", "SALES_ENTRY", "entryAmounts", "EXCLUDING"));
    // this administration reads an entry line's amount with an inclusive code as incl. VAT,
    // while the operator forced Koppel to assume excl.
    exact.behaviour(Map.of("entryAmountIncludesVat", true));
    long id = lamp(seeded, "verschil@example.be");
    awaitState(seeded, id, "FAILED");
    JsonNode order = view(seeded, id).path("order");
    assertThat(order.path("error").path("code").asString()).isEqualTo("EXACT_TOTALS_DIFFER");
    assertThat(order.path("error").path("message").asString()).contains("25.00").contains("30.25");
    assertThat(order.path("document").path("id").asString()).isNotBlank();
    assertThat(exact.rows(seeded.division(), "salesentry/SalesEntries")).hasSize(1);
    // Process does not post again over the differing draft
    process(seeded, id);
    awaitState(seeded, id, "FAILED");
    assertThat(view(seeded, id).path("order").path("error").path("code").asString())
        .isEqualTo("EXACT_DOCUMENT_MISMATCH");
    assertThat(exact.requests(seeded.division(), "POST", "salesentry/SalesEntries")).hasSize(1);
  }

  @Test
  void koppelLearnsHowTheAdministrationReadsEntryAmountsAndCorrectsItsFirstDraft() {
    KoppelSystem.Seeded seeded = system.seedIntegration("learn");
    system.settings(seeded, Map.of("bookingMode", "SALES_ENTRY"));
    exact.behaviour(Map.of("entryAmountIncludesVat", true));
    long first = lamp(seeded, "eerste@example.be");
    awaitState(seeded, first, "BOOKED");
    assertThat(view(seeded, first).path("history").toString()).contains("LEARNED");
    long second = lamp(seeded, "tweede@example.be");
    awaitState(seeded, second, "BOOKED");
    List<JsonNode> entries = exact.rows(seeded.division(), "salesentry/SalesEntries");
    assertThat(entries).hasSize(2);
    assertThat(entries)
        .allSatisfy(
            e -> assertThat(e.path("AmountFC").decimalValue()).isEqualByComparingTo("30.25"));
    assertThat(exact.requests(seeded.division(), "DELETE", "salesentry/SalesEntries")).hasSize(1);
    assertThat(exact.requests(seeded.division(), "POST", "salesentry/SalesEntries"))
        .as("the first entry twice (once read otherwise), the second once")
        .hasSize(3);
    // the administration reads it the other way again (say, Exact changed): Koppel follows
    exact.behaviour(Map.of("entryAmountIncludesVat", false));
    long third = lamp(seeded, "derde@example.be");
    awaitState(seeded, third, "BOOKED");
    assertThat(exact.rows(seeded.division(), "salesentry/SalesEntries")).hasSize(3);
  }

  @Test
  void anOrderLeftQueuedWithoutAQueueEntryIsFoundAndBooked() throws Exception {
    KoppelSystem.Seeded seeded = system.seedIntegration("stranded");
    // the shop's webhook is lost, and the order sits QUEUED with nothing on the queue for it, as
    // when a change arrives in the very moment the order's last attempt ends
    koppel.support.Webhooks.faults(system, 1.0, 0, 0, 0);
    long id = lamp(seeded, "gestrand@example.be");
    koppel.support.Webhooks.noFaults(system);
    try (java.sql.Connection db =
        java.sql.DriverManager.getConnection(system.dbUrl, "postgres", "")) {
      db.createStatement()
          .execute(
              "insert into order_sync (integration_id, shop_order_id, state, created_at,"
                  + " updated_at) values ('"
                  + seeded.integrationId()
                  + "', "
                  + id
                  + ", 'QUEUED', now() - interval '5 minutes', now() - interval '5 minutes')");
    }
    int queued = system.node(0).getBean(koppel.jobs.StrandedOrdersJob.class).run();
    assertThat(queued).isEqualTo(1);
    awaitState(seeded, id, "BOOKED");
    assertThat(view(seeded, id).path("history").toString()).contains("without a queue entry");
  }

  @Test
  void theOrdersListPagesVisibly() {
    KoppelSystem.Seeded seeded = system.seedIntegration("paging");
    for (int i = 0; i < 5; i++) {
      lamp(seeded, "pagina" + i + "@example.be");
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> page(seeded, "?size=2").path("total").asInt() == 5);
    JsonNode first = page(seeded, "?size=2");
    assertThat(first.path("orders")).hasSize(2);
    assertThat(first.path("next").asString()).isEqualTo("/api/orders?page=2&size=2");
    JsonNode third = page(seeded, "?size=2&page=3");
    assertThat(third.path("orders")).hasSize(1);
    assertThat(third.has("next")).isFalse();
  }

  // --- helpers -------------------------------------------------------------------------------

  private static long lamp(KoppelSystem.Seeded seeded, String email) {
    return Draft.paid(email)
        .line("LAMP", "1", "30.25", "21")
        .create(system, seeded)
        .path("id")
        .asLong();
  }

  /** An order placed unpaid, broken in the shop, then paid (so Koppel reads the broken one). */
  private static long pendingThenBroken(KoppelSystem.Seeded seeded, String path, String value) {
    long id =
        Draft.paid("kapot-" + path.replace('.', '-') + "@example.be")
            .status("new", "pending")
            .line("LAMP", "1", "30.25", "21")
            .create(system, seeded)
            .path("id")
            .asLong();
    awaitState(seeded, id, "OPEN");
    corrupt(seeded, id, path, value);
    Http.post(
        system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders/" + id + "/pay", Map.of());
    return id;
  }

  private static void corrupt(KoppelSystem.Seeded seeded, long id, String path, String value) {
    Map<String, Object> body = new HashMap<>();
    body.put("path", path);
    body.put("value", value);
    Http.Response r =
        Http.post(
            system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders/" + id + "/corrupt",
            body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static void awaitState(KoppelSystem.Seeded seeded, long id, String state) {
    ShopOrders.awaitState(system, seeded, id, state, 30);
  }

  private static JsonNode view(KoppelSystem.Seeded seeded, long id) {
    return ShopOrders.koppelView(system, seeded, id);
  }

  private static Http.Response process(KoppelSystem.Seeded seeded, long id) {
    return Http.post(
        system.appUrl() + "/api/orders/" + id + "/process",
        Map.of(),
        seeded.login(),
        seeded.password());
  }

  private static JsonNode page(KoppelSystem.Seeded seeded, String query) {
    return Http.get(system.appUrl() + "/api/orders" + query, seeded.login(), seeded.password())
        .json();
  }
}

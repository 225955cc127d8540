package koppel.connector.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Exact has no idempotency key: when a document POST may have been stored but the answer is lost
 * ("stored, then 500", "stored, then timeout"), the next attempt finds it by YourRef and adopts it.
 * Never a second document.
 */
class ExactFaultToleranceIT {

  private static KoppelSystem system;

  @BeforeAll
  static void start() {
    system =
        KoppelSystem.start(
            Map.of(),
            Map.of(),
            Map.of(
                "koppel.booking.first-retry-delay", "1s",
                "koppel.exact.request-timeout", "1500ms"));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  private static void fault(String kind, long delayMillis) {
    Http.post(
        system.exactUrl + "/admin/faults",
        Map.of(
            "method",
            "POST",
            "path",
            "salesinvoice/SalesInvoices",
            "kind",
            kind,
            "times",
            1,
            "delayMillis",
            delayMillis));
  }

  private static JsonNode bookedOnce(KoppelSystem.Seeded seeded, long orderId, String number) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "BOOKED".equals(ShopOrders.state(system, seeded, orderId)));
    JsonNode invoices = system.exactRows(seeded.division(), "salesinvoice/SalesInvoices");
    assertThat(invoices).hasSize(1);
    assertThat(invoices.get(0).path("YourRef").asString()).isEqualTo(number);
    JsonNode view = ShopOrders.koppelView(system, seeded, orderId);
    assertThat(view.path("order").path("document").path("id").asString())
        .isEqualTo(invoices.get(0).path("InvoiceID").asString());
    return view;
  }

  @Test
  void storedThen500IsAdoptedNotPostedAgain() {
    KoppelSystem.Seeded seeded = system.seedIntegration("stored500");
    fault("FAIL_AFTER_STORE", 0);
    JsonNode order = ShopOrders.paidOrder(system, seeded, "a@example.be");
    JsonNode view = bookedOnce(seeded, order.path("id").asLong(), order.path("number").asString());
    assertThat(view.path("history").toString()).contains("ADOPTED").contains("RETRY");
    assertThat(view.path("order").path("attempts").asInt()).isEqualTo(2);
  }

  @Test
  void storedThenTimeoutIsAdoptedNotPostedAgain() {
    KoppelSystem.Seeded seeded = system.seedIntegration("storedTimeout");
    fault("TIMEOUT_AFTER_STORE", 3000);
    JsonNode order = ShopOrders.paidOrder(system, seeded, "b@example.be");
    JsonNode view = bookedOnce(seeded, order.path("id").asLong(), order.path("number").asString());
    assertThat(view.path("history").toString())
        .contains("ADOPTED")
        .contains("EXACT_OUTCOME_UNKNOWN");
  }

  @Test
  void failureBeforeStoringIsRetriedAndBookedOnce() {
    KoppelSystem.Seeded seeded = system.seedIntegration("before500");
    fault("FAIL_BEFORE_STORE", 0);
    JsonNode order = ShopOrders.paidOrder(system, seeded, "c@example.be");
    JsonNode view = bookedOnce(seeded, order.path("id").asLong(), order.path("number").asString());
    // the HTML 500 could have been after storing: the retry looks up first, finds nothing, posts
    assertThat(view.path("history").toString()).doesNotContain("ADOPTED");
  }

  @Test
  void validationErrorFailsWithExactsMessageAndAResolution() {
    KoppelSystem.Seeded seeded = system.seedIntegration("validation");
    // a journal that is not a sales journal: Exact refuses the invoice
    system.operatorPut(
        "/api/operator/integrations/" + seeded.integrationId() + "/settings",
        Map.of("bookingMode", "SALES_INVOICE", "vatIncluding", true, "salesJournal", "10"));
    JsonNode order = ShopOrders.paidOrder(system, seeded, "d@example.be");
    long id = order.path("id").asLong();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "FAILED".equals(ShopOrders.state(system, seeded, id)));
    JsonNode error = ShopOrders.koppelView(system, seeded, id).path("order").path("error");
    assertThat(error.path("code").asString()).isEqualTo("EXACT_REJECTED");
    assertThat(error.path("message").asString()).contains("Dagboek");
    assertThat(error.path("resolution").asString()).contains("sales journal");
    assertThat(system.exactRows(seeded.division(), "salesinvoice/SalesInvoices")).isEmpty();
  }
}

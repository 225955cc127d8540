package koppel.connector.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import koppel.support.ExactAdmin;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fence: once an attempt may have written a document, every later attempt looks Exact up first
 * — after a 429 on the lookup itself, after retries ran out and the merchant pressed Process, after
 * the order stopped being bookable — and adopts only a document whose reference, debtor and amount
 * are the order's. Several candidates or a mismatch stop the order for a person; there is never a
 * second POST.
 */
class ExactlyOnceIT {

  private static final String INVOICES = "salesinvoice/SalesInvoices";
  private static KoppelSystem system;
  private static ExactAdmin exact;

  @BeforeAll
  static void start() {
    system =
        KoppelSystem.start(
            // a 429 waits for the end of Exact's minute: the minute lasts 5 s here
            Map.of("sandbox.exact.minute-window", "5s", "sandbox.exact.minutely-limit", 600),
            Map.of(),
            Map.of(
                "koppel.booking.first-retry-delay", "500ms",
                "koppel.booking.max-attempts", 3,
                "koppel.exact.request-timeout", "1500ms"));
    exact = new ExactAdmin(system);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void aLookupAnswered429WaitsAndStillNeverPostsAgain() {
    KoppelSystem.Seeded seeded = system.seedIntegration("lookup429");
    exact.fault("POST", INVOICES, "FAIL_AFTER_STORE", 1);
    exact.fault("GET", INVOICES, "FORCE_429", 2);
    JsonNode order = ShopOrders.paidOrder(system, seeded, "lookup@example.be");
    long id = order.path("id").asLong();
    awaitState(seeded, id, "BOOKED", 40);
    assertThat(exact.rows(seeded.division(), INVOICES)).hasSize(1);
    assertThat(exact.requests(seeded.division(), "POST", INVOICES)).hasSize(1);
    String history = ShopOrders.koppelView(system, seeded, id).path("history").toString();
    assertThat(history)
        .contains("EXACT_OUTCOME_UNKNOWN")
        .contains("Exact Online asked Koppel to slow down")
        .contains("ADOPTED");
  }

  @Test
  void retriesRunOutWhileFencedAndProcessAdoptsInsteadOfPosting() {
    KoppelSystem.Seeded seeded = system.seedIntegration("outOfRetries");
    long id = failWhileFenced(seeded, "fence@example.be");
    exact.clearFaults();

    Http.Response processed = process(seeded, id);
    assertThat(processed.status()).isEqualTo(200);
    assertThat(processed.json().path("result").asString()).isEqualTo("QUEUED");
    awaitState(seeded, id, "BOOKED", 20);
    assertThat(exact.requests(seeded.division(), "POST", INVOICES)).hasSize(1);
    assertThat(ShopOrders.koppelView(system, seeded, id).path("history").toString())
        .contains("PROCESS")
        .contains("ADOPTED");
    // a booked order is never processed again
    Http.Response again = process(seeded, id);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("message").asString()).contains("never booked twice");
  }

  @Test
  void anOrderThatStoppedBeingBookableIsStillLookedUpAndItsDocumentAdopted() {
    KoppelSystem.Seeded seeded = system.seedIntegration("wentOpen");
    long id = failWhileFenced(seeded, "open@example.be");
    // meanwhile the shop refunds and cancels the order: it is not bookable any more
    Http.post(
        system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders/" + id + "/cancel",
        Map.of());
    exact.clearFaults();
    process(seeded, id);
    awaitState(seeded, id, "BOOKED", 20);
    assertThat(exact.requests(seeded.division(), "POST", INVOICES)).hasSize(1);
    assertThat(ShopOrders.koppelView(system, seeded, id).path("history").toString())
        .contains("ADOPTED");
  }

  @Test
  void aDocumentOfAnotherDebtorWithTheSameReferenceIsNotTaken() {
    KoppelSystem.Seeded seeded = system.seedIntegration("otherDebtor");
    long id = failWhileFenced(seeded, "mine@example.be");
    String number =
        ShopOrders.koppelView(system, seeded, id).path("order").path("orderNumber").asString();
    // an accountant typed an invoice with the same reference for another customer
    String byHand = postInvoiceByHand(seeded, otherDebtor(seeded), number, "99.00");
    exact.clearFaults();
    process(seeded, id);
    awaitState(seeded, id, "BOOKED", 20);
    JsonNode view = ShopOrders.koppelView(system, seeded, id);
    assertThat(view.path("history").toString())
        .contains("ADOPTED")
        .doesNotContain("EXACT_DOCUMENT");
    JsonNode ours = exact.requests(seeded.division(), "POST", INVOICES).get(0);
    assertThat(view.path("order").path("document").path("id").asString())
        .isNotBlank()
        .isNotEqualTo(byHand);
    assertThat(ours.path("body").path("YourRef").asString()).isEqualTo(number);
  }

  @Test
  void twoCandidatesOfTheSameDebtorStopTheOrderUntilAPersonRemovesOne() {
    KoppelSystem.Seeded seeded = system.seedIntegration("ambiguous");
    long id = failWhileFenced(seeded, "twice@example.be");
    JsonNode view = ShopOrders.koppelView(system, seeded, id);
    String number = view.path("order").path("orderNumber").asString();
    String debtor = debtorOf(seeded, "twice@example.be");
    String total = view.path("order").path("totalIncl").asString();
    String byHand = postInvoiceByHand(seeded, debtor, number, total);
    exact.clearFaults();

    process(seeded, id);
    awaitState(seeded, id, "FAILED", 20);
    JsonNode error = ShopOrders.koppelView(system, seeded, id).path("order").path("error");
    assertThat(error.path("code").asString()).isEqualTo("EXACT_DOCUMENT_AMBIGUOUS");
    assertThat(error.path("resolution").asString()).contains("Process");
    assertThat(exact.rows(seeded.division(), INVOICES)).hasSize(2);

    // the accountant deletes the one typed by hand; Process adopts the one Koppel wrote
    Http.Response deleted = exact.api(seeded, "DELETE", INVOICES + "(guid'" + byHand + "')", null);
    assertThat(deleted.status()).isEqualTo(204);
    process(seeded, id);
    awaitState(seeded, id, "BOOKED", 20);
    assertThat(exact.rows(seeded.division(), INVOICES)).hasSize(1);
    assertThat(exact.requests(seeded.division(), "POST", INVOICES)).hasSize(2);
  }

  @Test
  void aCandidateWithAnotherAmountIsAMismatchNotAnAdoptionNorASecondPost() {
    KoppelSystem.Seeded seeded = system.seedIntegration("mismatch");
    long id = failWhileFenced(seeded, "other-amount@example.be");
    JsonNode view = ShopOrders.koppelView(system, seeded, id);
    String number = view.path("order").path("orderNumber").asString();
    // the draft Koppel wrote is deleted and one with another amount typed for the same debtor
    String koppels = exact.rows(seeded.division(), INVOICES).get(0).path("InvoiceID").asString();
    exact.api(seeded, "DELETE", INVOICES + "(guid'" + koppels + "')", null);
    postInvoiceByHand(seeded, debtorOf(seeded, "other-amount@example.be"), number, "1.00");
    exact.clearFaults();

    process(seeded, id);
    awaitState(seeded, id, "FAILED", 20);
    JsonNode error = ShopOrders.koppelView(system, seeded, id).path("order").path("error");
    assertThat(error.path("code").asString()).isEqualTo("EXACT_DOCUMENT_MISMATCH");
    assertThat(error.path("message").asString())
        .contains("1.00")
        .contains(view.path("order").path("totalIncl").asString());
    assertThat(exact.requests(seeded.division(), "POST", INVOICES))
        .as("Koppel's first POST and the accountant's; never a second one of Koppel's")
        .hasSize(2);
  }

  // --- helpers -------------------------------------------------------------------------------

  /**
   * Books an order whose document POST is stored but answered 500, and whose lookups then fail
   * until the retries run out: the order ends FAILED, fenced, with its document in Exact.
   */
  private long failWhileFenced(KoppelSystem.Seeded seeded, String email) {
    exact.fault("POST", INVOICES, "FAIL_AFTER_STORE", 1);
    exact.fault("GET", INVOICES, "FAIL_BEFORE_STORE", 10);
    long id = ShopOrders.paidOrder(system, seeded, email).path("id").asLong();
    awaitState(seeded, id, "FAILED", 40);
    assertThat(exact.rows(seeded.division(), INVOICES)).hasSize(1);
    return id;
  }

  private void awaitState(KoppelSystem.Seeded seeded, long id, String state, int seconds) {
    ShopOrders.awaitState(system, seeded, id, state, seconds);
  }

  private Http.Response process(KoppelSystem.Seeded seeded, long id) {
    return Http.post(
        system.appUrl() + "/api/orders/" + id + "/process",
        Map.of(),
        seeded.login(),
        seeded.password());
  }

  private String debtorOf(KoppelSystem.Seeded seeded, String email) {
    return exact.rows(seeded.division(), "crm/Accounts").stream()
        .filter(a -> email.equalsIgnoreCase(a.path("Email").asString("")))
        .findFirst()
        .orElseThrow()
        .path("ID")
        .asString();
  }

  private String otherDebtor(KoppelSystem.Seeded seeded) {
    return system.createDebtor(seeded, "4711", "Another customer").path("ID").asString();
  }

  /** A draft invoice typed in Exact by a person: one line of the given amount; its id. */
  private String postInvoiceByHand(
      KoppelSystem.Seeded seeded, String debtor, String yourRef, String amount) {
    String item = exact.rows(seeded.division(), "logistics/Items").get(0).path("ID").asString();
    Http.Response r =
        exact.api(
            seeded,
            "POST",
            INVOICES,
            Map.of(
                "OrderedBy",
                debtor,
                "Journal",
                "700",
                "YourRef",
                yourRef,
                "SalesInvoiceLines",
                List.of(
                    Map.of("Item", item, "Quantity", 1, "UnitPrice", amount, "VATCode", "13"))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("d").path("InvoiceID").asString();
  }
}

package koppel.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import koppel.support.Draft;
import koppel.support.ExactAdmin;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Koppel's copy of a division's accounts and items (read with Exact's sync feeds) replaces the
 * lookups: a new customer or product costs one write. What an accountant creates or deletes in
 * Exact reaches the copy before Koppel trusts it (here: the copy is trusted for 2 s), and when the
 * feed cannot be read, orders look records up as before — never a duplicate.
 */
class MirrorIT {

  private static KoppelSystem system;
  private static ExactAdmin exact;

  @BeforeAll
  static void start() {
    system =
        KoppelSystem.start(
            Map.of("sandbox.exact.minutely-limit", 3000),
            Map.of(),
            Map.of("koppel.exact.mirror-fresh-for", "2s"));
    exact = new ExactAdmin(system);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void newCustomersAndProductsAreCreatedWithoutALookup() throws Exception {
    KoppelSystem.Seeded seeded = system.seedIntegration("spiegel");
    for (int i = 0; i < 4; i++) {
      long id =
          Draft.paid("Nieuw" + i + "@example.be")
              .line("SPIEGEL-" + i, "1", "12.10", "21")
              .line("SPIEGEL-X", "1", "5.30", "6")
              .create(system, seeded)
              .path("id")
              .asLong();
      ShopOrders.awaitState(system, seeded, id, "BOOKED", 60);
    }
    JsonNode calls = counters(seeded);
    assertThat(calls.path("GET crm/Accounts").asInt()).as("account lookups").isZero();
    assertThat(calls.path("GET logistics/Items").asInt()).as("item lookups").isZero();
    assertThat(calls.path("POST crm/Accounts").asInt()).isEqualTo(4);
    assertThat(calls.path("GET sync/CRM/Accounts").asInt()).isPositive();
    assertThat(codes(seeded, "SPIEGEL-X")).isEqualTo(1);
    assertThat(count("exact_mirror_account where email_key like 'nieuw_@example.be'")).isEqualTo(4);
  }

  @Test
  void whatTheAccountantCreatedInExactIsFoundByEmailCodeAndBarcode() throws Exception {
    KoppelSystem.Seeded seeded = system.seedIntegration("boekhouder");
    // the first order fills the copy
    book(seeded, Draft.paid("eerste@example.be").line("EERSTE-1", "1", "12.10", "21"));
    JsonNode account =
        exact
            .api(
                seeded,
                "POST",
                "crm/Accounts",
                Map.of("Name", "Vaste Klant", "Email", "Bestaand@Example.be", "Status", "C"))
            .json()
            .path("d");
    exact.api(
        seeded,
        "POST",
        "logistics/Items",
        Map.of("Code", "HANDMATIG-1", "Description", "Handmatig", "IsSalesItem", true));
    exact.api(
        seeded,
        "POST",
        "logistics/Items",
        Map.of(
            "Code",
            "ANDERE-CODE",
            "Description",
            "Met streepjescode",
            "Barcode",
            "5412345000013",
            "IsSalesItem",
            true));
    int createdBefore = counters(seeded).path("POST crm/Accounts").asInt();
    Thread.sleep(2500); // older than the 2 s the copy is trusted: the next order reads what changed

    JsonNode order =
        book(
            seeded,
            Draft.paid("bestaand@example.be")
                .line("HANDMATIG-1", "1", "12.10", "21")
                .line("SHOP-SKU", "5412345000013", "1", "5.30", null, "6"));
    JsonNode invoice =
        exact.rows(seeded.division(), "salesinvoice/SalesInvoices").stream()
            .filter(r -> r.path("YourRef").asString().equals(order.path("number").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(invoice.path("InvoiceTo").asString()).isEqualTo(account.path("ID").asString());
    JsonNode calls = counters(seeded);
    assertThat(calls.path("POST crm/Accounts").asInt()).isEqualTo(createdBefore);
    assertThat(calls.path("GET crm/Accounts").asInt()).isZero();
    assertThat(calls.path("GET logistics/Items").asInt()).isZero();
    assertThat(codes(seeded, "HANDMATIG-1")).isEqualTo(1);
    assertThat(codes(seeded, "SHOP-SKU")).as("matched by barcode, not created").isZero();
  }

  @Test
  void anItemDeletedInExactIsNotUsedButCreatedAgain() throws Exception {
    KoppelSystem.Seeded seeded = system.seedIntegration("verwijderd");
    JsonNode item =
        exact
            .api(
                seeded,
                "POST",
                "logistics/Items",
                Map.of("Code", "WEG-1", "Description", "Verdwijnt", "IsSalesItem", true))
            .json()
            .path("d");
    book(seeded, Draft.paid("vulling@example.be").line("VULLING-1", "1", "12.10", "21"));
    assertThat(count("exact_mirror_item where code = 'WEG-1'")).isEqualTo(1);
    assertThat(
            exact
                .api(
                    seeded,
                    "DELETE",
                    "logistics/Items(guid'" + item.path("ID").asString() + "')",
                    null)
                .status())
        .isEqualTo(204);
    Thread.sleep(2500);

    book(seeded, Draft.paid("weg@example.be").line("WEG-1", "1", "12.10", "21"));
    assertThat(count("exact_mirror_item where code = 'WEG-1'")).isEqualTo(1);
    assertThat(codes(seeded, "WEG-1")).as("a new WEG-1 in Exact").isEqualTo(1);
    assertThat(
            exact.rows(seeded.division(), "logistics/Items").stream()
                .filter(r -> r.path("Code").asString().trim().equals("WEG-1"))
                .map(r -> r.path("ID").asString())
                .toList())
        .doesNotContain(item.path("ID").asString());
  }

  @Test
  void whenTheFeedCannotBeReadOrdersLookRecordsUpAndCreateNothingTwice() throws Exception {
    KoppelSystem.Seeded seeded = system.seedIntegration("zonder-kopie");
    exact.api(
        seeded,
        "POST",
        "crm/Accounts",
        Map.of("Name", "Oude Klant", "Email", "oud@example.be", "Status", "C"));
    exact.faultRate("GET", "sync/CRM/Accounts", "FAIL_BEFORE_STORE", 1.0, 7);
    try {
      book(seeded, Draft.paid("oud@example.be").line("OUD-1", "1", "12.10", "21"));
      book(seeded, Draft.paid("nieuw-zonder@example.be").line("OUD-1", "1", "12.10", "21"));
    } finally {
      exact.clearFaults();
    }
    JsonNode calls = counters(seeded);
    assertThat(calls.path("GET crm/Accounts").asInt()).as("looked up instead").isPositive();
    assertThat(
            exact.rows(seeded.division(), "crm/Accounts").stream()
                .filter(r -> r.path("Email").asString().equalsIgnoreCase("oud@example.be"))
                .count())
        .isEqualTo(1);
    assertThat(codes(seeded, "OUD-1")).isEqualTo(1);
  }

  /** Creates the order in the shop and waits until Koppel booked it; the shop's order. */
  private static JsonNode book(KoppelSystem.Seeded seeded, Draft draft) {
    JsonNode order = draft.create(system, seeded);
    ShopOrders.awaitState(system, seeded, order.path("id").asLong(), "BOOKED", 60);
    return order;
  }

  private static JsonNode counters(KoppelSystem.Seeded seeded) {
    return Http.get(system.exactUrl + "/admin/divisions/" + seeded.division() + "/counters")
        .json()
        .path("calls");
  }

  private static long codes(KoppelSystem.Seeded seeded, String code) {
    List<JsonNode> items = exact.rows(seeded.division(), "logistics/Items");
    return items.stream().filter(r -> r.path("Code").asString().trim().equals(code)).count();
  }

  private static long count(String fromWhere) throws Exception {
    try (Connection db = DriverManager.getConnection(system.dbUrl, "postgres", "");
        ResultSet rs = db.createStatement().executeQuery("select count(*) from " + fromWhere)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

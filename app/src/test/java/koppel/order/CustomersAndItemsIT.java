package koppel.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Debtors, items and delivery addresses: found or created once, under the cluster lock, bound per
 * administration; an ICP order's debtor carries the checked VAT number; guests without e-mail go to
 * the fallback debtor or fail clearly; a payment method can have a fixed debtor; products are
 * matched by SKU, then by EAN.
 */
class CustomersAndItemsIT {

  private static final String INVOICES = "salesinvoice/SalesInvoices";
  private static KoppelSystem system;
  private static ExactAdmin exact;

  @BeforeAll
  static void start() {
    // the lookups Koppel falls back on when its copy of the division is not current (MirrorIT
    // shows the copy answering instead)
    system =
        KoppelSystem.start(
            Map.of("sandbox.exact.minutely-limit", 3000),
            Map.of(),
            Map.of("koppel.exact.mirror", false));
    exact = new ExactAdmin(system);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void ordersOfNewCustomersArrivingTogetherCreateOneDebtorPerEmailAndOneItemPerSku()
      throws Exception {
    KoppelSystem.Seeded seeded = system.seedIntegration("together");
    ExecutorService threads = Executors.newFixedThreadPool(12);
    List<Future<JsonNode>> created = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int c = 0; c < 4; c++) {
        String email = "samen" + c + "@example.be";
        created.add(
            threads.submit(
                () ->
                    Draft.paid(email)
                        .line("GEDEELD-1", "1", "12.10", "21")
                        .line("GEDEELD-2", "2", "5.30", "6")
                        .create(system, seeded)));
      }
    }
    List<Long> ids = new ArrayList<>();
    for (Future<JsonNode> f : created) {
      ids.add(f.get().path("id").asLong());
    }
    threads.shutdown();
    awaitAll(seeded, ids, "BOOKED", 60);
    List<JsonNode> accounts = exact.rows(seeded.division(), "crm/Accounts");
    for (int c = 0; c < 4; c++) {
      String email = "samen" + c + "@example.be";
      assertThat(accounts.stream().filter(a -> email.equals(a.path("Email").asString())))
          .as("debtors with %s", email)
          .hasSize(1);
    }
    List<JsonNode> items = exact.rows(seeded.division(), "logistics/Items");
    assertThat(items.stream().filter(i -> "GEDEELD-1".equals(i.path("Code").asString())))
        .hasSize(1);
    assertThat(items.stream().filter(i -> "GEDEELD-2".equals(i.path("Code").asString())))
        .hasSize(1);
    assertThat(exact.rows(seeded.division(), INVOICES)).hasSize(12);
  }

  @Test
  void anIcpDebtorWithoutTheCheckedVatNumberIsAnErrorAndANewOneGetsTheNumber() {
    KoppelSystem.Seeded seeded = system.seedIntegration("icp");
    withIcp(seeded);
    // an accountant created this customer by hand, without its VAT number
    exact.api(
        seeded,
        "POST",
        "crm/Accounts",
        Map.of("Name", "Müller GmbH", "Email", "einkauf@mueller.de", "Status", "C"));
    long known =
        Draft.paid("einkauf@mueller.de")
            .company("Müller GmbH", "DE 136 695 976")
            .billing("Hauptstraße", "1", "10115", "Berlin", "DE")
            .line("WIJN-001", "10", "10.00", "0")
            .create(system, seeded)
            .path("id")
            .asLong();
    awaitAll(seeded, List.of(known), "FAILED", 30);
    JsonNode error = ShopOrders.koppelView(system, seeded, known).path("order").path("error");
    assertThat(error.path("code").asString()).isEqualTo("ICP_DEBTOR_VAT_NUMBER");
    assertThat(error.path("message").asString()).contains("no VAT number").contains("DE136695976");
    assertThat(error.path("resolution").asString()).contains("DE136695976").contains("Process");

    long fresh =
        Draft.paid("inkoop@schmidt.de")
            .company("Schmidt KG", "de136695976")
            .billing("Ring", "5", "80331", "München", "DE")
            .line("WIJN-001", "10", "10.00", "0")
            .create(system, seeded)
            .path("id")
            .asLong();
    awaitAll(seeded, List.of(fresh), "BOOKED", 30);
    JsonNode account =
        exact.rows(seeded.division(), "crm/Accounts").stream()
            .filter(a -> "inkoop@schmidt.de".equals(a.path("Email").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(account.path("VATNumber").asString()).isEqualTo("DE136695976");
  }

  @Test
  void aGuestWithoutEmailFailsClearlyUntilAFallbackDebtorIsChosen() {
    KoppelSystem.Seeded seeded = system.seedIntegration("guest");
    long id =
        Draft.paid(null)
            .line("WIJN-001", "1", "12.10", "21")
            .create(system, seeded)
            .path("id")
            .asLong();
    awaitAll(seeded, List.of(id), "FAILED", 30);
    JsonNode error = ShopOrders.koppelView(system, seeded, id).path("order").path("error");
    assertThat(error.path("code").asString()).isEqualTo("CUSTOMER_EMAIL_MISSING");
    assertThat(error.path("resolution").asString()).contains("Debtor for guest orders");
    assertThat(exact.rows(seeded.division(), "crm/Accounts")).isEmpty();

    String guests = system.createDebtor(seeded, "9999", "Webshop guests").path("ID").asString();
    system.settings(seeded, Map.of("fallbackDebtor", "9999"));
    Http.post(
        system.appUrl() + "/api/orders/" + id + "/process",
        Map.of(),
        seeded.login(),
        seeded.password());
    awaitAll(seeded, List.of(id), "BOOKED", 30);
    JsonNode invoice = exact.rows(seeded.division(), INVOICES).get(0);
    assertThat(invoice.path("InvoiceTo").asString()).isEqualTo(guests);
    assertThat(ShopOrders.koppelView(system, seeded, id).path("history").toString())
        .contains("fallback debtor");
  }

  @Test
  void aPaymentMethodWithAFixedDebtorBooksOnItExceptForIcpOrders() {
    KoppelSystem.Seeded seeded = system.seedIntegration("fixed");
    withIcp(seeded);
    String kassa = system.createDebtor(seeded, "8888", "Kassaverkopen").path("ID").asString();
    Http.Response saved =
        system.operatorPut(
            "/api/operator/integrations/" + seeded.integrationId() + "/payment-method-debtors",
            List.of(Map.of("paymentMethod", "cash", "debtor", "8888")));
    assertThat(saved.json().get(0).path("accountName").asString()).isEqualTo("Kassaverkopen");

    long cash =
        Draft.paid("kassa-klant@example.be")
            .paymentMethod("cash", "Cash")
            .line("WIJN-001", "1", "12.10", "21")
            .create(system, seeded)
            .path("id")
            .asLong();
    long icp =
        Draft.paid("b2b@example.fr")
            .paymentMethod("cash", "Cash")
            .company("Dupont SARL", "FR40303265045")
            .billing("Rue de Rivoli", "1", "75001", "Paris", "FR")
            .line("WIJN-001", "1", "10.00", "0")
            .create(system, seeded)
            .path("id")
            .asLong();
    awaitAll(seeded, List.of(cash, icp), "BOOKED", 30);
    List<JsonNode> invoices = exact.requests(seeded.division(), "POST", INVOICES);
    assertThat(invoices).hasSize(2);
    JsonNode first = body(invoices, number(seeded, cash));
    assertThat(first.path("InvoiceTo").asString()).isEqualTo(kassa);
    assertThat(
            exact.rows(seeded.division(), "crm/Accounts").stream()
                .filter(a -> "kassa-klant@example.be".equals(a.path("Email").asString())))
        .as("no debtor is created for an order on the fixed debtor")
        .isEmpty();
    assertThat(body(invoices, number(seeded, icp)).path("InvoiceTo").asString())
        .isNotEqualTo(kassa);
  }

  @Test
  void productsAreMatchedBySkuThenByEanAndOnlyTheRestIsCreated() {
    KoppelSystem.Seeded seeded = system.seedIntegration("ean");
    Http.Response legacy =
        exact.api(
            seeded,
            "POST",
            "logistics/Items",
            Map.of(
                "Code", "OUD-123", "Description", "Rode wijn (oud)", "Barcode", "5412345678901"));
    String legacyId = legacy.json().path("d").path("ID").asString();
    long id =
        Draft.paid("ean@example.be")
            .line("WIJN-NIEUW", "5412345678901", "1", "12.10", null, "21")
            .line("NOG-NIEUW", "5412345678918", "1", "6.05", null, "21")
            .create(system, seeded)
            .path("id")
            .asLong();
    awaitAll(seeded, List.of(id), "BOOKED", 30);
    JsonNode lines =
        body(exact.requests(seeded.division(), "POST", INVOICES), number(seeded, id))
            .path("SalesInvoiceLines");
    assertThat(lines.get(0).path("Item").asString()).isEqualTo(legacyId);
    List<JsonNode> items = exact.rows(seeded.division(), "logistics/Items");
    assertThat(items.stream().filter(i -> "WIJN-NIEUW".equals(i.path("Code").asString())))
        .isEmpty();
    JsonNode created =
        items.stream()
            .filter(i -> "NOG-NIEUW".equals(i.path("Code").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(created.path("Barcode").asString()).isEqualTo("5412345678918");
    String history = ShopOrders.koppelView(system, seeded, id).path("history").toString();
    assertThat(history)
        .contains("Created item NOG-NIEUW")
        .doesNotContain("Created item WIJN-NIEUW");
    // the unknown products of the order were looked up in one call
    assertThat(
            Http.get(system.exactUrl + "/admin/divisions/" + seeded.division() + "/counters")
                .json()
                .path("calls")
                .path("GET logistics/Items")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void aSalesOrderShippedElsewhereGetsItsDeliveryAddressOnceAndTheWarehouse() {
    KoppelSystem.Seeded seeded = system.seedIntegration("address");
    system.settings(seeded, Map.of("bookingMode", "SALES_ORDER", "warehouse", "1"));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ids.add(
          Draft.paid("cadeau@example.be")
              .shipTo("Veldstraat", "3", "2000", "Antwerpen", "BE")
              .line("WIJN-001", "1", "12.10", "21")
              .create(system, seeded)
              .path("id")
              .asLong());
    }
    long home =
        Draft.paid("cadeau@example.be")
            .line("WIJN-001", "1", "12.10", "21")
            .create(system, seeded)
            .path("id")
            .asLong();
    ids.add(home);
    awaitAll(seeded, ids, "BOOKED", 30);
    List<JsonNode> addresses = exact.rows(seeded.division(), "crm/Addresses");
    assertThat(addresses).hasSize(1);
    JsonNode address = addresses.get(0);
    assertThat(address.path("Type").asInt()).isEqualTo(4);
    assertThat(address.path("AddressLine1").asString()).isEqualTo("Veldstraat 3");
    String warehouse =
        exact.rows(seeded.division(), "inventory/Warehouses").stream()
            .filter(w -> "1".equals(w.path("Code").asString()))
            .findFirst()
            .orElseThrow()
            .path("ID")
            .asString();
    List<JsonNode> posts = exact.requests(seeded.division(), "POST", "salesorder/SalesOrders");
    assertThat(posts).hasSize(3);
    for (long id : ids) {
      JsonNode order = body(posts, number(seeded, id));
      assertThat(order.path("WarehouseID").asString()).isEqualTo(warehouse);
      assertThat(order.path("DeliveryAddress").asString(""))
          .isEqualTo(id == home ? "" : address.path("ID").asString());
    }
    JsonNode item =
        exact.rows(seeded.division(), "logistics/Items").stream()
            .filter(i -> "WIJN-001".equals(i.path("Code").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(item.path("IsStockItem").asBoolean()).as("new products are stock items").isTrue();
  }

  // --- helpers -------------------------------------------------------------------------------

  private static void withIcp(KoppelSystem.Seeded seeded) {
    system.operatorPut(
        "/api/operator/integrations/" + seeded.integrationId() + "/vat-mappings",
        List.of(
            KoppelSystem.vatRow("COUNTRY", "BE", "21", "13", "700000"),
            KoppelSystem.vatRow("COUNTRY", "BE", "6", "11", "700100"),
            KoppelSystem.vatRow("ICP", "", "0", "44", "700000")));
  }

  private static void awaitAll(
      KoppelSystem.Seeded seeded, List<Long> ids, String state, int seconds) {
    ShopOrders.awaitAll(system, seeded, ids, state, seconds);
  }

  private static String number(KoppelSystem.Seeded seeded, long id) {
    return ShopOrders.koppelView(system, seeded, id).path("order").path("orderNumber").asString();
  }

  /** The body of the POST whose YourRef is the order number. */
  private static JsonNode body(List<JsonNode> posts, String number) {
    return posts.stream()
        .map(p -> p.path("body"))
        .filter(b -> number.equals(b.path("YourRef").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no POST for " + number));
  }
}

package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The entities of a sales integration (reference §5, §1.4, §1.5): create and read each of them,
 * Exact's envelope, __metadata, lower-case GUIDs, /Date(ms)/ dates, padded account codes, address
 * de-duplication and the methods each endpoint allows.
 */
class EntitiesConformanceIT {

  private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private static Sandbox sandbox;
  private Sandbox.Setup s;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(Map.of());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    s = sandbox.setup("NL");
  }

  @Test
  void accountCodesAreRightAlignedTo18AndAutoAssigned() {
    JsonNode explicit =
        sandbox.create(s, "crm/Accounts", Map.of("Name", "Vijfentwintig", "Code", "25"));
    JsonNode auto = sandbox.create(s, "crm/Accounts", Map.of("Name", "Volgende"));

    assertThat(explicit.path("Code").asString()).isEqualTo(" ".repeat(16) + "25").hasSize(18);
    assertThat(auto.path("Code").asString()).isEqualTo(" ".repeat(16) + "26");

    Sandbox.Response found =
        sandbox.get(s.api("crm/Accounts") + "?" + filter("trim(Code) eq '25'"), s.token());
    assertThat(found.d()).hasSize(1);
    assertThat(found.d().path(0).path("ID").asString()).isEqualTo(explicit.path("ID").asString());
    Sandbox.Response padded =
        sandbox.get(
            s.api("crm/Accounts") + "?" + filter("Code eq '" + " ".repeat(16) + "26'"), s.token());
    assertThat(padded.d()).hasSize(1);
    assertThat(sandbox.get(s.api("crm/Accounts") + "?" + filter("Code eq '25'"), s.token()).d())
        .isEmpty();

    // highest + 1 of the accounts that exist now
    String autoKey = "(guid'" + auto.path("ID").asString() + "')";
    assertThat(sandbox.send("DELETE", s.api("crm/Accounts") + autoKey, s.token(), null).status())
        .isEqualTo(204);
    assertThat(sandbox.create(s, "crm/Accounts", Map.of("Name", "Weer 26")).path("Code").asString())
        .isEqualTo(" ".repeat(16) + "26");
  }

  @Test
  void createdAccountComesBackUnderDWithMetadataGuidsAndDates() {
    Instant before = sandbox.now();
    Sandbox.Response r =
        sandbox.post(
            s.api("crm/Accounts"),
            s.token(),
            Map.of("Name", "Bakkerij Brood", "Status", "C", "Email", "info@brood.nl"));

    assertThat(r.status()).isEqualTo(201);
    JsonNode d = r.json().path("d");
    String id = d.path("ID").asString();
    assertThat(id).matches(GUID);
    assertThat(d.path("__metadata").path("uri").asString())
        .isEqualTo(sandbox.url + s.api("crm/Accounts") + "(guid'" + id + "')");
    assertThat(d.path("__metadata").path("type").asString())
        .isEqualTo("Exact.Web.Api.Models.Account");
    assertThat(d.path("Name").asString()).isEqualTo("Bakkerij Brood");
    assertThat(d.path("Division").asInt()).isEqualTo(s.division());

    // /Date(ms)/ holding Amsterdam wall-clock time as if it were UTC
    String created = d.path("Created").asString();
    assertThat(created).matches("/Date\\(\\d+\\)/");
    long millis = Long.parseLong(created.replaceAll("\\D", ""));
    long amsterdam =
        LocalDateTime.ofInstant(before, ZoneId.of("Europe/Amsterdam"))
            .toInstant(ZoneOffset.UTC)
            .toEpochMilli();
    assertThat(millis).isBetween(amsterdam - 1_000, amsterdam + 60_000);
  }

  @Test
  void withoutPreferOnlyTheKeyIsFilled() {
    Sandbox.Response r =
        sandbox.send(
            "POST",
            s.api("crm/Accounts"),
            s.token(),
            Sandbox.text(Map.of("Name", "Zonder voorkeur", "Status", "C")));

    assertThat(r.status()).isEqualTo(201);
    JsonNode d = r.json().path("d");
    assertThat(d.path("ID").asString()).matches(GUID);
    assertThat(d.path("Name").isNull()).isTrue();
    assertThat(d.path("Status").isNull()).isTrue();
    assertThat(sandbox.rows(s.division(), "crm/Accounts"))
        .extracting(a -> a.path("Name").asString())
        .containsExactly("Zonder voorkeur");
  }

  @Test
  void anIdenticalAddressReturnsTheExistingId() {
    String account = customer("Adres BV");
    Map<String, Object> address =
        Map.of(
            "Account", account,
            "Type", 4,
            "AddressLine1", "Kerkstraat 1",
            "Postcode", "3511 AB",
            "City", "Utrecht",
            "Country", "NL");

    JsonNode first = sandbox.create(s, "crm/Addresses", address);
    JsonNode again = sandbox.create(s, "crm/Addresses", address);
    JsonNode other =
        sandbox.create(
            s,
            "crm/Addresses",
            Map.of(
                "Account", account,
                "Type", 4,
                "AddressLine1", "Kerkstraat 2",
                "Postcode", "3511 AB",
                "City", "Utrecht",
                "Country", "NL"));

    assertThat(again.path("ID").asString()).isEqualTo(first.path("ID").asString());
    assertThat(other.path("ID").asString()).isNotEqualTo(first.path("ID").asString());
    assertThat(first.path("__metadata").path("type").asString())
        .isEqualTo("Exact.Web.Api.Models.Address");
    assertThat(sandbox.rows(s.division(), "crm/Addresses")).hasSize(2);
  }

  @Test
  void itemsAreCreatedAndFoundByCode() {
    JsonNode item =
        sandbox.create(
            s,
            "logistics/Items",
            Map.of("Code", "TSHIRT-M", "Description", "T-shirt maat M", "SalesVatCode", "1"));

    assertThat(item.path("__metadata").path("type").asString())
        .isEqualTo("Exact.Web.Api.Models.Item");
    Sandbox.Response found =
        sandbox.get(s.api("logistics/Items") + "?" + filter("Code eq 'TSHIRT-M'"), s.token());
    assertThat(found.d()).hasSize(1);
    assertThat(found.d().path(0).path("ID").asString()).isEqualTo(item.path("ID").asString());
    assertThat(found.d().path(0).path("Description").asString()).isEqualTo("T-shirt maat M");
  }

  @Test
  void salesOrderWithLinesIsOpen() {
    String customer = customer("Order BV");
    String item = item("ORD-1");

    JsonNode order =
        sandbox.create(
            s,
            "salesorder/SalesOrders?$expand=SalesOrderLines",
            Map.of(
                "OrderedBy",
                customer,
                "YourRef",
                "WEB-1001",
                "SalesOrderLines",
                List.of(Map.of("Item", item, "Quantity", 2, "UnitPrice", 10.0, "VATCode", "1"))));

    assertThat(order.path("Status").asInt()).isEqualTo(12);
    assertThat(order.path("OrderID").asString()).matches(GUID);
    assertThat(order.path("__metadata").path("type").asString())
        .isEqualTo("Exact.Web.Api.Models.SalesOrder");
    JsonNode lines = order.path("SalesOrderLines").path("results");
    assertThat(lines).hasSize(1);
    assertThat(lines.path(0).path("OrderID").asString())
        .isEqualTo(order.path("OrderID").asString());
    assertThat(lines.path(0).path("Item").asString()).isEqualTo(item);

    Sandbox.Response byRef =
        sandbox.get(
            s.api("salesorder/SalesOrders") + "?" + filter("YourRef eq 'WEB-1001'"), s.token());
    assertThat(byRef.d()).hasSize(1);
    assertThat(byRef.d().path(0).path("SalesOrderLines").has("__deferred")).isTrue();
    Sandbox.Response viaLines =
        sandbox.get(
            s.api("salesorder/SalesOrderLines")
                + "?"
                + filter("OrderID eq guid'" + order.path("OrderID").asString() + "'"),
            s.token());
    assertThat(viaLines.d()).hasSize(1);
  }

  @Test
  void salesInvoiceWithLinesIsOpenWithoutNumber() {
    String customer = customer("Factuur BV");
    String item = item("INV-1");

    JsonNode invoice =
        sandbox.create(
            s,
            "salesinvoice/SalesInvoices",
            Map.of(
                "OrderedBy",
                customer,
                "Journal",
                "70",
                "YourRef",
                "WEB-2001",
                "SalesInvoiceLines",
                List.of(Map.of("Item", item, "Quantity", 1, "UnitPrice", 5.0, "VATCode", "1"))));

    assertThat(invoice.path("Status").asInt()).isEqualTo(20);
    assertThat(invoice.path("InvoiceNumber").isNull()).isTrue();
    assertThat(invoice.path("InvoiceTo").asString()).isEqualTo(customer);
    assertThat(invoice.path("__metadata").path("type").asString())
        .isEqualTo("Exact.Web.Api.Models.SalesInvoice");
    // the 201 answer defers the lines unless $expand asks for them; the link gives them
    String deferred = invoice.path("SalesInvoiceLines").path("__deferred").path("uri").asString();
    assertThat(deferred)
        .isEqualTo(
            sandbox.url
                + s.api("salesinvoice/SalesInvoices")
                + "(guid'"
                + invoice.path("InvoiceID").asString()
                + "')/SalesInvoiceLines");
    assertThat(sandbox.get(deferred, s.token()).d()).hasSize(1);

    Sandbox.Response lines =
        sandbox.get(
            s.api("salesinvoice/SalesInvoiceLines")
                + "?"
                + filter("InvoiceID eq guid'" + invoice.path("InvoiceID").asString() + "'"),
            s.token());
    assertThat(lines.d()).hasSize(1);
    assertThat(lines.d().path(0).path("GLAccount").asString())
        .as("derived from the revenue account")
        .matches(GUID);
  }

  @Test
  void salesEntryWithLinesIsBooked() {
    String customer = customer("Boeking BV");
    String revenue = sandbox.idOf(s.division(), "financial/GLAccounts", "8000");

    JsonNode entry =
        sandbox.create(
            s,
            "salesentry/SalesEntries?$expand=SalesEntryLines",
            Map.of(
                "Customer",
                customer,
                "Journal",
                "70",
                "EntryDate",
                "2026-05-01T00:00:00+02:00",
                "YourRef",
                "WEB-3001",
                "SalesEntryLines",
                List.of(Map.of("GLAccount", revenue, "AmountFC", 100.0, "VATCode", "1"))));

    assertThat(entry.path("Status").asInt()).isEqualTo(20);
    assertThat(entry.path("EntryNumber").asInt()).isPositive();
    assertThat(entry.path("EntryDate").asString())
        .isEqualTo(
            "/Date("
                + LocalDateTime.of(2026, 5, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli()
                + ")/");
    assertThat(entry.path("__metadata").path("type").asString())
        .isEqualTo("Exact.Web.Api.Models.SalesEntry");
    JsonNode line = entry.path("SalesEntryLines").path("results").path(0);
    assertThat(line.path("GLAccount").asString()).isEqualTo(revenue);
    assertThat(line.path("AmountFC").decimalValue()).isEqualByComparingTo("100");

    Sandbox.Response lines =
        sandbox.get(
            s.api("salesentry/SalesEntryLines")
                + "?"
                + filter("EntryID eq guid'" + entry.path("EntryID").asString() + "'"),
            s.token());
    assertThat(lines.d()).hasSize(1);
  }

  @Test
  void masterDataEndpointsAnswer() {
    JsonNode vat =
        sandbox.get(s.api("vat/VATCodes") + "?" + filter("Code eq '2'"), s.token()).d().path(0);
    assertThat(vat.path("Type").asString()).isEqualTo("I");
    assertThat(vat.path("Percentage").decimalValue()).isEqualByComparingTo(new BigDecimal("0.21"));
    assertThat(vat.path("__metadata").path("type").asString())
        .isEqualTo("Exact.Web.Api.Models.VATCode");

    JsonNode gl =
        sandbox
            .get(s.api("financial/GLAccounts") + "?" + filter("Code eq '8000'"), s.token())
            .d()
            .path(0);
    assertThat(gl.path("Type").asInt()).isEqualTo(110);
    assertThat(gl.path("__metadata").path("type").asString())
        .isEqualTo("Exact.Web.Api.Models.GLAccount");

    JsonNode journal =
        sandbox
            .get(s.api("financial/Journals") + "?" + filter("Code eq '70'"), s.token())
            .d()
            .path(0);
    assertThat(journal.path("Type").asInt()).isEqualTo(20);

    Sandbox.Response warehouses = sandbox.get(s.api("inventory/Warehouses"), s.token());
    assertThat(warehouses.status()).isEqualTo(200);
    assertThat(warehouses.d().valueStream().filter(w -> w.path("Main").asInt() == 1)).hasSize(1);

    Sandbox.Response conditions = sandbox.get(s.api("cashflow/PaymentConditions"), s.token());
    assertThat(conditions.d().valueStream().map(c -> c.path("Code").asString())).contains("30");
  }

  @Test
  void paymentConditionsAllowOnlyGetAndPost() {
    JsonNode created =
        sandbox.create(
            s,
            "cashflow/PaymentConditions",
            Map.of("Code", "60", "Description", "60 dagen", "PaymentDays", 60));
    String key = "(guid'" + created.path("ID").asString() + "')";

    Sandbox.Response put =
        sandbox.send(
            "PUT",
            s.api("cashflow/PaymentConditions") + key,
            s.token(),
            Sandbox.text(Map.of("Description", "Zestig")));
    assertThat(put.status()).isEqualTo(405);
    Sandbox.Response delete =
        sandbox.send("DELETE", s.api("cashflow/PaymentConditions") + key, s.token(), null);
    assertThat(delete.status()).isEqualTo(405);

    Sandbox.Response read =
        sandbox.get(s.api("cashflow/PaymentConditions") + "?" + filter("Code eq '60'"), s.token());
    assertThat(read.d().path(0).path("Description").asString()).isEqualTo("60 dagen");
  }

  @Test
  void putAndDeleteAnswer204WithoutBody() {
    String id = customer("Wijzig BV");
    String key = "(guid'" + id + "')";

    Sandbox.Response put =
        sandbox.send(
            "PUT", s.api("crm/Accounts") + key, s.token(), Sandbox.text(Map.of("City", "Gouda")));
    assertThat(put.status()).isEqualTo(204);
    assertThat(put.body()).isEmpty();
    assertThat(sandbox.rows(s.division(), "crm/Accounts").get(0).path("City").asString())
        .isEqualTo("Gouda");

    Sandbox.Response delete = sandbox.send("DELETE", s.api("crm/Accounts") + key, s.token(), null);
    assertThat(delete.status()).isEqualTo(204);
    assertThat(sandbox.rows(s.division(), "crm/Accounts")).isEmpty();
  }

  private String customer(String name) {
    return sandbox
        .create(s, "crm/Accounts", Map.of("Name", name, "Status", "C"))
        .path("ID")
        .asString();
  }

  private String item(String code) {
    return sandbox
        .create(
            s, "logistics/Items", Map.of("Code", code, "Description", code, "SalesVatCode", "1"))
        .path("ID")
        .asString();
  }
}

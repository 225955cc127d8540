package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.filter;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Where Exact (OData v2, reference §1.4, §1.6, §5.12, §10.4, §10.5) is strict, the sandbox is too:
 * 404 for an unknown key, typed $filter operands, checked $select/$expand, deferred line
 * collections in a POST's 201 answer, and every field of current/Me and system/Divisions.
 */
class StrictnessConformanceIT {

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

  // --- A1: GET by key ------------------------------------------------------------------------

  @Test
  void anUnknownKeyIs404AndAFilterThatMatchesNothingIsAnEmptyList() {
    String id = customer("Bekend");
    Sandbox.Response known = sandbox.get(s.api("crm/Accounts") + "(guid'" + id + "')", s.token());
    assertThat(known.status()).isEqualTo(200);
    assertThat(known.d().path(0).path("Name").asString()).isEqualTo("Bekend");

    String unknown = UUID.randomUUID().toString();
    Sandbox.Response missing =
        sandbox.get(s.api("crm/Accounts") + "(guid'" + unknown + "')", s.token());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("error").path("code").asString()).isEmpty();
    assertThat(missing.error()).isEqualTo("Resource not found for the segment 'Accounts'.");
    assertThat(missing.rateLimitHeaders()).hasSize(6);

    Sandbox.Response query =
        sandbox.get(s.api("crm/Accounts") + "?" + filter("ID eq guid'" + unknown + "'"), s.token());
    assertThat(query.status()).isEqualTo(200);
    assertThat(query.d()).isEmpty();

    Sandbox.Response invoice =
        sandbox.get(s.api("salesinvoice/SalesInvoices") + "(guid'" + unknown + "')", s.token());
    assertThat(invoice.status()).isEqualTo(404);
    assertThat(invoice.error()).isEqualTo("Resource not found for the segment 'SalesInvoices'.");
  }

  @Test
  void unknownKeysCountTowardTheHourlyErrorBudget() {
    String missing = s.api("crm/Accounts") + "(guid'" + UUID.randomUUID() + "')";
    for (int i = 0; i < 10; i++) {
      assertThat(sandbox.get(missing, s.token()).status()).isEqualTo(404);
    }
    String valid = s.api("crm/Accounts") + "?" + filter("Name eq 'x'");
    assertThat(sandbox.get(valid, s.token()).status()).isEqualTo(200);

    assertThat(sandbox.get(missing, s.token()).status()).isEqualTo(404);

    assertThat(sandbox.get(valid, s.token()).status()).as("blocked").isEqualTo(429);
  }

  // --- A2: typed $filter ---------------------------------------------------------------------

  @Test
  void aStringComparedWithAGuidFieldIsRefused() {
    String id = customer("Typen");

    Sandbox.Response idAsString = accounts("ID eq 'abc'");
    assertThat(idAsString.status()).isEqualTo(400);
    assertThat(idAsString.error())
        .isEqualTo(
            "Operator 'eq' incompatible with operand types 'Edm.Guid' and 'Edm.String' at"
                + " position 3.");
    Sandbox.Response realIdAsString = accounts("ID eq '" + id + "'");
    assertThat(realIdAsString.status()).as("even a real GUID in quotes").isEqualTo(400);
    Sandbox.Response reversed = accounts("Name eq 'Typen' and '" + id + "' ne ID");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.error())
        .contains("'Edm.String' and 'Edm.Guid'")
        .contains("position " + ("Name eq 'Typen' and '" + id + "' ").length());

    Sandbox.Response addresses =
        sandbox.get(s.api("crm/Addresses") + "?" + filter("Account eq 'x'"), s.token());
    assertThat(addresses.status()).isEqualTo(400);
    assertThat(addresses.error())
        .isEqualTo(
            "Operator 'eq' incompatible with operand types 'Edm.Guid' and 'Edm.String' at"
                + " position 8.");
    Sandbox.Response invoices =
        sandbox.get(
            s.api("salesinvoice/SalesInvoices") + "?" + filter("InvoiceTo eq '" + id + "'"),
            s.token());
    assertThat(invoices.status()).isEqualTo(400);
    assertThat(invoices.error()).startsWith("Operator 'eq' incompatible");
  }

  @Test
  void aMalformedGuidLiteralIsRefused() {
    Sandbox.Response r = accounts("ID eq guid'abc'");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error())
        .isEqualTo("Unrecognized 'Edm.Guid' literal 'guid'abc'' at '6' in 'ID eq guid'abc''.");
    assertThat(accounts("ID eq guid'5b3debef-0000-4000-8000-00000000001'").status())
        .as("one digit short")
        .isEqualTo(400);
  }

  @Test
  void guidLiteralsAndNullKeepWorking() {
    String id = customer("Gevonden");
    customer("Ander");

    Sandbox.Response byGuid = accounts("ID eq guid'" + id + "'");
    assertThat(byGuid.status()).isEqualTo(200);
    assertThat(byGuid.d()).hasSize(1);
    assertThat(accounts("ID eq guid'" + id.toUpperCase() + "'").d()).hasSize(1);
    assertThat(accounts("ID ne guid'" + id + "'").d()).hasSize(1);
    assertThat(accounts("ID eq null").d()).isEmpty();
    assertThat(accounts("ID ne null").d()).hasSize(2);
    Sandbox.Response nullAccount =
        sandbox.get(s.api("crm/Addresses") + "?" + filter("Account eq null"), s.token());
    assertThat(nullAccount.status()).isEqualTo(200);
  }

  @Test
  void otherOperandTypesAreCheckedToo() {
    Sandbox.Response nameAsNumber = accounts("Name eq 5");
    assertThat(nameAsNumber.status()).isEqualTo(400);
    assertThat(nameAsNumber.error()).contains("'Edm.String' and 'Edm.Int32'");

    Sandbox.Response typeAsString =
        sandbox.get(s.api("financial/GLAccounts") + "?" + filter("Type eq '110'"), s.token());
    assertThat(typeAsString.status()).isEqualTo(400);
    assertThat(typeAsString.error()).contains("'Edm.Int32' and 'Edm.String'");

    Sandbox.Response dateAsString = accounts("Created gt '2020-01-01'");
    assertThat(dateAsString.status()).isEqualTo(400);
    assertThat(dateAsString.error()).contains("'Edm.DateTime' and 'Edm.String'");

    Sandbox.Response notABoolean = accounts("Name");
    assertThat(notABoolean.status()).isEqualTo(400);

    Sandbox.Response trimOfAGuid = accounts("trim(ID) eq 'x'");
    assertThat(trimOfAGuid.status()).isEqualTo(400);
    assertThat(trimOfAGuid.error()).startsWith("No applicable function found for 'trim'");

    // numbers of different widths compare; booleans with booleans
    assertThat(
            sandbox
                .get(s.api("financial/GLAccounts") + "?" + filter("Type eq 110L"), s.token())
                .status())
        .isEqualTo(200);
    assertThat(accounts("Blocked eq false").status()).isEqualTo(200);
  }

  @Test
  void anUnknownFieldInAFilterIsRefused() {
    Sandbox.Response r = accounts("Nope eq 'x'");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error())
        .isEqualTo(
            "Could not find a property named 'Nope' on type 'Exact.Web.Api.Models.Account'.");
  }

  // --- A3: $select and $expand -----------------------------------------------------------------

  @Test
  void anUnknownFieldInSelectIsRefused() {
    customer("Select");
    String byName = s.api("crm/Accounts") + "?" + filter("Name eq 'Select'");

    Sandbox.Response r = sandbox.get(byName + "&$select=ID,Nope", s.token());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error())
        .isEqualTo(
            "Could not find a property named 'Nope' on type 'Exact.Web.Api.Models.Account'.");

    Sandbox.Response wrongCase = sandbox.get(byName + "&$select=name", s.token());
    assertThat(wrongCase.status()).as("property names are case-sensitive").isEqualTo(400);

    Sandbox.Response ok = sandbox.get(byName + "&$select=ID,Name", s.token());
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.d().path(0).propertyNames())
        .containsExactlyInAnyOrder("__metadata", "ID", "Name");
  }

  @Test
  void selectPathsReachIntoExpandedLinesOnly() {
    String invoiceId = invoice().path("InvoiceID").asString();
    String byId =
        s.api("salesinvoice/SalesInvoices") + "?" + filter("InvoiceID eq guid'" + invoiceId + "'");

    Sandbox.Response expanded =
        sandbox.get(
            byId + "&$expand=SalesInvoiceLines&$select=InvoiceID,SalesInvoiceLines/Quantity",
            s.token());
    assertThat(expanded.status()).as(expanded.body()).isEqualTo(200);
    JsonNode header = expanded.d().path(0);
    assertThat(header.propertyNames())
        .containsExactlyInAnyOrder("__metadata", "InvoiceID", "SalesInvoiceLines");
    JsonNode line = header.path("SalesInvoiceLines").path("results").path(0);
    assertThat(line.propertyNames()).containsExactlyInAnyOrder("__metadata", "Quantity");
    assertThat(line.path("Quantity").decimalValue()).isEqualByComparingTo("2");

    Sandbox.Response whole =
        sandbox.get(
            byId + "&$expand=SalesInvoiceLines&$select=InvoiceID,SalesInvoiceLines", s.token());
    assertThat(whole.d().path(0).path("SalesInvoiceLines").path("results").path(0).has("ItemCode"))
        .isTrue();

    Sandbox.Response notExpanded =
        sandbox.get(byId + "&$select=InvoiceID,SalesInvoiceLines/Quantity", s.token());
    assertThat(notExpanded.status()).isEqualTo(400);
    assertThat(notExpanded.error())
        .isEqualTo(
            "Only properties specified in $expand can be traversed in $select query options."
                + " Selected item: 'SalesInvoiceLines/Quantity'.");

    Sandbox.Response unknownLineField =
        sandbox.get(
            byId + "&$expand=SalesInvoiceLines&$select=InvoiceID,SalesInvoiceLines/Nope",
            s.token());
    assertThat(unknownLineField.status()).isEqualTo(400);
    assertThat(unknownLineField.error())
        .isEqualTo(
            "Could not find a property named 'Nope' on type"
                + " 'Exact.Web.Api.Models.SalesInvoiceLine'.");

    Sandbox.Response unknownExpand = sandbox.get(byId + "&$expand=Nope", s.token());
    assertThat(unknownExpand.status()).isEqualTo(400);
    assertThat(unknownExpand.error()).startsWith("Could not find a property named 'Nope'");

    Sandbox.Response plainExpand = sandbox.get(byId + "&$expand=Description", s.token());
    assertThat(plainExpand.status()).isEqualTo(400);
    assertThat(plainExpand.error()).contains("is not a navigation property");
  }

  // --- A4: the 201 answer ----------------------------------------------------------------------

  @Test
  void aPostedDocumentDefersItsLinesUnlessExpandedAndCarriesItsTotals() {
    JsonNode invoice = invoice();
    String id = invoice.path("InvoiceID").asString();
    assertThat(invoice.path("SalesInvoiceLines").propertyNames()).containsExactly("__deferred");
    String link = invoice.path("SalesInvoiceLines").path("__deferred").path("uri").asString();
    assertThat(link)
        .isEqualTo(
            sandbox.url
                + s.api("salesinvoice/SalesInvoices")
                + "(guid'"
                + id
                + "')/SalesInvoiceLines");
    // 2 × 10.00 with 21 % VAT excl.
    assertThat(invoice.path("AmountFC").decimalValue()).isEqualByComparingTo("24.20");
    assertThat(invoice.path("AmountFCExclVat").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(invoice.path("VATAmountFC").decimalValue()).isEqualByComparingTo("4.20");
    Sandbox.Response lines = sandbox.get(link, s.token());
    assertThat(lines.status()).isEqualTo(200);
    assertThat(lines.d()).hasSize(1);
    assertThat(lines.d().path(0).path("InvoiceID").asString()).isEqualTo(id);

    JsonNode order =
        sandbox.create(
            s,
            "salesorder/SalesOrders",
            Map.of(
                "OrderedBy",
                customer("Order"),
                "SalesOrderLines",
                List.of(Map.of("Item", item(), "Quantity", 1, "UnitPrice", 10.0, "VATCode", "1"))));
    assertThat(order.path("SalesOrderLines").has("__deferred")).isTrue();
    assertThat(order.path("AmountFC").decimalValue()).isEqualByComparingTo("12.10");
    assertThat(order.path("AmountFCExclVat").decimalValue()).isEqualByComparingTo("10.00");

    JsonNode entry =
        sandbox.create(
            s,
            "salesentry/SalesEntries",
            Map.of(
                "Customer",
                customer("Boeking"),
                "Journal",
                "70",
                "SalesEntryLines",
                List.of(
                    Map.of(
                        "GLAccount",
                        sandbox.idOf(s.division(), "financial/GLAccounts", "8000"),
                        "AmountFC",
                        10.0,
                        "VATCode",
                        "1"))));
    assertThat(entry.path("SalesEntryLines").has("__deferred")).isTrue();
    assertThat(entry.path("AmountFC").decimalValue()).isEqualByComparingTo("12.10");
    assertThat(entry.path("VATAmountFC").decimalValue()).isEqualByComparingTo("2.10");
  }

  @Test
  void expandOnThePostGivesTheLinesAndABadExpandStoresNothing() {
    Map<String, Object> body = invoiceBody();
    JsonNode expanded =
        sandbox.create(s, "salesinvoice/SalesInvoices?$expand=SalesInvoiceLines", body);
    assertThat(expanded.path("SalesInvoiceLines").path("results")).hasSize(1);
    assertThat(
            expanded
                .path("SalesInvoiceLines")
                .path("results")
                .path(0)
                .path("AmountFC")
                .decimalValue())
        .isEqualByComparingTo("20.00");

    Sandbox.Response bad =
        sandbox.post(s.api("salesinvoice/SalesInvoices") + "?$expand=Lines", s.token(), body);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(sandbox.rows(s.division(), "salesinvoice/SalesInvoices")).hasSize(1);
  }

  // --- A5: current/Me and system/Divisions -----------------------------------------------------

  @Test
  void meCarriesEveryFieldOfTheReference() {
    sandbox.reset();
    sandbox.startOfAFreshWindow();
    int code =
        sandbox
            .admin(
                "POST",
                "/admin/divisions",
                Map.of(
                    "country", "NL", "description", "Webwinkel BV", "vatNumber", "NL001234567B01"))
            .path("code")
            .asInt();
    sandbox.client(Sandbox.CLIENT, Sandbox.SECRET, Sandbox.REDIRECT);
    sandbox.admin(
        "POST",
        "/admin/users",
        Map.of(
            "username",
            "piet",
            "password",
            "pw",
            "fullName",
            "Piet de Vries",
            "email",
            "piet@example.nl",
            "divisions",
            List.of(code)));
    String token = sandbox.token(Sandbox.CLIENT, "piet");

    Sandbox.Response me = sandbox.get("/api/v1/current/Me", token);

    assertThat(me.status()).isEqualTo(200);
    JsonNode user = me.d().path(0);
    List<String> expected = new java.util.ArrayList<>(fields("current/Me"));
    expected.add(0, "__metadata");
    assertThat(user.propertyNames()).containsExactlyElementsOf(expected);
    assertThat(user.path("UserName").asString()).isEqualTo("piet");
    assertThat(user.path("FullName").asString()).isEqualTo("Piet de Vries");
    assertThat(user.path("FirstName").asString()).isEqualTo("Piet");
    assertThat(user.path("LastName").asString()).isEqualTo("Vries");
    assertThat(user.path("Email").asString()).isEqualTo("piet@example.nl");
    assertThat(user.path("CurrentDivision").asInt()).isEqualTo(code);
    assertThat(user.path("AccountingDivision").asInt()).isEqualTo(code);
    assertThat(user.path("DivisionCustomerName").asString()).isEqualTo("Webwinkel BV");
    assertThat(user.path("DivisionCustomerVatNumber").asString()).isEqualTo("NL001234567B01");
    assertThat(user.path("DivisionCustomer").asString()).matches("[0-9a-f-]{36}");
    assertThat(user.path("LanguageCode").asString()).isEqualTo("nl-NL");
    assertThat(user.path("Legislation").isNumber()).isTrue();
    assertThat(user.path("PackageCode").asString()).isNotBlank();
    assertThat(user.path("ServerTime").asString()).matches("/Date\\(\\d+\\)/");
    assertThat(user.path("ServerUtcOffset").asDouble()).isIn(3600.0, 7200.0);
    assertThat(user.path("Mobile").isNull()).isTrue();
    assertThat(user.path("ThumbnailPicture").isNull()).isTrue();

    Sandbox.Response selected = sandbox.get("/api/v1/current/Me?$select=UserID,FullName", token);
    assertThat(selected.d().path(0).propertyNames())
        .containsExactlyInAnyOrder("__metadata", "UserID", "FullName");
    Sandbox.Response unknown = sandbox.get("/api/v1/current/Me?$select=CurrentDivison", token);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error())
        .isEqualTo(
            "Could not find a property named 'CurrentDivison' on type"
                + " 'Exact.Web.Api.System.Me'.");
    assertThat(unknown.rateLimitHeaders()).isEmpty();
  }

  @Test
  void divisionsCarryEveryFieldOfTheReference() {
    int second =
        sandbox
            .admin(
                "POST",
                "/admin/divisions",
                Map.of("country", "BE", "description", "Winkel Gent", "vatNumber", "BE0123456749"))
            .path("code")
            .asInt();
    sandbox.user("an", "pw", s.division(), second);
    String token = sandbox.token(Sandbox.CLIENT, "an");
    String url = "/api/v1/" + s.division() + "/system/Divisions";

    Sandbox.Response all = sandbox.get(url, token);

    assertThat(all.status()).isEqualTo(200);
    List<String> expected = new java.util.ArrayList<>(fields("system/Divisions"));
    expected.add(0, "__metadata");
    JsonNode first = all.d().path(0);
    JsonNode be = all.d().path(1);
    assertThat(first.propertyNames()).containsExactlyElementsOf(expected);
    assertThat(first.path("Code").asInt()).isEqualTo(s.division());
    assertThat(first.path("Current").asBoolean()).isTrue();
    assertThat(first.path("IsMainDivision").asBoolean()).isTrue();
    assertThat(first.path("Legislation").asString()).isEqualTo("NL");
    assertThat(first.path("Status").asInt()).isEqualTo(1);
    assertThat(first.path("StartDate").asString()).matches("/Date\\(\\d+\\)/");
    assertThat(first.path("Created").asString()).matches("/Date\\(\\d+\\)/");
    assertThat(first.path("__metadata").path("type").asString())
        .isEqualTo("Exact.Web.Api.System.Division");
    assertThat(be.path("__metadata").path("uri").asString())
        .isEqualTo(sandbox.url + url + "(" + second + ")");
    assertThat(be.path("Code").asInt()).isEqualTo(second);
    assertThat(be.path("Description").asString()).isEqualTo("Winkel Gent");
    assertThat(be.path("Country").asString()).isEqualTo("BE");
    assertThat(be.path("Currency").asString()).isEqualTo("EUR");
    assertThat(be.path("Legislation").asString()).isEqualTo("BE");
    assertThat(be.path("VATNumber").asString()).isEqualTo("BE0123456749");
    assertThat(be.path("Current").asBoolean()).isFalse();
    assertThat(be.path("IsMainDivision").asBoolean()).isFalse();
    assertThat(be.path("ArchiveDate").isNull()).isTrue();

    Sandbox.Response selected = sandbox.get(url + "?$select=Code,VATNumber", token);
    assertThat(selected.d().path(1).propertyNames())
        .containsExactlyInAnyOrder("__metadata", "Code", "VATNumber");
    Sandbox.Response filtered = sandbox.get(url + "?" + filter("Code eq " + second), token);
    assertThat(filtered.d()).hasSize(1);
    Sandbox.Response unknown = sandbox.get(url + "?$select=Code,Name", token);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error())
        .isEqualTo(
            "Could not find a property named 'Name' on type 'Exact.Web.Api.System.Division'.");
  }

  // ------------------------------------------------------------------------------------------

  private Sandbox.Response accounts(String expression) {
    return sandbox.get(s.api("crm/Accounts") + "?" + filter(expression), s.token());
  }

  private String customer(String name) {
    return sandbox
        .create(s, "crm/Accounts", Map.of("Name", name, "Status", "C"))
        .path("ID")
        .asString();
  }

  private String item() {
    return sandbox
        .create(
            s,
            "logistics/Items",
            Map.of("Code", "S-" + UUID.randomUUID(), "Description", "Artikel", "SalesVatCode", "1"))
        .path("ID")
        .asString();
  }

  private Map<String, Object> invoiceBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("OrderedBy", customer("Factuur"));
    body.put("Journal", "70");
    body.put(
        "SalesInvoiceLines",
        List.of(Map.of("Item", item(), "Quantity", 2, "UnitPrice", 10.0, "VATCode", "1")));
    return body;
  }

  private JsonNode invoice() {
    return sandbox.create(s, "salesinvoice/SalesInvoices", invoiceBody());
  }

  /** The field names of an entity in the sandbox's copy of the reference JSON, in order. */
  private static List<String> fields(String entity) {
    try (InputStream in =
        StrictnessConformanceIT.class.getResourceAsStream("/sandbox/exact-entities.json")) {
      return Sandbox.JSON
          .readTree(in)
          .path("entities")
          .path(entity)
          .path("fields")
          .valueStream()
          .map(f -> f.path("name").asString())
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

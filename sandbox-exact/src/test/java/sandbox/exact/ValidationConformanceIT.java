package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.filter;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Writes and validation (reference §4, §5.13, §10.6, §10.7, §11 #9–#12): Exact's 400 texts for
 * malformed bodies, its validation messages in the {"error":{…}} envelope with status 500, amounts
 * and VAT computed from quantity, price and the VAT code, statuses and invoice numbering.
 */
class ValidationConformanceIT {

  private static final String NOT_AN_OBJECT =
      "Error processing request stream. The request should be a valid top-level resource object.";

  private static Sandbox sandbox;
  private Sandbox.Setup s;
  private int nl;
  private int be;
  private String customer;
  private String prospect;
  private String item;

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
    s = sandbox.setup("NL", "BE");
    nl = s.divisions().get("NL");
    be = s.divisions().get("BE");
    customer =
        sandbox
            .create(s, "crm/Accounts", Map.of("Name", "Klant", "Status", "C"))
            .path("ID")
            .asString();
    prospect =
        sandbox
            .create(s, "crm/Accounts", Map.of("Name", "Prospect", "Status", "P"))
            .path("ID")
            .asString();
    item =
        sandbox
            .create(
                s,
                "logistics/Items",
                Map.of("Code", "ART-1", "Description", "Artikel", "SalesVatCode", "1"))
            .path("ID")
            .asString();
  }

  // --- 400: the request stream ---------------------------------------------------------------

  @Test
  void bodyMustBeAnObject() {
    for (String body : List.of("[]", "[{\"Name\":\"x\"}]", "\"Name\"", "42")) {
      Sandbox.Response r = sandbox.post(s.api("crm/Accounts"), s.token(), body);

      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.error()).isEqualTo(NOT_AN_OBJECT);
    }
    assertThat(sandbox.rows(nl, "crm/Accounts")).hasSize(2);
  }

  @Test
  void lineCollectionMustBeAnArrayOfObjects() {
    Map<String, Object> line = Map.of("Item", item, "Quantity", 1, "UnitPrice", 1.0);
    for (Object lines : List.of(line, List.of("x"), "lines")) {
      Map<String, Object> invoice = invoice();
      invoice.put("SalesInvoiceLines", lines);

      Sandbox.Response r = sandbox.post(s.api("salesinvoice/SalesInvoices"), s.token(), invoice);

      assertThat(r.status()).isEqualTo(400);
      assertThat(r.error()).isEqualTo(NOT_AN_OBJECT);
    }
    assertThat(sandbox.rows(nl, "salesinvoice/SalesInvoices")).isEmpty();
  }

  @Test
  void unknownPropertyIsRefused() {
    Map<String, Object> invoice = invoice();
    invoice.put(
        "SalesInvoiceLines", List.of(Map.of("Item", item, "Quantity", 1, "SalesVatCode", "1")));

    Sandbox.Response r = sandbox.post(s.api("salesinvoice/SalesInvoices"), s.token(), invoice);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error())
        .startsWith("Error processing request stream. The property name 'SalesVatCode' ");

    Sandbox.Response header =
        sandbox.post(s.api("crm/Accounts"), s.token(), Map.of("Name", "x", "Naam", "y"));
    assertThat(header.status()).isEqualTo(400);
    assertThat(header.error())
        .startsWith("Error processing request stream. The property name 'Naam' ");
  }

  @Test
  void valueOfTheWrongTypeIsRefused() {
    Map<String, Object> invoice = invoice();
    invoice.put("OrderedBy", "not-a-guid");

    Sandbox.Response r = sandbox.post(s.api("salesinvoice/SalesInvoices"), s.token(), invoice);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error())
        .startsWith(
            "Error processing request stream. Error encountered in converting the value from"
                + " request payload for property 'OrderedBy' to type 'Guid'");

    Sandbox.Response number =
        sandbox.post(s.api("crm/Accounts"), s.token(), Map.of("Name", "x", "Blocked", "maybe"));
    assertThat(number.status()).isEqualTo(400);
    assertThat(number.error()).contains("converting the value", "'Blocked'");
  }

  // --- validation errors in Exact's envelope ------------------------------------------------

  @Test
  void validationErrorsUseExactsEnvelopeWithStatus500() {
    Map<String, Object> invoice = invoice();
    invoice.remove("OrderedBy");

    Sandbox.Response r = sandbox.post(s.api("salesinvoice/SalesInvoices"), s.token(), invoice);

    assertThat(r.status()).isEqualTo(500);
    JsonNode error = r.json();
    assertThat(error.propertyNames()).containsExactly("error");
    assertThat(error.path("error").propertyNames()).containsExactlyInAnyOrder("code", "message");
    assertThat(error.path("error").path("code").asString()).isEmpty();
    assertThat(error.path("error").path("message").path("lang").asString()).isEmpty();
    assertThat(r.error()).isEqualTo("Verplicht: Besteld door");
    assertThat(sandbox.rows(nl, "salesinvoice/SalesInvoices")).isEmpty();
  }

  @Test
  void severalMessagesAreJoinedWithCrLf() {
    Map<String, Object> invoice = invoice();
    invoice.remove("OrderedBy");
    invoice.remove("Journal");

    Sandbox.Response r = sandbox.post(s.api("salesinvoice/SalesInvoices"), s.token(), invoice);

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.error()).contains("\r\n");
    assertThat(r.error().split("\r\n"))
        .containsExactlyInAnyOrder("Verplicht: Besteld door", "Verplicht: Dagboek");
  }

  @Test
  void documentsNeedLines() {
    for (Object lines : Arrays.asList(List.of(), null)) {
      Map<String, Object> invoice = invoice();
      invoice.put("SalesInvoiceLines", lines);
      assertValidation(sandbox.post(s.api("salesinvoice/SalesInvoices"), s.token(), invoice));

      Map<String, Object> order = new LinkedHashMap<>();
      order.put("OrderedBy", customer);
      order.put("SalesOrderLines", lines);
      assertValidation(sandbox.post(s.api("salesorder/SalesOrders"), s.token(), order));

      Map<String, Object> entry = entry(revenue(nl, "8000"), "70");
      entry.put("SalesEntryLines", lines);
      assertValidation(sandbox.post(s.api("salesentry/SalesEntries"), s.token(), entry));
    }
    assertThat(sandbox.rows(nl, "salesinvoice/SalesInvoices")).isEmpty();
    assertThat(sandbox.rows(nl, "salesorder/SalesOrders")).isEmpty();
    assertThat(sandbox.rows(nl, "salesentry/SalesEntries")).isEmpty();
  }

  @Test
  void mandatoryFieldsUseDutchCaptions() {
    Map<String, Object> entry = entry(revenue(nl, "8000"), "70");
    entry.remove("Customer");
    assertThat(validation(s.api("salesentry/SalesEntries"), entry))
        .containsExactly("Verplicht: Klant");

    Map<String, Object> noJournal = entry(revenue(nl, "8000"), "70");
    noJournal.remove("Journal");
    assertThat(validation(s.api("salesentry/SalesEntries"), noJournal))
        .containsExactly("Verplicht: Dagboek");

    assertThat(validation(s.api("crm/Accounts"), Map.of("Status", "C")))
        .containsExactly("Verplicht: Naam");
  }

  @Test
  void unknownReferencesAreInvalid() {
    String nobody = UUID.randomUUID().toString();
    Map<String, Object> unknownAccount = invoice();
    unknownAccount.put("OrderedBy", nobody);
    assertThat(validation(s.api("salesinvoice/SalesInvoices"), unknownAccount))
        .contains("Ongeldige referentie: Besteld door", "Ongeldige referentie: Factuur voor");

    Map<String, Object> unknownJournal = invoice();
    unknownJournal.put("Journal", "99");
    assertThat(validation(s.api("salesinvoice/SalesInvoices"), unknownJournal))
        .containsExactly("Ongeldige referentie: Dagboek");

    Map<String, Object> unknownVat = invoice();
    unknownVat.put(
        "SalesInvoiceLines",
        List.of(Map.of("Item", item, "Quantity", 1, "UnitPrice", 1.0, "VATCode", "ZZ")));
    assertThat(validation(s.api("salesinvoice/SalesInvoices"), unknownVat))
        .containsExactly("Ongeldige referentie: Btw-code");

    Map<String, Object> unknownItem = invoice();
    unknownItem.put(
        "SalesInvoiceLines",
        List.of(Map.of("Item", nobody, "Quantity", 1, "UnitPrice", 1.0, "VATCode", "1")));
    assertThat(validation(s.api("salesinvoice/SalesInvoices"), unknownItem))
        .contains("Ongeldige referentie: Artikel");

    assertThat(validation(s.api("salesentry/SalesEntries"), entry(nobody, "70")))
        .contains("Ongeldige referentie: Grootboekrekening");

    Map<String, Object> unknownGlOnInvoice = invoice();
    unknownGlOnInvoice.put(
        "SalesInvoiceLines",
        List.of(
            Map.of(
                "Item",
                item,
                "Quantity",
                1,
                "UnitPrice",
                1.0,
                "VATCode",
                "1",
                "GLAccount",
                nobody)));
    assertThat(validation(s.api("salesinvoice/SalesInvoices"), unknownGlOnInvoice))
        .containsExactly("Ongeldige referentie: Grootboekrekening");
  }

  @Test
  void journalMustBeASalesJournalCode() {
    String journalId = sandbox.idOf(nl, "financial/Journals", "70");
    Map<String, Object> byGuid = invoice();
    byGuid.put("Journal", journalId);
    assertThat(validation(s.api("salesinvoice/SalesInvoices"), byGuid))
        .containsExactly("Ongeldige referentie: Journals");

    Map<String, Object> cash = invoice();
    cash.put("Journal", "10");
    assertThat(validation(s.api("salesinvoice/SalesInvoices"), cash)).hasSize(1);

    assertThat(validation(s.api("salesentry/SalesEntries"), entry(revenue(nl, "8000"), "10")))
        .hasSize(1);
  }

  @Test
  void accountMustBeACustomer() {
    Map<String, Object> invoice = invoice();
    invoice.put("OrderedBy", prospect);
    assertThat(validation(s.api("salesinvoice/SalesInvoices"), invoice))
        .containsExactly("Ongeldig: Factuur voor (Type)");

    Map<String, Object> entry = entry(revenue(nl, "8000"), "70");
    entry.put("Customer", prospect);
    assertThat(validation(s.api("salesentry/SalesEntries"), entry))
        .containsExactly("Ongeldig: Klant (Type)");
  }

  @Test
  void salesEntryLinesNeedRevenueAccounts() {
    assertThat(validation(s.api("salesentry/SalesEntries"), entry(revenue(nl, "1300"), "70")))
        .containsExactly("Ongeldig: Grootboekrekeningtype");
    assertThat(validation(s.api("salesentry/SalesEntries"), entry(revenue(nl, "1500"), "70")))
        .containsExactly("Ongeldig: Grootboekrekeningtype");

    String beCustomer =
        sandbox
            .post("/api/v1/" + be + "/crm/Accounts", s.token(), Map.of("Name", "K", "Status", "C"))
            .json()
            .path("d")
            .path("ID")
            .asString();
    Map<String, Object> beEntry = entry(revenue(be, "400000"), "700");
    beEntry.put("Customer", beCustomer);
    beEntry.put(
        "SalesEntryLines",
        List.of(Map.of("GLAccount", revenue(be, "400000"), "AmountFC", 10.0, "VATCode", "03")));
    assertThat(validation("/api/v1/" + be + "/salesentry/SalesEntries", beEntry))
        .containsExactly("Ongeldig: Grootboekrekeningtype");

    beEntry.put(
        "SalesEntryLines",
        List.of(Map.of("GLAccount", revenue(be, "700000"), "AmountFC", 10.0, "VATCode", "03")));
    assertThat(
            sandbox.post("/api/v1/" + be + "/salesentry/SalesEntries", s.token(), beEntry).status())
        .isEqualTo(201);
  }

  @Test
  void duplicateEntryNumberIsInUse() {
    Map<String, Object> entry = entry(revenue(nl, "8000"), "70");
    entry.put("EntryNumber", 26_000_123);
    assertThat(sandbox.post(s.api("salesentry/SalesEntries"), s.token(), entry).status())
        .isEqualTo(201);

    assertThat(validation(s.api("salesentry/SalesEntries"), entry))
        .containsExactly("In gebruik: Boekstuknummer");
    assertThat(sandbox.rows(nl, "salesentry/SalesEntries")).hasSize(1);
  }

  @Test
  void purchaseVatCodeOnASalesLineIsInvalid() {
    Map<String, Object> invoice = invoice();
    invoice.put(
        "SalesInvoiceLines",
        List.of(Map.of("Item", item, "Quantity", 1, "UnitPrice", 1.0, "VATCode", "8")));
    assertThat(validation(s.api("salesinvoice/SalesInvoices"), invoice))
        .containsExactly("Ongeldige referentie: Btw-code");

    Map<String, Object> entry = entry(revenue(nl, "8000"), "70");
    entry.put(
        "SalesEntryLines",
        List.of(Map.of("GLAccount", revenue(nl, "8000"), "AmountFC", 10.0, "VATCode", "8")));
    assertThat(validation(s.api("salesentry/SalesEntries"), entry))
        .containsExactly("Ongeldige referentie: Btw-code");
  }

  // --- computed fields ------------------------------------------------------------------------

  @Test
  void amountsWithAVatCodeIncludingVat() {
    Map<String, Object> invoice = invoice();
    invoice.put(
        "SalesInvoiceLines",
        List.of(Map.of("Item", item, "Quantity", 2, "UnitPrice", 12.10, "VATCode", "2")));

    JsonNode d = sandbox.create(s, "salesinvoice/SalesInvoices?$expand=SalesInvoiceLines", invoice);

    assertAmounts(d, "24.20", "20.00", "4.20");
    JsonNode line = d.path("SalesInvoiceLines").path("results").path(0);
    assertThat(line.path("AmountFC").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(line.path("VATAmountFC").decimalValue()).isEqualByComparingTo("4.20");

    JsonNode stored =
        sandbox
            .get(
                s.api("salesinvoice/SalesInvoices")
                    + "?"
                    + filter("InvoiceID eq guid'" + d.path("InvoiceID").asString() + "'"),
                s.token())
            .d()
            .path(0);
    assertAmounts(stored, "24.20", "20.00", "4.20");
  }

  @Test
  void amountsWithAVatCodeExcludingVat() {
    Map<String, Object> invoice = invoice();
    invoice.put(
        "SalesInvoiceLines",
        List.of(
            Map.of("Item", item, "Quantity", 2, "UnitPrice", 10.00, "VATCode", "1"),
            Map.of("Item", item, "Quantity", 3, "UnitPrice", 1.09, "VATCode", "4")));

    JsonNode d = sandbox.create(s, "salesinvoice/SalesInvoices?$expand=SalesInvoiceLines", invoice);

    // 20.00 + 4.20 VAT; 3 × 1.09 incl. 9 % = 3.27 = 3.00 + 0.27 VAT
    assertAmounts(d, "27.47", "23.00", "4.47");
    JsonNode lines = d.path("SalesInvoiceLines").path("results");
    assertThat(lines.path(0).path("AmountFC").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(lines.path(0).path("VATAmountFC").decimalValue()).isEqualByComparingTo("4.20");
    assertThat(lines.path(1).path("AmountFC").decimalValue()).isEqualByComparingTo("3.00");
    assertThat(lines.path(1).path("VATAmountFC").decimalValue()).isEqualByComparingTo("0.27");

    Map<String, Object> order = new LinkedHashMap<>();
    order.put("OrderedBy", customer);
    order.put(
        "SalesOrderLines",
        List.of(Map.of("Item", item, "Quantity", 2, "UnitPrice", 12.10, "VATCode", "2")));
    JsonNode o = sandbox.create(s, "salesorder/SalesOrders?$expand=SalesOrderLines", order);
    // a sales order has no VAT total; its lines call the VAT amount "VATAmount"
    assertThat(o.path("AmountFC").decimalValue()).isEqualByComparingTo("24.20");
    assertThat(o.path("AmountFCExclVat").decimalValue()).isEqualByComparingTo("20.00");
    JsonNode orderLine = o.path("SalesOrderLines").path("results").path(0);
    assertThat(orderLine.path("AmountFC").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(orderLine.path("VATAmount").decimalValue()).isEqualByComparingTo("4.20");
  }

  @Test
  void salesEntryAmountIsIncludingVat() {
    Map<String, Object> entry = entry(revenue(nl, "8000"), "70");
    entry.put(
        "SalesEntryLines",
        List.of(
            Map.of("GLAccount", revenue(nl, "8000"), "AmountFC", 20.00, "VATCode", "1"),
            Map.of("GLAccount", revenue(nl, "8010"), "AmountFC", 3.00, "VATCode", "3")));

    JsonNode d = sandbox.create(s, "salesentry/SalesEntries?$expand=SalesEntryLines", entry);

    // header AmountFC includes VAT: 20.00 + 3.00 + 4.20 + 0.27
    assertThat(d.path("AmountFC").decimalValue()).isEqualByComparingTo("27.47");
    assertThat(d.path("VATAmountFC").decimalValue()).isEqualByComparingTo("4.47");
    JsonNode lines = d.path("SalesEntryLines").path("results");
    assertThat(lines.path(0).path("VATAmountFC").decimalValue()).isEqualByComparingTo("4.20");
    assertThat(lines.path(1).path("VATAmountFC").decimalValue()).isEqualByComparingTo("0.27");
  }

  @Test
  void statusesAndInvoiceNumberOnlyAfterPrinting() {
    Map<String, Object> invoice = invoice();
    JsonNode d = sandbox.create(s, "salesinvoice/SalesInvoices", invoice);
    assertThat(d.path("Status").asInt()).isEqualTo(20);
    assertThat(d.path("InvoiceNumber").isNull()).isTrue();
    String id = d.path("InvoiceID").asString();

    Map<String, Object> own = invoice();
    own.put("InvoiceNumber", 4711);
    assertThat(sandbox.create(s, "salesinvoice/SalesInvoices", own).path("InvoiceNumber").isNull())
        .as("a client-supplied InvoiceNumber is ignored")
        .isTrue();

    Map<String, Object> order = new LinkedHashMap<>();
    order.put("OrderedBy", customer);
    order.put("SalesOrderLines", List.of(Map.of("Item", item, "Quantity", 1, "UnitPrice", 5.0)));
    assertThat(sandbox.create(s, "salesorder/SalesOrders", order).path("Status").asInt())
        .isEqualTo(12);

    Sandbox.Response printed =
        sandbox.post(
            s.api("salesinvoice/PrintedSalesInvoices"), s.token(), Map.of("InvoiceID", id));
    assertThat(printed.status()).isEqualTo(201);

    JsonNode processed =
        sandbox
            .get(
                s.api("salesinvoice/SalesInvoices") + "?" + filter("InvoiceID eq guid'" + id + "'"),
                s.token())
            .d()
            .path(0);
    assertThat(processed.path("Status").asInt()).isEqualTo(50);
    assertThat(processed.path("InvoiceNumber").asInt()).isPositive();

    Sandbox.Response again =
        sandbox.post(
            s.api("salesinvoice/PrintedSalesInvoices"), s.token(), Map.of("InvoiceID", id));
    assertValidation(again);
    Sandbox.Response put =
        sandbox.send(
            "PUT",
            s.api("salesinvoice/SalesInvoices") + "(guid'" + id + "')",
            s.token(),
            Sandbox.text(Map.of("Description", "later")));
    assertValidation(put);
  }

  // ------------------------------------------------------------------------------------------

  private Map<String, Object> invoice() {
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("OrderedBy", customer);
    invoice.put("Journal", "70");
    invoice.put("YourRef", "WEB-1");
    invoice.put(
        "SalesInvoiceLines",
        List.of(Map.of("Item", item, "Quantity", 1, "UnitPrice", 10.0, "VATCode", "1")));
    return invoice;
  }

  private Map<String, Object> entry(String glAccount, String journal) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("Customer", customer);
    entry.put("Journal", journal);
    entry.put("YourRef", "WEB-2");
    entry.put(
        "SalesEntryLines",
        List.of(Map.of("GLAccount", glAccount, "AmountFC", 10.0, "VATCode", "1")));
    return entry;
  }

  private String revenue(int division, String code) {
    return sandbox.idOf(division, "financial/GLAccounts", code);
  }

  /** POSTs and expects a validation error; returns its messages. */
  private List<String> validation(String path, Object body) {
    Sandbox.Response r = sandbox.post(path, s.token(), body);
    assertValidation(r);
    return new ArrayList<>(Arrays.asList(r.error().split("\r\n")));
  }

  private static void assertValidation(Sandbox.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(500);
    assertThat(r.json().path("error").path("code").asString()).isEmpty();
    assertThat(r.error()).isNotBlank();
  }

  private static void assertAmounts(JsonNode d, String incl, String excl, String vat) {
    assertThat(d.path("AmountFC").decimalValue()).as("AmountFC").isEqualByComparingTo(incl);
    assertThat(d.path("AmountFCExclVat").decimalValue())
        .as("AmountFCExclVat")
        .isEqualByComparingTo(excl);
    assertThat(d.path("VATAmountFC").decimalValue()).as("VATAmountFC").isEqualByComparingTo(vat);
  }
}

package koppel.connector.exact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import koppel.order.domain.BookingMode;
import koppel.order.port.AccountingSystem;
import koppel.order.port.BookedDocument;
import koppel.order.port.CreatedDocument;
import koppel.order.port.DocumentDraft;
import koppel.order.port.FoundDocument;
import koppel.order.port.NewCustomer;
import tools.jackson.databind.JsonNode;

/** The accounting port, implemented on Exact Online's REST API. */
public class ExactAccountingSystem implements AccountingSystem {

  private static final int DIRECT_SALES_INVOICE = 8023;
  private static final int SALES_INVOICE = 8020;
  private static final int DELIVERY_ADDRESS = 4;
  private static final int PAGE = 60;
  private static final String ACCOUNT_FIELDS = "ID,Code,Name,Email,VATNumber,Status";

  private final ExactClient client;

  ExactAccountingSystem(ExactClient client) {
    this.client = client;
  }

  @Override
  public String division(UUID integrationId) {
    return client.division(integrationId);
  }

  @Override
  public List<Account> findAccountsByEmail(
      UUID integrationId, String division, Collection<String> emails) {
    List<String> clauses = new ArrayList<>();
    emails.forEach(e -> clauses.add(ODataFilter.eq("Email", e)));
    return client
        .getIn(
            integrationId,
            division,
            "crm/Accounts",
            query(String.join(" or ", clauses), ACCOUNT_FIELDS, PAGE),
            PAGE)
        .stream()
        .map(ExactAccountingSystem::account)
        .toList();
  }

  @Override
  public Optional<Account> findAccount(UUID integrationId, String division, UUID id) {
    // a query, not a GET by key: an unknown key would answer 404 and count as an error at Exact
    return client
        .getIn(
            integrationId,
            division,
            "crm/Accounts",
            query(ODataFilter.eq("ID", id), ACCOUNT_FIELDS, 1),
            1)
        .stream()
        .findFirst()
        .map(ExactAccountingSystem::account);
  }

  @Override
  public Optional<Account> findAccountByCode(UUID integrationId, String division, String code) {
    // Exact keeps account codes right-aligned in 18 characters
    String padded = String.format("%18s", code.trim());
    return client
        .getIn(
            integrationId,
            division,
            "crm/Accounts",
            query(ODataFilter.eq("Code", padded), ACCOUNT_FIELDS, 1),
            1)
        .stream()
        .findFirst()
        .map(ExactAccountingSystem::account);
  }

  @Override
  public List<Account> searchCustomers(
      UUID integrationId, String division, String nameContains, int max) {
    int top = Math.max(1, Math.min(max, PAGE));
    String filter =
        "Status eq 'C'"
            + (nameContains == null || nameContains.isBlank()
                ? ""
                : " and substringof(" + ODataFilter.quote(nameContains.trim()) + ",Name) eq true");
    return client
        .getIn(
            integrationId,
            division,
            "crm/Accounts",
            query(filter, ACCOUNT_FIELDS, top) + "&$orderby=Name",
            top)
        .stream()
        .map(ExactAccountingSystem::account)
        .toList();
  }

  @Override
  public Account createAccount(UUID integrationId, String division, NewCustomer c) {
    JsonNode created =
        client.post(
            integrationId,
            division,
            "crm/Accounts",
            new ExactRecords.Account(
                c.name(),
                "C",
                c.email(),
                c.phone(),
                c.addressLine(),
                c.postcode(),
                c.city(),
                c.country(),
                c.language(),
                c.vatNumber(),
                c.chamberOfCommerce(),
                c.paymentCondition()),
            "customer");
    Account a = account(created);
    // an answer without the fields Koppel sent (no Prefer honoured) still names the record
    return new Account(
        a.id(),
        a.code(),
        a.name() == null ? c.name() : a.name(),
        a.email() == null ? c.email() : a.email(),
        a.vatNumber() == null ? c.vatNumber() : a.vatNumber(),
        true);
  }

  @Override
  public List<Item> findItems(
      UUID integrationId, String division, Collection<String> codes, Collection<String> barcodes) {
    List<String> clauses = new ArrayList<>();
    codes.forEach(c -> clauses.add(ODataFilter.eq("Code", c)));
    barcodes.forEach(b -> clauses.add(ODataFilter.eq("Barcode", b)));
    if (clauses.isEmpty()) {
      return List.of();
    }
    return client
        .getIn(
            integrationId,
            division,
            "logistics/Items",
            "$filter="
                + ODataFilter.encode(String.join(" or ", clauses))
                + "&$select=ID,Code,Barcode",
            Integer.MAX_VALUE)
        .stream()
        .map(r -> new Item(uuid(r, "ID"), text(r, "Code"), text(r, "Barcode")))
        .toList();
  }

  @Override
  public Item createItem(UUID integrationId, String division, NewItem item) {
    JsonNode created =
        client.post(
            integrationId,
            division,
            "logistics/Items",
            new ExactRecords.Item(
                item.code(),
                item.description(),
                item.barcode(),
                true,
                item.stockItem(),
                item.salesVatCode()),
            "product " + item.code());
    String code = text(created, "Code");
    return new Item(uuid(created, "ID"), code == null ? item.code() : code, item.barcode());
  }

  @Override
  public List<Address> findDeliveryAddresses(UUID integrationId, String division, UUID accountId) {
    return client
        .getIn(
            integrationId,
            division,
            "crm/Addresses",
            "$filter="
                + ODataFilter.encode(
                    ODataFilter.eq("Account", accountId) + " and Type eq " + DELIVERY_ADDRESS)
                + "&$select=ID,Account,AddressLine1,Postcode,City,Country",
            Integer.MAX_VALUE)
        .stream()
        .map(ExactAccountingSystem::address)
        .toList();
  }

  @Override
  public Address createDeliveryAddress(UUID integrationId, String division, Address a) {
    JsonNode created =
        client.post(
            integrationId,
            division,
            "crm/Addresses",
            new ExactRecords.Address(
                a.accountId(), DELIVERY_ADDRESS, a.line1(), a.postcode(), a.city(), a.country()),
            "delivery address");
    return new Address(
        uuid(created, "ID"), a.accountId(), a.line1(), a.postcode(), a.city(), a.country());
  }

  @Override
  public List<FoundDocument> findDocuments(
      UUID integrationId, String division, BookingMode mode, String yourRef) {
    Endpoint e = Endpoint.of(mode);
    return client
        .getIn(
            integrationId,
            division,
            e.path,
            query(
                ODataFilter.eq("YourRef", yourRef),
                e.key + "," + e.number + ",YourRef," + e.customer + ",AmountFC",
                PAGE),
            PAGE)
        .stream()
        .map(
            r ->
                new FoundDocument(
                    mode,
                    uuid(r, e.key),
                    text(r, e.number),
                    text(r, "YourRef"),
                    uuid(r, e.customer),
                    decimal(r, "AmountFC")))
        .toList();
  }

  @Override
  public CreatedDocument createDocument(UUID integrationId, String division, DocumentDraft draft) {
    Endpoint e = Endpoint.of(draft.mode());
    JsonNode created =
        client.post(integrationId, division, e.path, body(draft), draft.mode().documentType());
    return new CreatedDocument(
        new BookedDocument(draft.mode(), uuid(created, e.key), text(created, e.number)),
        decimal(created, "AmountFC"),
        decimal(created, "AmountFCExclVat"),
        decimal(created, "VATAmountFC"));
  }

  @Override
  public void deleteDocument(UUID integrationId, String division, BookingMode mode, UUID id) {
    client.delete(integrationId, division, Endpoint.of(mode).path, id, mode.documentType());
  }

  private static Object body(DocumentDraft d) {
    String date = d.date() == null ? null : d.date() + "T00:00:00";
    return switch (d.mode()) {
      case SALES_INVOICE ->
          new ExactRecords.SalesInvoice(
              d.customerId(),
              d.customerId(),
              d.journal(),
              d.directInvoice() ? DIRECT_SALES_INVOICE : SALES_INVOICE,
              date,
              d.description(),
              d.yourRef(),
              d.paymentReference(),
              d.remarks(),
              d.currency(),
              d.warehouseId(),
              d.deliveryAddressId(),
              d.lines().stream()
                  .map(
                      l ->
                          new ExactRecords.SalesInvoiceLine(
                              l.description(),
                              l.itemId(),
                              l.quantity(),
                              l.unitPrice(),
                              l.vatCode(),
                              l.vatAmount(),
                              l.glAccount()))
                  .toList());
      case SALES_ORDER ->
          new ExactRecords.SalesOrder(
              d.customerId(),
              date,
              d.description(),
              d.yourRef(),
              d.paymentReference(),
              d.remarks(),
              d.currency(),
              d.warehouseId(),
              d.deliveryAddressId(),
              d.lines().stream()
                  .map(
                      l ->
                          new ExactRecords.SalesOrderLine(
                              l.description(),
                              l.itemId(),
                              l.quantity(),
                              l.unitPrice(),
                              l.vatCode(),
                              l.vatAmount()))
                  .toList());
      case SALES_ENTRY ->
          new ExactRecords.SalesEntry(
              d.customerId(),
              d.journal(),
              date,
              d.description(),
              d.yourRef(),
              d.paymentReference(),
              d.currency(),
              d.lines().stream()
                  .map(
                      l ->
                          new ExactRecords.SalesEntryLine(
                              l.description(),
                              l.amount(),
                              l.vatAmount(),
                              l.vatCode(),
                              l.glAccount()))
                  .toList());
    };
  }

  private static String query(String filter, String select, int top) {
    return "$filter=" + ODataFilter.encode(filter) + "&$select=" + select + "&$top=" + top;
  }

  static Account account(JsonNode r) {
    return new Account(
        uuid(r, "ID"),
        text(r, "Code"),
        text(r, "Name"),
        text(r, "Email"),
        text(r, "VATNumber"),
        "C".equals(text(r, "Status")));
  }

  private static Address address(JsonNode r) {
    return new Address(
        uuid(r, "ID"),
        uuid(r, "Account"),
        text(r, "AddressLine1"),
        text(r, "Postcode"),
        text(r, "City"),
        text(r, "Country"));
  }

  static UUID uuid(JsonNode node, String field) {
    String value = text(node, field);
    return value == null || value.isBlank() ? null : UUID.fromString(value);
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (v.isNull() || v.isMissingNode()) {
      return null;
    }
    try {
      return new BigDecimal(v.asString().trim()).setScale(2, java.math.RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (v.isNull() || v.isMissingNode() || v.isObject() || v.isArray()) {
      return null;
    }
    return v.isNumber() ? new BigDecimal(v.asString()).toPlainString() : v.asString().trim();
  }

  /** Where each document type lives, its key, number and debtor fields. */
  private record Endpoint(String path, String key, String number, String customer) {
    static Endpoint of(BookingMode mode) {
      return switch (mode) {
        case SALES_INVOICE ->
            new Endpoint("salesinvoice/SalesInvoices", "InvoiceID", "InvoiceNumber", "InvoiceTo");
        case SALES_ORDER ->
            new Endpoint("salesorder/SalesOrders", "OrderID", "OrderNumber", "OrderedBy");
        case SALES_ENTRY ->
            new Endpoint("salesentry/SalesEntries", "EntryID", "EntryNumber", "Customer");
      };
    }
  }
}

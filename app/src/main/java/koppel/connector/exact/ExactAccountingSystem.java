package koppel.connector.exact;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import koppel.order.domain.BookingMode;
import koppel.order.port.AccountingRef;
import koppel.order.port.AccountingSystem;
import koppel.order.port.BookedDocument;
import koppel.order.port.DocumentDraft;
import koppel.order.port.NewCustomer;
import koppel.order.port.NewItem;
import tools.jackson.databind.JsonNode;

/** The accounting port, implemented on Exact Online's REST API. */
public class ExactAccountingSystem implements AccountingSystem {

  private static final int DIRECT_SALES_INVOICE = 8023;
  private static final int SALES_INVOICE = 8020;

  private final ExactClient client;

  ExactAccountingSystem(ExactClient client) {
    this.client = client;
  }

  @Override
  public Optional<AccountingRef> findCustomerByEmail(UUID integrationId, String email) {
    return first(
        client.get(
            integrationId,
            "crm/Accounts",
            query(ODataFilter.eq("Email", email), "ID,Code,Status"),
            1),
        "ID",
        "Code");
  }

  @Override
  public AccountingRef createCustomer(UUID integrationId, NewCustomer c) {
    JsonNode created =
        client.post(
            integrationId,
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
    return new AccountingRef(uuid(created, "ID"), text(created, "Code"));
  }

  @Override
  public Optional<AccountingRef> findItemByCode(UUID integrationId, String code) {
    return first(
        client.get(
            integrationId, "logistics/Items", query(ODataFilter.eq("Code", code), "ID,Code"), 1),
        "ID",
        "Code");
  }

  @Override
  public AccountingRef createItem(UUID integrationId, NewItem item) {
    JsonNode created =
        client.post(
            integrationId,
            "logistics/Items",
            new ExactRecords.Item(
                item.code(), item.description(), true, item.stockItem(), item.salesVatCode()),
            "product " + item.code());
    return new AccountingRef(uuid(created, "ID"), text(created, "Code"));
  }

  @Override
  public Optional<BookedDocument> findDocument(
      UUID integrationId, BookingMode mode, String yourRef) {
    Endpoint e = Endpoint.of(mode);
    List<JsonNode> rows =
        client.get(
            integrationId,
            e.path,
            query(ODataFilter.eq("YourRef", yourRef), e.key + "," + e.number),
            1);
    return rows.stream()
        .findFirst()
        .map(row -> new BookedDocument(mode, uuid(row, e.key), text(row, e.number)));
  }

  @Override
  public BookedDocument createDocument(UUID integrationId, DocumentDraft draft) {
    Endpoint e = Endpoint.of(draft.mode());
    JsonNode created = client.post(integrationId, e.path, body(draft), draft.mode().documentType());
    return new BookedDocument(draft.mode(), uuid(created, e.key), text(created, e.number));
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
                              l.vatCode()))
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
                              l.quantity(),
                              l.amountExcl(),
                              l.vatAmount(),
                              l.vatCode(),
                              l.glAccount()))
                  .toList());
    };
  }

  private static String query(String filter, String select) {
    return "$filter=" + ODataFilter.encode(filter) + "&$select=" + select + "&$top=1";
  }

  private static Optional<AccountingRef> first(List<JsonNode> rows, String id, String code) {
    return rows.stream().findFirst().map(r -> new AccountingRef(uuid(r, id), text(r, code)));
  }

  private static UUID uuid(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? null : UUID.fromString(value);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (v.isNull() || v.isMissingNode()) {
      return null;
    }
    return v.isNumber() ? new BigDecimal(v.asString()).toPlainString() : v.asString().trim();
  }

  /** Where each document type lives and what its key and number fields are called. */
  private record Endpoint(String path, String key, String number) {
    static Endpoint of(BookingMode mode) {
      return switch (mode) {
        case SALES_INVOICE ->
            new Endpoint("salesinvoice/SalesInvoices", "InvoiceID", "InvoiceNumber");
        case SALES_ORDER -> new Endpoint("salesorder/SalesOrders", "OrderID", "OrderNumber");
        case SALES_ENTRY -> new Endpoint("salesentry/SalesEntries", "EntryID", "EntryNumber");
      };
    }
  }
}

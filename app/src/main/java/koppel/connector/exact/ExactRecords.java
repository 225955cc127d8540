package koppel.connector.exact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What Koppel POSTs to Exact, named exactly like Exact's entities and fields. Null fields are left
 * out of the JSON; unknown property names would be refused by Exact with a 400.
 */
final class ExactRecords {

  private ExactRecords() {}

  /** crm/Accounts. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Account(
      @JsonProperty("Name") String name,
      @JsonProperty("Status") String status,
      @JsonProperty("Email") String email,
      @JsonProperty("Phone") String phone,
      @JsonProperty("AddressLine1") String addressLine1,
      @JsonProperty("Postcode") String postcode,
      @JsonProperty("City") String city,
      @JsonProperty("Country") String country,
      @JsonProperty("Language") String language,
      @JsonProperty("VATNumber") String vatNumber,
      @JsonProperty("ChamberOfCommerce") String chamberOfCommerce,
      @JsonProperty("PaymentConditionSales") String paymentConditionSales) {}

  /** logistics/Items. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Item(
      @JsonProperty("Code") String code,
      @JsonProperty("Description") String description,
      @JsonProperty("Barcode") String barcode,
      @JsonProperty("IsSalesItem") Boolean isSalesItem,
      @JsonProperty("IsStockItem") Boolean isStockItem,
      @JsonProperty("SalesVatCode") String salesVatCode) {}

  /** crm/Addresses (type 4 = delivery). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Address(
      @JsonProperty("Account") UUID account,
      @JsonProperty("Type") Integer type,
      @JsonProperty("AddressLine1") String addressLine1,
      @JsonProperty("Postcode") String postcode,
      @JsonProperty("City") String city,
      @JsonProperty("Country") String country) {}

  /** salesinvoice/SalesInvoices, lines inline. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SalesInvoice(
      @JsonProperty("OrderedBy") UUID orderedBy,
      @JsonProperty("InvoiceTo") UUID invoiceTo,
      @JsonProperty("Journal") String journal,
      @JsonProperty("Type") Integer type,
      @JsonProperty("OrderDate") String orderDate,
      @JsonProperty("Description") String description,
      @JsonProperty("YourRef") String yourRef,
      @JsonProperty("PaymentReference") String paymentReference,
      @JsonProperty("Remarks") String remarks,
      @JsonProperty("Currency") String currency,
      @JsonProperty("Warehouse") UUID warehouse,
      @JsonProperty("DeliverToAddress") UUID deliverToAddress,
      @JsonProperty("SalesInvoiceLines") List<SalesInvoiceLine> salesInvoiceLines) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SalesInvoiceLine(
      @JsonProperty("Description") String description,
      @JsonProperty("Item") UUID item,
      @JsonProperty("Quantity") BigDecimal quantity,
      @JsonProperty("UnitPrice") BigDecimal unitPrice,
      @JsonProperty("VATCode") String vatCode,
      @JsonProperty("VATAmountFC") BigDecimal vatAmountFc,
      @JsonProperty("GLAccount") UUID glAccount) {}

  /** salesorder/SalesOrders, lines inline. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SalesOrder(
      @JsonProperty("OrderedBy") UUID orderedBy,
      @JsonProperty("OrderDate") String orderDate,
      @JsonProperty("Description") String description,
      @JsonProperty("YourRef") String yourRef,
      @JsonProperty("PaymentReference") String paymentReference,
      @JsonProperty("Remarks") String remarks,
      @JsonProperty("Currency") String currency,
      @JsonProperty("WarehouseID") UUID warehouseId,
      @JsonProperty("DeliveryAddress") UUID deliveryAddress,
      @JsonProperty("SalesOrderLines") List<SalesOrderLine> salesOrderLines) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SalesOrderLine(
      @JsonProperty("Description") String description,
      @JsonProperty("Item") UUID item,
      @JsonProperty("Quantity") BigDecimal quantity,
      @JsonProperty("UnitPrice") BigDecimal unitPrice,
      @JsonProperty("VATCode") String vatCode,
      // the VAT amount field of a sales order line is VATAmount (not VATAmountFC, as on invoices)
      @JsonProperty("VATAmount") BigDecimal vatAmount) {}

  /** salesentry/SalesEntries, lines inline. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SalesEntry(
      @JsonProperty("Customer") UUID customer,
      @JsonProperty("Journal") String journal,
      @JsonProperty("EntryDate") String entryDate,
      @JsonProperty("Description") String description,
      @JsonProperty("YourRef") String yourRef,
      @JsonProperty("PaymentReference") String paymentReference,
      @JsonProperty("Currency") String currency,
      @JsonProperty("SalesEntryLines") List<SalesEntryLine> salesEntryLines) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SalesEntryLine(
      @JsonProperty("Description") String description,
      @JsonProperty("AmountFC") BigDecimal amountFc,
      @JsonProperty("VATAmountFC") BigDecimal vatAmountFc,
      @JsonProperty("VATCode") String vatCode,
      @JsonProperty("GLAccount") UUID glAccount) {}
}

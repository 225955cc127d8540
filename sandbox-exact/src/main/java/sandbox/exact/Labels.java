package sandbox.exact;

import java.util.Map;

/** The Dutch field captions Exact uses in its validation messages ("Verplicht: Factuur voor"). */
final class Labels {

  private static final Map<String, String> DUTCH =
      Map.ofEntries(
          Map.entry("OrderedBy", "Besteld door"),
          Map.entry("InvoiceTo", "Factuur voor"),
          Map.entry("DeliverTo", "Leveren aan"),
          Map.entry("Journal", "Dagboek"),
          Map.entry("Customer", "Klant"),
          Map.entry("Item", "Artikel"),
          Map.entry("GLAccount", "Grootboekrekening"),
          Map.entry("Name", "Naam"),
          Map.entry("Code", "Code"),
          Map.entry("Description", "Omschrijving"),
          Map.entry("AmountFC", "Bedrag"),
          Map.entry("VATCode", "Btw-code"),
          Map.entry("SalesInvoiceLines", "Factuurregels"),
          Map.entry("SalesOrderLines", "Orderregels"),
          Map.entry("SalesEntryLines", "Boekingsregels"),
          Map.entry("PaymentCondition", "Betalingsconditie"),
          Map.entry("PaymentConditionSales", "Betalingsconditie"),
          Map.entry("Warehouse", "Magazijn"),
          Map.entry("WarehouseID", "Magazijn"),
          Map.entry("Account", "Relatie"),
          Map.entry("DeliveryAddress", "Afleveradres"),
          Map.entry("SalesVatCode", "Btw-code"),
          Map.entry("SalesVATCode", "Btw-code"),
          Map.entry("GLRevenue", "Grootboekrekening omzet"));

  private Labels() {}

  static String of(String field) {
    return DUTCH.getOrDefault(field, field);
  }
}

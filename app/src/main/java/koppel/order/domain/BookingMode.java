package koppel.order.domain;

/** What an order becomes in Exact Online; always a draft. */
public enum BookingMode {
  SALES_ORDER("SalesOrder"),
  SALES_INVOICE("SalesInvoice"),
  SALES_ENTRY("SalesEntry");

  private final String documentType;

  BookingMode(String documentType) {
    this.documentType = documentType;
  }

  /** The Exact entity name, as shown on the Report tab. */
  public String documentType() {
    return documentType;
  }
}

package koppel.order.port;

/** A product to create; {@code salesVatCode} follows the VAT rate of the sales line. */
public record NewItem(String code, String description, String salesVatCode, boolean stockItem) {}

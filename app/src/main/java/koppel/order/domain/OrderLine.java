package koppel.order.domain;

import java.math.BigDecimal;

/**
 * One product line of a shop order. Unit prices are before the line discount; totals are after it.
 * Quantities can be fractional (1.5 metres).
 */
public record OrderLine(
    long id,
    Long productId,
    String sku,
    String ean,
    String name,
    String variant,
    BigDecimal quantity,
    BigDecimal unitPriceExcl,
    BigDecimal unitPriceIncl,
    BigDecimal discountExcl,
    BigDecimal discountIncl,
    BigDecimal vatRate,
    BigDecimal totalExcl,
    BigDecimal totalVat,
    BigDecimal totalIncl) {

  /** The description an accountant sees on the document line. */
  public String description() {
    if (variant == null || variant.isBlank()) {
      return name;
    }
    return name + " - " + variant;
  }
}

package koppel.integration;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One row of the VAT configuration: a shop VAT rate for a destination → an Exact VAT code and
 * revenue GL account. ICP and international rows have no country and rate 0. A row the merchant
 * started but has no VAT code yet ({@code vatCode} null) is kept for the Configuration tab and
 * books nothing.
 */
public record VatMapping(
    Kind kind, String country, BigDecimal rate, String vatCode, UUID glAccount) {

  public enum Kind {
    COUNTRY,
    ICP,
    INTERNATIONAL
  }

  /** True when the row names an Exact VAT code, so orders can be booked with it. */
  public boolean configured() {
    return vatCode != null && !vatCode.isBlank();
  }
}

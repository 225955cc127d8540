package koppel.integration;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One row of the VAT configuration: a shop VAT rate for a destination → an Exact VAT code and
 * revenue GL account. ICP and international rows have no country and rate 0.
 */
public record VatMapping(
    Kind kind, String country, BigDecimal rate, String vatCode, UUID glAccount) {

  public enum Kind {
    COUNTRY,
    ICP,
    INTERNATIONAL
  }
}

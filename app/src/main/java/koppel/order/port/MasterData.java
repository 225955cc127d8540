package koppel.order.port;

import java.math.BigDecimal;
import java.util.UUID;

/** The accounting system's master data the configuration screens offer, in plain terms. */
public final class MasterData {

  private MasterData() {}

  /**
   * A VAT code. {@code type}: I = prices include VAT, E = exclude, B = 0 % (base only), N = none.
   * {@code percentage} in percent (21, 5.5).
   */
  public record VatCode(
      String code,
      String description,
      String type,
      BigDecimal percentage,
      String ossCountry,
      boolean icp,
      boolean blocked) {}

  public record GlAccount(UUID id, String code, String description) {}

  /** A journal; type 20 = sales, 10 = cash, 12 = bank. */
  public record Journal(String code, String description, int type) {}

  public record PaymentCondition(String code, String description, int days) {}

  public record Warehouse(UUID id, String code, String description, boolean main) {}

  public record Division(int code, String description, String country) {}
}

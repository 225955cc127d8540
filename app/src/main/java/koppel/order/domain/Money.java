package koppel.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money arithmetic rules in one place: cents, half-up, as Belgian and Dutch invoices round. */
public final class Money {

  public static final int CENTS = 2;
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  private Money() {}

  public static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(CENTS, ROUNDING);
  }

  public static BigDecimal orZero(BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO : amount;
  }

  /** Equal as amounts, whatever their scale (12.1 equals 12.1000). */
  public static boolean same(BigDecimal a, BigDecimal b) {
    return orZero(a).compareTo(orZero(b)) == 0;
  }
}

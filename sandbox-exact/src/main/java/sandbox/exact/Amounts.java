package sandbox.exact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The amounts of a document's lines: excl. VAT, VAT and incl. VAT per line, from the line amount,
 * the VAT code's type and rate and an explicit VAT amount, with the VAT rounding knob. Pure; money
 * in BigDecimal, rounded to cents with exact ties (no double rounding).
 */
final class Amounts {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private Amounts() {}

  /**
   * One line to compute.
   *
   * @param vatCode the VAT code (groups lines for {@link Behaviour.VatRounding#DOCUMENT}); null
   *     when the line has none
   * @param type the VAT code's type: E, I, B, N (null: no VAT code)
   * @param rate the VAT rate as a fraction (0.21)
   * @param amount the line amount in cents: incl. VAT when {@code includesVat}, else excl.
   * @param includesVat whether {@code amount} includes VAT (an I code read as inclusive)
   * @param explicitVat the VAT amount the request gave for the line, or null
   */
  record Line(
      String vatCode,
      String type,
      BigDecimal rate,
      BigDecimal amount,
      boolean includesVat,
      BigDecimal explicitVat) {

    /** B (0 %) and N (no VAT) codes carry no VAT; a line without a code only what it states. */
    boolean noVat() {
      return type == null || "B".equals(type) || "N".equals(type);
    }
  }

  /** The figures of one line. */
  record Result(BigDecimal excl, BigDecimal vat, BigDecimal incl) {}

  /** The figures of every line, in order. */
  static List<Result> compute(List<Line> lines, Behaviour.VatRounding rounding) {
    BigDecimal[] vat = new BigDecimal[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (l.type() == null) {
        vat[i] = l.explicitVat() == null ? ZERO : cents(l.explicitVat(), RoundingMode.HALF_UP);
      } else if (l.noVat()) {
        vat[i] = ZERO;
      } else if (l.explicitVat() != null) {
        vat[i] = cents(l.explicitVat(), RoundingMode.HALF_UP);
      } else {
        RoundingMode mode =
            rounding == Behaviour.VatRounding.LINE_HALF_EVEN
                ? RoundingMode.HALF_EVEN
                : RoundingMode.HALF_UP;
        vat[i] = lineVat(l, mode);
      }
    }
    if (rounding == Behaviour.VatRounding.DOCUMENT) {
      perCode(lines, vat);
    }
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      BigDecimal amount = cents(l.amount(), RoundingMode.HALF_UP);
      out.add(
          l.includesVat() && l.type() != null
              ? new Result(amount.subtract(vat[i]), vat[i], amount)
              : new Result(amount, vat[i], amount.add(vat[i])));
    }
    return out;
  }

  /** VAT of one line: excl × rate rounded, or incl − round(incl / (1 + rate)). */
  private static BigDecimal lineVat(Line l, RoundingMode mode) {
    BigDecimal amount = cents(l.amount(), RoundingMode.HALF_UP);
    if (l.includesVat()) {
      return amount.subtract(amount.divide(BigDecimal.ONE.add(l.rate()), 2, mode));
    }
    return cents(amount.multiply(l.rate()), mode);
  }

  /**
   * Per VAT code, over the lines without an explicit VAT amount: the VAT of the code's total,
   * rounded once half-up; the difference with the lines' own (half-up) VAT goes on the code's
   * largest line, so the lines add up to the code's VAT.
   */
  private static void perCode(List<Line> lines, BigDecimal[] vat) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (l.noVat() || l.explicitVat() != null) {
        continue;
      }
      String key = l.vatCode() + "|" + l.includesVat() + "|" + l.rate().stripTrailingZeros();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> group : groups.values()) {
      Line first = lines.get(group.get(0));
      BigDecimal total = ZERO;
      BigDecimal sumOfLines = ZERO;
      int largest = group.get(0);
      for (int i : group) {
        BigDecimal amount = cents(lines.get(i).amount(), RoundingMode.HALF_UP);
        total = total.add(amount);
        sumOfLines = sumOfLines.add(vat[i]);
        if (amount.abs().compareTo(cents(lines.get(largest).amount(), RoundingMode.HALF_UP).abs())
            > 0) {
          largest = i;
        }
      }
      BigDecimal codeVat =
          first.includesVat()
              ? total.subtract(
                  total.divide(BigDecimal.ONE.add(first.rate()), 2, RoundingMode.HALF_UP))
              : cents(total.multiply(first.rate()), RoundingMode.HALF_UP);
      vat[largest] = vat[largest].add(codeVat.subtract(sumOfLines));
    }
  }

  static BigDecimal cents(BigDecimal v, RoundingMode mode) {
    return v.setScale(2, mode);
  }
}

package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountsTest {

  private static final BigDecimal RATE = new BigDecimal("0.21");

  private static Amounts.Line excl(String amount) {
    return new Amounts.Line("1", "E", RATE, new BigDecimal(amount), false, null);
  }

  private static Amounts.Line incl(String amount) {
    return new Amounts.Line("2", "I", RATE, new BigDecimal(amount), true, null);
  }

  @Test
  void creditLinesRoundSymmetrically() {
    List<Amounts.Result> up =
        Amounts.compute(List.of(excl("-0.50"), incl("-1.00")), Behaviour.VatRounding.LINE_HALF_UP);
    assertThat(up.get(0).vat()).isEqualByComparingTo("-0.11");
    assertThat(up.get(1).vat()).isEqualByComparingTo("-0.17");
    assertThat(up.get(1).excl()).isEqualByComparingTo("-0.83");

    List<Amounts.Result> even =
        Amounts.compute(List.of(excl("-0.50")), Behaviour.VatRounding.LINE_HALF_EVEN);
    assertThat(even.get(0).vat()).isEqualByComparingTo("-0.10");
  }

  @Test
  void documentRoundingPutsTheDifferenceOnTheLargestLineByAmount() {
    // 0.50 + 0.50 − 2.50 = −1.50 → −0.315 → −0.32; lines 0.11 + 0.11 − 0.53 = −0.31
    List<Amounts.Result> r =
        Amounts.compute(
            List.of(excl("0.50"), excl("0.50"), excl("-2.50")), Behaviour.VatRounding.DOCUMENT);
    assertThat(r.get(2).vat()).isEqualByComparingTo("-0.54");
    assertThat(r.get(0).vat().add(r.get(1).vat()).add(r.get(2).vat()))
        .isEqualByComparingTo("-0.32");
  }

  @Test
  void explicitVatAndNoVatCodes() {
    List<Amounts.Result> r =
        Amounts.compute(
            List.of(
                new Amounts.Line(
                    "2", "I", RATE, new BigDecimal("12.10"), true, new BigDecimal("2")),
                new Amounts.Line("0", "N", BigDecimal.ZERO, new BigDecimal("5"), false, null),
                new Amounts.Line(
                    null,
                    null,
                    BigDecimal.ZERO,
                    new BigDecimal("5"),
                    false,
                    new BigDecimal("1.005"))),
            Behaviour.VatRounding.DOCUMENT);
    assertThat(r.get(0).excl()).isEqualByComparingTo("10.10");
    assertThat(r.get(0).incl()).isEqualByComparingTo("12.10");
    assertThat(r.get(1).vat()).isEqualByComparingTo("0");
    assertThat(r.get(1).incl()).isEqualByComparingTo("5.00");
    assertThat(r.get(2).vat()).as("no code: what the line states").isEqualByComparingTo("1.01");
  }
}

package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The check-digit algorithms of eu-vat.md §5, proven on the published examples eu-vat.md §6 names
 * (its other vectors are referenced there, not copied here); then the generator: every number it
 * makes validates, also when typed messily, and a number with a broken check digit does not.
 */
class VatNumbersTest {

  @Test
  void theExamplesEuVatMdNames() {
    assertThat(VatNumbers.isValid("DE136695976")).isTrue();
    assertThat(VatNumbers.isValid("ATU13585627")).isTrue();
    assertThat(VatNumbers.isValid("NL002455799B11")).isTrue(); // the mod 97 variant (since 2020)
    assertThat(VatNumbers.isValid("HR 33392005961")).isTrue();
    assertThat(VatNumbers.isValid("NL4495445B01")).isTrue();
  }

  @Test
  void aNumberWithoutPrefixTakesTheBuyersCountry() {
    assertThat(VatNumbers.compact("be 0123.456.749", null)).isEqualTo("BE0123456749");
    assertThat(VatNumbers.isValid("0123.456.749", "BE")).isTrue();
    assertThat(VatNumbers.isValid("094259216", "GR")).isTrue();
    assertThat(VatNumbers.isValid("0123.456.749", null)).isFalse();
  }

  @Test
  void generatedNumbersValidateAndBrokenOnesDoNot() {
    Random r = new Random(42);
    for (String prefix : VatNumbers.PREFIXES) {
      String country = VatNumbers.country(prefix);
      for (int i = 0; i < 300; i++) {
        String n = VatNumbers.generate(country, r);
        assertThat(n).startsWith(prefix);
        assertThat(VatNumbers.isValid(n)).as(n).isTrue();
        String messy = VatNumbers.messy(n, r, true);
        assertThat(VatNumbers.isValid(messy, country)).as(messy).isTrue();
        String broken = VatNumbers.breakCheckDigit(n, r);
        assertThat(VatNumbers.compact(broken, null)).hasSameSizeAs(n);
        assertThat(VatNumbers.isValid(broken)).as(broken).isFalse();
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameNumbers() {
    assertThat(VatNumbers.generate("FR", new Random(7)))
        .isEqualTo(VatNumbers.generate("FR", new Random(7)));
  }
}

package koppel.vat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VatPrefixTest {

  @Test
  void listsTheMemberStatesAndNorthernIreland() {
    assertThat(VatPrefix.all())
        .hasSize(28)
        .isSorted()
        .doesNotHaveDuplicates()
        .contains("AT", "BE", "EL", "XI", "SK")
        .doesNotContain("GR", "GB", "EU");
  }

  @ParameterizedTest
  @CsvSource({"GR, EL", "gr, EL", " GR , EL", "EL, EL", "BE, BE", "de, DE", "XI, XI"})
  void forCountry(String iso, String prefix) {
    assertThat(VatPrefix.forCountry(iso)).contains(prefix);
  }

  @Test
  void noPrefixForGreatBritainOrNonMembers() {
    assertThat(VatPrefix.forCountry("GB")).isEmpty();
    assertThat(VatPrefix.forCountry("UK")).isEmpty();
    assertThat(VatPrefix.forCountry("CH")).isEmpty();
    assertThat(VatPrefix.forCountry("")).isEmpty();
    assertThat(VatPrefix.forCountry(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"EL, GR", "el, GR", "XI, GB", "BE, BE", "SE, SE"})
  void countryOf(String prefix, String iso) {
    assertThat(VatPrefix.countryOf(prefix)).contains(iso);
  }

  @Test
  void noCountryForWhatIsNoPrefix() {
    assertThat(VatPrefix.countryOf("GR")).isEmpty();
    assertThat(VatPrefix.countryOf("GB")).isEmpty();
    assertThat(VatPrefix.countryOf(null)).isEmpty();
  }

  @Test
  void roundTripForMemberStates() {
    for (String prefix : VatPrefix.all()) {
      if (!prefix.equals(VatPrefix.NORTHERN_IRELAND)) {
        String iso = VatPrefix.countryOf(prefix).orElseThrow();
        assertThat(VatPrefix.forCountry(iso)).as(prefix).contains(prefix);
      }
    }
  }

  @Test
  void isVatPrefix() {
    assertThat(VatPrefix.isVatPrefix("el")).isTrue();
    assertThat(VatPrefix.isVatPrefix("XI")).isTrue();
    assertThat(VatPrefix.isVatPrefix("GR")).isFalse();
    assertThat(VatPrefix.isVatPrefix("GB")).isFalse();
    assertThat(VatPrefix.isVatPrefix(null)).isFalse();
  }

  @Test
  void names() {
    assertThat(VatPrefix.nameOf("EL")).contains("Greece");
    assertThat(VatPrefix.nameOf("XI")).contains("Northern Ireland");
    assertThat(VatPrefix.nameOf("NL")).contains("the Netherlands");
    assertThat(VatPrefix.nameOf("GB")).isEmpty();
    for (String prefix : VatPrefix.all()) {
      assertThat(VatPrefix.nameOf(prefix)).as(prefix).isPresent();
    }
  }
}

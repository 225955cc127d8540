package koppel.vat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountriesAndTerritoriesTest {

  private static final Territories TERRITORIES = Territories.bundled();

  @Test
  void northernIrelandIsAPlaceButElIsNot() {
    assertThat(EuCountries.isKnown("XI")).isTrue();
    assertThat(EuCountries.isKnown("ZZ")).isFalse();
    assertThat(EuCountries.isKnown("EL")).as("EL is a VAT prefix, not a country").isFalse();
  }

  @Test
  void membershipByDate() {
    assertThat(EuCountries.isMember("HR", LocalDate.of(2013, 6, 30))).isFalse();
    assertThat(EuCountries.isMember("HR", LocalDate.of(2013, 7, 1))).isTrue();
    assertThat(EuCountries.isMember("GB", LocalDate.of(2020, 12, 31))).isTrue();
    assertThat(EuCountries.isMember("GB", LocalDate.of(2021, 1, 1))).isFalse();
    assertThat(EuCountries.isMember("XI", LocalDate.of(2021, 1, 1))).isTrue();
    assertThat(EuCountries.isMember("CH", LocalDate.of(2026, 1, 1))).isFalse();
    assertThat(EuCountries.members()).hasSize(27);
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
    "ES, 35001, EXPORT",
    "ES, 38400, EXPORT",
    "ES, 51001, EXPORT",
    "ES, 28001, ES",
    "FI, 22100, EXPORT",
    "FI, 00100, FI",
    "DE, 78266, EXPORT",
    "DE, 27498, EXPORT",
    "DE, 10115, DE",
    "IT, 23041, EXPORT",
    "FR, 97400, EXPORT",
    "FR, 75001, FR",
    "GR, 63086, EXPORT",
    "MC, 98000, FR",
    "GB, BT1 1AA, XI",
    "GB, SW1A 1AA, GB",
    "NL, 1012 AB, NL"
  })
  void territoriesDecideTheVatArea(String country, String postcode, String area) {
    assertThat(TERRITORIES.placeOf(country, postcode).vatArea()).isEqualTo(area);
  }
}

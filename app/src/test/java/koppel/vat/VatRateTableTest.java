package koppel.vat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rate table pins every member state's rates today and across each dated change. */
class VatRateTableTest {

  private static final VatRateTable TABLE = VatRateTable.bundled();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  private static List<BigDecimal> rates(String list) {
    return list.isBlank()
        ? List.of()
        : Arrays.stream(list.split(" ")).map(BigDecimal::new).toList();
  }

  private static void assertRates(String country, LocalDate date, String standard, String reduced) {
    VatRateTable.CountryRates r = TABLE.ratesOn(country, date).orElseThrow();
    assertThat(r.standard()).as("%s standard on %s", country, date).isEqualByComparingTo(standard);
    assertThat(r.reduced())
        .as("%s reduced on %s", country, date)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactlyInAnyOrderElementsOf(rates(reduced));
  }

  @ParameterizedTest(name = "{0}: {1} / {2} / super-reduced {3} / parking {4}")
  @CsvSource({
    "AT, 20, 10 13, '', 13",
    "BE, 21, 6 12, '', 12",
    "BG, 20, 9, '', ''",
    "CY, 19, 5 9, 3, ''",
    "CZ, 21, 12, '', ''",
    "DE, 19, 7, '', ''",
    "DK, 25, '', '', ''",
    "EE, 24, 9 13, '', ''",
    "ES, 21, 10, 4, ''",
    "FI, 25.5, 10 13.5, '', ''",
    "FR, 20, 5.5 10, 2.1, ''",
    "GR, 24, 6 13, '', ''",
    "HR, 25, 5 13, '', ''",
    "HU, 27, 5 18, '', ''",
    "IE, 23, 9 13.5, 4.8, 13.5",
    "IT, 22, 5 10, 4, ''",
    "LT, 21, 5 12, '', ''",
    "LU, 17, 8, 3, 14",
    "LV, 21, 5 12, '', ''",
    "MT, 18, 5 7, '', ''",
    "NL, 21, 9, '', ''",
    "PL, 23, 5 8, '', ''",
    "PT, 23, 6 13, '', 13",
    "RO, 21, 11, '', ''",
    "SE, 25, 6 12, '', ''",
    "SI, 22, 5 9.5, '', ''",
    "SK, 23, 5 19, '', ''",
    "XI, 20, 5, '', ''"
  })
  void everyMemberStatesRatesToday(
      String country, String standard, String reduced, String superReduced, String parking) {
    assertRates(country, TODAY, standard, reduced);
    VatRateTable.CountryRates r = TABLE.ratesOn(country, TODAY).orElseThrow();
    assertThat(r.superReduced())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactlyInAnyOrderElementsOf(rates(superReduced));
    assertThat(r.parking())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactlyInAnyOrderElementsOf(rates(parking));
  }

  @Test
  void allTwentySevenMemberStatesAndNorthernIrelandAreInTheTable() {
    assertThat(TABLE.countries()).containsAll(EuCountries.members()).contains("XI").hasSize(28);
  }

  @ParameterizedTest(name = "{0} on {1}: {2} / {3}")
  @CsvSource({
    // Czechia: one reduced rate of 12 replaces 10 and 15 from 2024
    "CZ, 2023-12-31, 21, 10 15",
    "CZ, 2024-01-01, 21, 12",
    // Estonia: 20 → 22 (2024) → 24 (1 July 2025); accommodation 13 from 2025
    "EE, 2023-12-31, 20, 9",
    "EE, 2024-01-01, 22, 9",
    "EE, 2025-01-01, 22, 9 13",
    "EE, 2025-06-30, 22, 9 13",
    "EE, 2025-07-01, 24, 9 13",
    // Finland: 24 → 25.5 (1 September 2024); 14 → 13.5 (2026)
    "FI, 2024-08-31, 24, 10 14",
    "FI, 2024-09-01, 25.5, 10 14",
    "FI, 2025-12-31, 25.5, 10 14",
    "FI, 2026-01-01, 25.5, 10 13.5",
    // Slovakia: 20 → 23 and 10 → 5 and 19 (2025)
    "SK, 2024-12-31, 20, 10",
    "SK, 2025-01-01, 23, 5 19",
    // Romania: 19 → 21, 5 and 9 → 11 (1 August 2025)
    "RO, 2025-07-31, 19, 5 9",
    "RO, 2025-08-01, 21, 11",
    // Lithuania: 9 abolished, 12 from 2026
    "LT, 2025-12-31, 21, 5 9",
    "LT, 2026-01-01, 21, 5 12",
    // Luxembourg: the temporary 16 / 7 of 2023
    "LU, 2022-12-31, 17, 8",
    "LU, 2023-01-01, 16, 7",
    "LU, 2023-12-31, 16, 7",
    "LU, 2024-01-01, 17, 8",
    // Germany: the temporary 16 / 5 of the second half of 2020
    "DE, 2020-06-30, 19, 7",
    "DE, 2020-07-01, 16, 5",
    "DE, 2020-12-31, 16, 5",
    "DE, 2021-01-01, 19, 7"
  })
  void datedChanges(String country, LocalDate date, String standard, String reduced) {
    assertRates(country, date, standard, reduced);
  }

  @Test
  void standardRateDefaultsForTheConfigurationScreens() {
    assertThat(TABLE.standardRate("DE", TODAY)).get().isEqualTo(new BigDecimal("19"));
    assertThat(TABLE.standardRate("gr", TODAY)).get().isEqualTo(new BigDecimal("24"));
    assertThat(TABLE.standardRate("CH", TODAY)).isEmpty();
  }

  @Test
  void anOperatorCanReplaceTheTable() {
    VatRateTable own =
        VatRateTable.read(
            new StringReader(
                """
        # our own table
        country,kind,rate,from,to,note
        BE,STANDARD,21,2000-01-01,,
        BE,REDUCED,6,2000-01-01,2026-12-31,
        BE,REDUCED,9,2027-01-01,,hypothetical
        """));
    assertThat(own.ratesOn("BE", LocalDate.of(2027, 1, 1)).orElseThrow().reduced())
        .containsExactly(new BigDecimal("9"));
    assertThat(own.ratesOn("NL", TODAY)).isEmpty();
  }

  @Test
  void aMalformedLineIsReportedWithItsNumber() {
    assertThatThrownBy(
            () ->
                VatRateTable.read(
                    new StringReader(
                        "country,kind,rate,from,to\nBE,STANDARD,twenty,2000-01-01,\n")))
        .hasMessageContaining("line 2");
    assertThatThrownBy(
            () ->
                VatRateTable.read(
                    new StringReader("country,kind,rate,from,to\nBE,HIGH,21,2000-01-01,\n")))
        .hasMessageContaining("line 2");
  }
}

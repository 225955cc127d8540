package koppel.vat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import koppel.vat.VatSituation.Kind;
import org.junit.jupiter.api.Test;

/**
 * The order's VAT situation: domestic, OSS, ICP (valid, invalid, missing, same country), export.
 */
class VatClassifierTest {

  private static final VatClassifier CLASSIFIER =
      new VatClassifier(VatRateTable.bundled(), Territories.bundled());
  private static final LocalDate DATE = LocalDate.of(2026, 11, 3);
  private static final ViesResult VIES_VALID =
      new ViesResult(
          ViesResult.Status.VALID,
          "WAPIAAAAZ123",
          "Muster GmbH",
          "Berlin",
          Instant.parse("2026-11-03T10:00:00Z"),
          null);

  private static Set<BigDecimal> rates(String... rates) {
    return Arrays.stream(rates).map(BigDecimal::new).collect(Collectors.toSet());
  }

  private static VatSituation classify(
      String ship,
      String postcode,
      boolean company,
      String vatNumber,
      ViesResult vies,
      String... rates) {
    return CLASSIFIER.classify(
        new VatClassifier.Order(
            "BE", ship, ship, postcode, company, vatNumber, rates(rates), DATE, vies));
  }

  private static String codes(VatSituation s) {
    return s.problems().stream().map(VatSituation.Finding::code).collect(Collectors.joining(","));
  }

  @Test
  void goodsStayingInTheShopsCountryAreDomestic() {
    VatSituation s = classify("BE", "9000", false, null, null, "21", "6");
    assertThat(s.kind()).isEqualTo(Kind.DOMESTIC);
    assertThat(s.destination()).isEqualTo("BE");
    assertThat(s.hasProblems()).isFalse();
  }

  @Test
  void aConsumerInAnotherMemberStatePaysDestinationVat() {
    VatSituation s = classify("DE", "10115", false, null, null, "19", "7");
    assertThat(s.kind()).isEqualTo(Kind.OSS);
    assertThat(s.destination()).isEqualTo("DE");
    assertThat(s.problems()).isEmpty();
    assertThat(s.warnings()).isEmpty();
  }

  @Test
  void homeVatOnADistanceSaleIsFlaggedNotBlocked() {
    VatSituation s = classify("DE", "10115", false, null, null, "21");
    assertThat(s.kind()).isEqualTo(Kind.OSS);
    assertThat(s.problems()).isEmpty();
    assertThat(s.warnings())
        .extracting(VatSituation.Finding::code)
        .containsExactly("HOME_VAT_ON_DISTANCE_SALE");
  }

  @Test
  void aBusinessWithAValidNumberOfAnotherMemberStateAtZeroIsIcp() {
    VatSituation s = classify("DE", "10115", true, "DE 136 695 976", VIES_VALID, "0");
    assertThat(s.kind()).isEqualTo(Kind.ICP);
    assertThat(s.vatNumber()).isEqualTo("DE136695976");
    assertThat(s.problems()).isEmpty();
    assertThat(s.warnings()).isEmpty();
    assertThat(String.join(" ", s.reasons())).contains("WAPIAAAAZ123");
  }

  @Test
  void icpWithAnInvalidNumberIsAProblem() {
    VatSituation s = classify("DE", "10115", true, "DE136695977", null, "0");
    assertThat(s.kind()).isEqualTo(Kind.OSS);
    assertThat(codes(s)).isEqualTo("ICP_VAT_NUMBER_INVALID");
  }

  @Test
  void icpWithoutANumberIsAProblem() {
    assertThat(codes(classify("DE", "10115", true, null, null, "0")))
        .isEqualTo("ICP_WITHOUT_VAT_NUMBER");
    assertThat(codes(classify("DE", "10115", true, "  ", null, "0")))
        .isEqualTo("ICP_WITHOUT_VAT_NUMBER");
  }

  @Test
  void icpWithANumberOfTheShopsOwnCountryIsAProblem() {
    VatSituation s = classify("NL", "1012AB", true, "BE0123456749", VIES_VALID, "0");
    assertThat(s.kind()).isEqualTo(Kind.OSS);
    assertThat(codes(s)).isEqualTo("ICP_SAME_COUNTRY");
  }

  @Test
  void aNumberOfAnotherCountryThanTheShippingCountryIsStillIcp() {
    // a German business, goods delivered to its French site
    VatSituation s = classify("FR", "75001", true, "DE136695976", VIES_VALID, "0");
    assertThat(s.kind()).isEqualTo(Kind.ICP);
    assertThat(s.destination()).isEqualTo("FR");
  }

  @Test
  void aNumberTypedWithoutPrefixIsReadAsTheBuyersCountryNotTheShippingCountry() {
    // a Spanish business (billed in ES) has the goods delivered to its Polish warehouse
    VatSituation s =
        CLASSIFIER.classify(
            new VatClassifier.Order(
                "BE", "ES", "PL", "00-001", true, "B03.682.739", rates("0"), DATE, VIES_VALID));
    assertThat(s.kind()).isEqualTo(Kind.ICP);
    assertThat(s.vatNumber()).isEqualTo("ESB03682739");
    assertThat(s.destination()).isEqualTo("PL");
    VatSituation withoutBilling =
        CLASSIFIER.classify(
            new VatClassifier.Order(
                "BE", null, "PL", "00-001", true, "B03.682.739", rates("0"), DATE, VIES_VALID));
    assertThat(codes(withoutBilling)).isEqualTo("ICP_VAT_NUMBER_INVALID");
  }

  @Test
  void vatChargedToAValidBusinessIsBookedWithDestinationVat() {
    VatSituation s = classify("AT", "1010", true, "ATU13585627", VIES_VALID, "20");
    assertThat(s.kind()).isEqualTo(Kind.OSS);
    assertThat(s.vatNumber()).isEqualTo("ATU13585627");
    assertThat(s.problems()).isEmpty();
  }

  @Test
  void viesSaysNotActive() {
    ViesResult invalid =
        new ViesResult(ViesResult.Status.INVALID, null, null, null, Instant.now(), null);
    assertThat(codes(classify("DE", "10115", true, "DE136695976", invalid, "0")))
        .isEqualTo("ICP_VAT_NUMBER_NOT_ACTIVE");
  }

  @Test
  void viesDownIsNeverInvalidOnlyAWarning() {
    VatSituation s =
        classify(
            "DE",
            "10115",
            true,
            "DE136695976",
            ViesResult.unknown("MS_UNAVAILABLE", Instant.now()),
            "0");
    assertThat(s.kind()).isEqualTo(Kind.ICP);
    assertThat(s.problems()).isEmpty();
    assertThat(s.warnings()).extracting(VatSituation.Finding::code).containsExactly("VIES_UNKNOWN");
    assertThat(s.warnings().get(0).message()).contains("MS_UNAVAILABLE");
  }

  @Test
  void zeroVatToAConsumerInAnotherMemberStateIsAProblem() {
    assertThat(codes(classify("NL", "1012AB", false, null, null, "0")))
        .isEqualTo("ZERO_VAT_TO_CONSUMER");
  }

  @Test
  void exportsAreAtZero() {
    for (String country : new String[] {"CH", "GB", "US", "NO"}) {
      VatSituation s = classify(country, "1", false, null, null, "0");
      assertThat(s.kind()).as(country).isEqualTo(Kind.EXPORT);
      assertThat(s.problems()).as(country).isEmpty();
    }
    assertThat(codes(classify("US", "10001", false, null, null, "21")))
        .isEqualTo("EXPORT_WITH_VAT");
  }

  @Test
  void specialTerritoriesAreExportsAndNorthernIrelandIsNot() {
    assertThat(classify("ES", "35001", false, null, null, "0").kind()).isEqualTo(Kind.EXPORT);
    assertThat(classify("FI", "22100", false, null, null, "0").kind()).isEqualTo(Kind.EXPORT);
    VatSituation ni = classify("GB", "BT1 1AA", false, null, null, "20");
    assertThat(ni.kind()).isEqualTo(Kind.OSS);
    assertThat(ni.destination()).isEqualTo("XI");
    assertThat(ni.warnings()).isEmpty();
  }

  @Test
  void anUnknownCountryIsAProblem() {
    assertThat(codes(classify("QQ", "1", false, null, null, "21"))).isEqualTo("UNKNOWN_COUNTRY");
  }

  @Test
  void greeceIsShippedToAsGrAndItsNumbersAreEl() {
    VatSituation s = classify("GR", "10431", false, null, null, "24");
    assertThat(s.kind()).isEqualTo(Kind.OSS);
    assertThat(s.destination()).isEqualTo("GR");
    assertThat(s.warnings()).isEmpty();
  }
}

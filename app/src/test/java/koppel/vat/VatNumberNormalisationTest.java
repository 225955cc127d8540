package koppel.vat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import koppel.vat.VatNumberCheck.Reason;
import koppel.vat.VatNumberCheck.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How typed input becomes a number: labels, separators, prefixes, hints, padding. */
class VatNumberNormalisationTest {

  /** Input as a buyer might type it, and the normalised number (all of them valid). */
  static Stream<Arguments> typedInput() {
    return Stream.of(
        arguments("BE0123456749", "BE0123456749"),
        arguments("  be0123456749  ", "BE0123456749"),
        arguments("BE 0123.456.749", "BE0123456749"),
        arguments("BE0123-456-749", "BE0123456749"),
        arguments("BE 0123/456/749", "BE0123456749"),
        arguments("BE 0123,456,749", "BE0123456749"),
        // labels and country names, with or without colon
        arguments("Belgium: BE 0123.456.749", "BE0123456749"),
        arguments("belgië 0123456749", "BE0123456749"),
        arguments("BELGIQUE : 0123 456 749", "BE0123456749"),
        arguments("BTW: NL 0024.55.799.B11", "NL002455799B11"),
        arguments("BTW-nr. NL4495445B01", "NL004495445B01"),
        arguments("btw nummer NL002455799B11", "NL002455799B11"),
        arguments("VAT no. DE 136 695 976", "DE136695976"),
        arguments("VAT: DE136695976", "DE136695976"),
        arguments("VAT ID DE136695976", "DE136695976"),
        arguments("EU VAT number: DE136695976", "DE136695976"),
        arguments("USt-IdNr.: DE 136 695 976", "DE136695976"),
        arguments("Deutschland 136695976", "DE136695976"),
        arguments("UID-Nr. ATU 13585627", "ATU13585627"),
        arguments("Österreich: U13585627", "ATU13585627"),
        arguments("N° TVA FR 11 123 456 782", "FR11123456782"),
        arguments("Nº TVA: FR11123456782", "FR11123456782"),
        arguments("P.IVA IT 12345670017", "IT12345670017"),
        arguments("Partita IVA: IT12345670017", "IT12345670017"),
        arguments("Italia, P.IVA 12345670017", "IT12345670017"),
        arguments("España: B-12345674", "ESB12345674"),
        arguments("Czech Republic 23456787", "CZ23456787"),
        arguments("The Netherlands: 4495445B01", "NL004495445B01"),
        arguments("Northern Ireland: 123 4567 82", "XI123456782"),
        arguments("Ελλάδα 123456783", "EL123456783"),
        // Greece typed as GR
        arguments("GR123456783", "EL123456783"),
        arguments("gr 123 456 783", "EL123456783"),
        arguments("EL 123 456 783", "EL123456783"),
        // old short forms: 9-digit Belgian, 8-digit Greek, Dutch with fewer than 9 digits
        arguments("BE 123 456 749", "BE0123456749"),
        arguments("BE (0)123.456.749", "BE0123456749"),
        arguments("BE(0)123456749", "BE0123456749"),
        arguments("EL 12345670", "EL012345670"),
        arguments("NL4495445B01", "NL004495445B01"),
        // junk at the ends, Unicode spaces, dashes and full-width characters
        arguments("\"BE0123456749\".", "BE0123456749"),
        arguments("#BE0123456749;", "BE0123456749"),
        arguments("«BE 0123 456 749»", "BE0123456749"),
        arguments("DE\u00a0136\u00a0695\u00a0976", "DE136695976"),
        arguments("DE\u2013136\u2013695\u2013976", "DE136695976"),
        arguments("DE\u202f136695976\t", "DE136695976"),
        arguments(
            "\uff24\uff25\uff11\uff13\uff16\uff16\uff19\uff15\uff19\uff17\uff16", "DE136695976"),
        // old Irish numbers keep their + and *
        arguments("IE 7+65432I", "IE7+65432I"),
        arguments("ie 2*34567d", "IE2*34567D"));
  }

  @ParameterizedTest(name = "[{0}] → {1}")
  @MethodSource("typedInput")
  void typedInputIsNormalised(String input, String normalised) {
    Result result = VatNumberCheck.check(input);

    assertThat(result.valid()).as(result.message()).isTrue();
    assertThat(result.normalised()).isEqualTo(normalised);
    assertThat(result.prefix()).isEqualTo(normalised.substring(0, 2));
    assertThat(result.input()).isEqualTo(input);
  }

  @Test
  void normalisingIsIdempotent() {
    typedInput()
        .map(a -> (String) a.get()[1])
        .forEach(n -> assertThat(VatNumberCheck.check(n).normalised()).isEqualTo(n));
  }

  @Test
  void invalidNumbersAreNormalisedToo() {
    Result result = VatNumberCheck.check("BTW: nl 0024.55.799.B12");

    assertThat(result.reason()).isEqualTo(Reason.CHECKSUM);
    assertThat(result.normalised()).isEqualTo("NL002455799B12");
    assertThat(result.input()).isEqualTo("BTW: nl 0024.55.799.B12");
  }

  @Test
  void strayCharactersInsideAreAFormatError() {
    Result result = VatNumberCheck.check("BE01234!56749");

    assertThat(result.reason()).isEqualTo(Reason.FORMAT);
    assertThat(result.normalised()).isEqualTo("BE01234!56749");
  }

  @Test
  void aLabelDoesNotImplyACountry() {
    // IVA is the VAT of Italy, Spain and Portugal alike; only a country name gives a prefix.
    Result result = VatNumberCheck.check("Partita IVA: 12345670017");

    assertThat(result.reason()).isEqualTo(Reason.PREFIX);
    assertThat(result.normalised()).isEqualTo("12345670017");
    assertThat(VatNumberCheck.check("Partita IVA: 12345670017", "IT").valid()).isTrue();
  }

  @Test
  void labelsOnlyCountAsWholeWords() {
    // "VATBE…" is not "VAT" + "BE…": the letters run into the number.
    assertThat(VatNumberCheck.check("VATBE0123456749").reason()).isEqualTo(Reason.PREFIX);
    // A qualifier without a label stays: "No 0123456749" has no prefix, "NO" is Norway's.
    Result norway = VatNumberCheck.check("NO 123456789");
    assertThat(norway.reason()).isEqualTo(Reason.PREFIX);
    assertThat(norway.prefix()).isEqualTo("NO");
  }

  // --- Country hint -------------------------------------------------------------------------

  static Stream<Arguments> hinted() {
    return Stream.of(
        arguments("0123456749", "BE", "BE0123456749"),
        arguments("0123.456.749", " be ", "BE0123456749"),
        arguments("123456749", "BE", "BE0123456749"),
        arguments("136695976", "DE", "DE136695976"),
        arguments("123456783", "GR", "EL123456783"),
        arguments("123456783", "EL", "EL123456783"),
        arguments("123456782", "XI", "XI123456782"),
        arguments("B12345674", "ES", "ESB12345674"),
        arguments("X1234567L", "ES", "ESX1234567L"),
        arguments("7+65432I", "IE", "IE7+65432I"),
        // the number's own prefix wins over the hint
        arguments("DE136695976", "NL", "DE136695976"),
        // a country name wins over the hint
        arguments("België 0123456749", "NL", "BE0123456749"),
        // French keys may start with letters: a key that is no prefix, and one that is
        arguments("AC123456782", "FR", "FRAC123456782"),
        arguments("DE100000025", "FR", "FRDE100000025"));
  }

  @ParameterizedTest(name = "[{0}] in {1} → {2}")
  @MethodSource("hinted")
  void countryHintSuppliesAMissingPrefix(String input, String hint, String normalised) {
    Result result = VatNumberCheck.check(input, hint);

    assertThat(result.valid()).as(result.message()).isTrue();
    assertThat(result.normalised()).isEqualTo(normalised);
  }

  @Test
  void withoutTheHintLettersAreReadAsAPrefix() {
    assertThat(VatNumberCheck.check("AC123456782").reason()).isEqualTo(Reason.PREFIX);
    // Read as German, 100000025 has the wrong check digit (and no French hint saves it).
    assertThat(VatNumberCheck.check("DE100000025").reason()).isEqualTo(Reason.CHECKSUM);
    assertThat(VatNumberCheck.check("DE100000025", "DE").reason()).isEqualTo(Reason.CHECKSUM);
  }

  @Test
  void hintDoesNotRescueAnInvalidNumber() {
    Result result = VatNumberCheck.check("0123456748", "BE");

    assertThat(result.reason()).isEqualTo(Reason.CHECKSUM);
    assertThat(result.normalised()).isEqualTo("BE0123456748");
    assertThat(result.prefix()).isEqualTo("BE");
  }

  // --- Prefix failures ----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {"GB123456782", "gb 123 4567 82", "UK123456782", "United Kingdom: 123456782"})
  void greatBritainIsNotAnEuVatNumber(String input) {
    Result result = VatNumberCheck.check(input);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.PREFIX);
    assertThat(result.prefix()).isEqualTo("GB");
    assertThat(result.normalised()).isEqualTo("GB123456782");
    assertThat(result.message()).contains("GB", "2021", "XI", "Northern Ireland");
  }

  @Test
  void greatBritainAsTheBuyersCountryIsAPrefixFailure() {
    Result result = VatNumberCheck.check("123456782", "GB");

    assertThat(result.reason()).isEqualTo(Reason.PREFIX);
    assertThat(result.prefix()).isEqualTo("GB");
    assertThat(result.message()).isEqualTo(VatNumberCheck.GB);
    // The same number with XI is fine.
    assertThat(VatNumberCheck.check("XI123456782", "GB").valid()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"US123456789", "CHE-123.456.789 MWST", "EU123456789", "ZZ0123456749"})
  void unknownPrefix(String input) {
    Result result = VatNumberCheck.check(input);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.PREFIX);
    assertThat(result.prefix()).isEqualTo(result.normalised().substring(0, 2));
    assertThat(result.message())
        .startsWith(result.prefix() + " is not the prefix of an EU VAT number.");
  }

  @Test
  void missingPrefix() {
    Result result = VatNumberCheck.check("0123456749");

    assertThat(result.reason()).isEqualTo(Reason.PREFIX);
    assertThat(result.prefix()).isNull();
    assertThat(result.normalised()).isEqualTo("0123456749");
    assertThat(result.message()).contains("no country prefix");
    assertThat(VatNumberCheck.check("0123456749", null).reason()).isEqualTo(Reason.PREFIX);
    assertThat(VatNumberCheck.check("0123456749", " ").reason()).isEqualTo(Reason.PREFIX);
  }

  @Test
  void missingPrefixAndANonEuBuyer() {
    Result result = VatNumberCheck.check("0123456749", "CH");

    assertThat(result.reason()).isEqualTo(Reason.PREFIX);
    assertThat(result.prefix()).isEqualTo("CH");
    assertThat(result.message()).contains("CH is not in the EU VAT area");
  }

  // --- Nothing usable ---------------------------------------------------------------------

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t\n", "VAT:", "BTW nr.", " - ", "()"})
  void nothingUsable(String input) {
    Result result = VatNumberCheck.check(input, "BE");

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.FORMAT);
    assertThat(result.normalised()).isNull();
    assertThat(result.prefix()).isNull();
    assertThat(result.input()).isEqualTo(input);
    assertThat(result.message()).isEqualTo(VatNumberCheck.NOTHING);
  }

  @Test
  void aPrefixWithNothingAfterIt() {
    Result bare = VatNumberCheck.check("BE");
    assertThat(bare.reason()).isEqualTo(Reason.LENGTH);
    assertThat(bare.normalised()).isEqualTo("BE");
    assertThat(bare.message()).startsWith("Nothing follows the country prefix BE.");

    Result named = VatNumberCheck.check("Belgium:");
    assertThat(named.reason()).isEqualTo(Reason.LENGTH);
    assertThat(named.prefix()).isEqualTo("BE");
  }

  @Test
  void everyPrefixRejectsAnEmptyBodyWithALengthMessage() {
    for (String prefix : VatPrefix.all()) {
      Result result = VatNumberCheck.check(prefix);
      assertThat(result.reason()).as(prefix).isEqualTo(Reason.LENGTH);
      assertThat(result.message()).as(prefix).contains(" followed by ");
    }
  }
}

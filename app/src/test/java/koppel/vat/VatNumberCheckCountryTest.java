package koppel.vat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import koppel.vat.VatNumberCheck.Reason;
import koppel.vat.VatNumberCheck.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per prefix: valid numbers, the same numbers with one digit changed, and numbers with a wrong
 * length or format.
 *
 * <p>The valid numbers are the examples quoted in eu-vat.md §6 (marked "eu-vat.md"), the contract's
 * BE0123456749, and numbers constructed for these tests: a body chosen by hand, its check digits
 * computed from the algorithm in eu-vat.md §5. The comment on each row shows that computation (dᵢ
 * are the digits; "w·d" lists weight·digit products). The property test {@link
 * VatNumberCheckPropertyTest} recomputes the simple algorithms once more, in separate test code.
 */
class VatNumberCheckCountryTest {

  /** A valid number and the same number with one digit changed (a typo). */
  static Stream<Arguments> validNumbers() {
    return Stream.of(
        // AT: U + 8 digits; check = (6 − Luhn sum of digits 1–7) mod 10, [x] = doubled digit's sum.
        typo("ATU13585627", "ATU13586627"), // eu-vat.md
        typo("ATU12345675", "ATU12346675"), // 1+[4]+3+[8]+5+[3]+7 = 31; (6 − 31) mod 10 = 5
        typo("ATU76543215", "ATU76544215"), // 7+[3]+5+[8]+3+[4]+1 = 31; (6 − 31) mod 10 = 5
        // BE: last two = 97 − (first eight mod 97).
        typo("BE0123456749", "BE0123466749"), // contract example: 1234567 mod 97 = 48; 97 − 48 = 49
        typo("BE0403020152", "BE0403030152"), // 4030201 mod 97 = 45; 97 − 45 = 52
        typo("BE1000000021", "BE1000010021"), // 10000000 mod 97 = 76; 97 − 76 = 21
        // BG, 9 digits: s = Σ i·dᵢ (i = 1..8) mod 11; if 10, weights 3..10; check = s mod 10.
        typo("BG123456786", "BG123466786"), // Σ = 204; 204 mod 11 = 6
        typo("BG100000086", "BG100010086"), // Σ = 65 ≡ 10, so weights 3..10: 83 ≡ 6
        // BG, 10 digits, EGN: date YYMMDD (month +40 for 2000s, +20 for 1800s), w =
        // 2,4,8,5,10,9,7,3,6,
        // check = Σ mod 11 mod 10.
        typo("BG7502131232", "BG7502132232"), // 1975-02-13; Σ = 112; 112 mod 11 = 2
        typo("BG0143069997", "BG0143060997"), // 2001-03-06; Σ = 249; 249 mod 11 = 7
        typo("BG8522151235", "BG8522151245"), // 1885-02-15; Σ = 148; 148 mod 11 = 5
        // BG, PNF (month 34 is no EGN date): w = 21,19,17,13,11,9,7,3,1; Σ = 353; check 353 mod 10
        // = 3
        typo("BG1234567893", "BG1234577893"),
        // BG, others (month 33 is no EGN date; PNF would want 6): w = 4,3,2,7,6,5,4,3,2; Σ = 132;
        // (11 − 132 mod 11) mod 11 = 0
        typo("BG2233445560", "BG2233455560"),
        // CY: letter = A + (Σ f(odd-position digit) + Σ even-position digits) mod 26,
        // f = 0→1 1→0 2→5 3→7 4→9 5→13 6→15 7→17 8→19 9→21.
        typo("CY10000000D", "CY10001000D"), // 0+0+1+0+1+0+1+0 = 3 → D
        typo("CY55512345C", "CY55513345C"), // 13+5+13+1+5+3+9+5 = 54; 54 mod 26 = 2 → C
        // CZ, 8 digits: c = (11 − Σ (8..2)·d mod 11) mod 11; check = (c, or 1 when c = 0) mod 10.
        typo("CZ23456787", "CZ23457787"), // Σ = 147 ≡ 4; c = 7
        typo("CZ21000051", "CZ21001051"), // Σ = 33 ≡ 0; c = 0 → 1
        typo("CZ30000050", "CZ30001050"), // Σ = 34 ≡ 1; c = 10 → 0
        // CZ, 9 digits starting with 6: s = Σ (8..2)·d over digits 2–8 mod 11; check = (s − 2) mod
        // 10.
        typo("CZ612345670", "CZ612445670"), // Σ = 112 ≡ 2; check 0
        typo("CZ670000009", "CZ670010009"), // Σ = 56 ≡ 1; check (1 − 2) mod 10 = 9
        // CZ, 10-digit birth number: YYMMDD (+50 for women), check = first nine mod 11 (10 → 0).
        typo("CZ8553151233", "CZ8553151333"), // 1985-03-15; 855315123 mod 11 = 3
        typo("CZ0455030015", "CZ0455030115"), // 2004-05-03; 45503001 mod 11 = 5
        // DE: ISO 7064 Mod 11,10; p = 10, per digit p = 2·((p + d) mod 10, 0 → 10) mod 11;
        // check = (11 − p) mod 10. The p after each digit is listed.
        typo("DE136695976", "DE136605976"), // eu-vat.md
        typo("DE123456788", "DE123466788"), // p: 2 8 2 1 1 3 9 3; 11 − 3 = 8
        typo("DE815224193", "DE815234193"), // p: 5 1 1 6 5 7 5 8; 11 − 8 = 3
        // DK: Σ (2,7,6,5,4,3,2,1)·d ≡ 0 mod 11.
        typo("DK12345674", "DK12346674"), // 110 = 10·11
        typo("DK31415926", "DK31416926"), // 99 = 9·11
        typo("DK50505057", "DK50506057"), // 77 = 7·11
        // EE: Σ (3,7,1,3,7,1,3,7,1)·d ≡ 0 mod 10.
        typo("EE100000007", "EE100010007"), // 3 + 7 = 10
        typo("EE102030402", "EE102040402"), // 40
        typo("EE123456780", "EE123466780"), // 150
        // EL: check = Σ dᵢ·2^(9−i) (i = 1..8) mod 11 mod 10.
        typo("EL123456783", "EL123466783"), // Σ = 1004 ≡ 3
        typo("EL998877666", "EL998887666"), // Σ = 4428 ≡ 6
        typo("EL012345670", "EL012355670"), // Σ = 494 ≡ 10 → 0
        // ES, DNI: letter = TRWAGMYFPDXBNJZSQVHLCKE[number mod 23].
        typo("ES12345678Z", "ES12346678Z"), // 12345678 mod 23 = 14 → Z
        typo("ES00000001R", "ES00001001R"), // 1 → R
        // ES, NIE: X/Y/Z → 0/1/2, then as a DNI.
        typo("ESX1234567L", "ESX1235567L"), // 01234567 mod 23 = 19 → L
        typo("ESY7654321G", "ESY7655321G"), // 17654321 mod 23 = 4 → G
        typo("ESZ1111111D", "ESZ1111211D"), // 21111111 mod 23 = 9 → D
        // ES, K/L/M: the DNI letter of the 7 digits.
        typo("ESK1234567L", "ESK1235567L"), // 1234567 mod 23 = 19 → L
        typo("ESL7654321J", "ESL7655321J"), // 7654321 mod 23 = 13 → J
        typo("ESM2468024D", "ESM2469024D"), // 2468024 mod 23 = 9 → D
        // ES, CIF: e = d2 + d4 + d6; o = Σ digit sums of 2·d1, 2·d3, 2·d5, 2·d7;
        // check = (10 − (e + o) mod 10) mod 10, as a digit or as JABCDEFGHI[check].
        typo("ESB12345674", "ESB12346674"), // e = 12, o = 2+6+1+5 = 14; 10 − 6 = 4
        typo("ESA76543214", "ESA76544214"), // e = 12, o = 5+1+6+2 = 14; 4
        typo("ESQ2811000E", "ESQ2812000E"), // e = 9, o = 4+2+0+0 = 6; 10 − 5 = 5 → E
        typo("ESP0800000B", "ESP0801000B"), // e = 8, o = 0; 2 → B
        typo("ESN0123456F", "ESN0124456F"), // e = 9, o = 0+4+8+3 = 15; 10 − 4 = 6 → F
        // FI: Σ (7,9,10,5,8,4,2,1)·d ≡ 0 mod 11.
        typo("FI12345671", "FI12346671"), // 154 = 14·11
        typo("FI20000008", "FI20001008"), // 22
        typo("FI76543212", "FI76544212"), // 209 = 19·11
        // FR: SIREN (Luhn-valid; its 9th digit is the Luhn check digit of the first 8), numeric
        // key = (SIREN·100 + 12) mod 97.
        typo("FR11123456782", "FR11123556782"), // 12345678212 mod 97 = 11
        typo("FR72555123454", "FR72555223454"), // 55512345412 mod 97 = 72
        typo("FR38301002002", "FR38301102002"), // 30100200212 mod 97 = 38
        // FR, alphanumeric keys, SIREN 123456782 ≡ 9 (mod 11). Key characters are indexed in
        // 0-9 A-H J-N P-Z (A = 10, L = 20, no I or O); digit+letter: s = 24·d + index − 10,
        // letter+any: s = 34·index + index − 100; valid when (SIREN + 1 + s div 11) ≡ s (mod 11).
        typo("FR0L123456782", "FR0L123466782"), // s = 10: 9 + 1 + 0 = 10 ≡ 10
        typo("FRA0123456782", "FRA0123466782"), // s = 240: 9 + 1 + 21 = 31 ≡ 9 = 240 mod 11
        typo("FRAC123456782", "FRAC123466782"), // s = 252: 9 + 1 + 22 = 32 ≡ 10 = 252 mod 11
        // FR, a key that looks like a prefix: DE for SIREN 100000025 (≡ 4): s = 34·13 + 14 − 100
        // = 356; 4 + 1 + 32 = 37 ≡ 4 = 356 mod 11. (Read as DE100000025 it is a German number
        // with a wrong check digit; see VatNumberNormalisationTest for the hint that resolves it.)
        typo("FRDE100000025", "FRDE100010025"),
        // HR: ISO 7064 Mod 11,10, as DE.
        typo("HR33392005961", "HR33392105961"), // eu-vat.md
        typo("HR12345678903", "HR12345778903"), // p: 2 8 2 1 1 3 9 3 4 8; 11 − 8 = 3
        typo("HR98765432106", "HR98765532106"), // p: 7 10 3 7 4 5 5 3 8 5; 11 − 5 = 6
        // HU: Σ (9,7,3,1,9,7,3,1)·d ≡ 0 mod 10.
        typo("HU12345676", "HU12346676"), // 150
        typo("HU76543212", "HU76544212"), // 170
        // IE, new style: letter = WABCDEFGHIJKLMNOPQRSTUV[(Σ (8..2)·d + 9·index(2nd letter)) mod
        // 23].
        typo("IE1234567T", "IE1235567T"), // 112 mod 23 = 20 → T
        typo("IE2345678I", "IE2346678I"), // 147 mod 23 = 9 → I
        typo("IE3456789AH", "IE3457789AH"), // 182 + 9·8 (H) = 254; 254 mod 23 = 1 → A
        typo("IE8765432EA", "IE8766432EA"), // 203 + 9·1 (A) = 212; 212 mod 23 = 5 → E
        // IE, old style d1 c d3..d7 L: checked as 0 d3..d7 d1.
        typo("IE5K12345F", "IE5K22345F"), // 0123455: 75 mod 23 = 6 → F
        typo("IE7+65432I", "IE7+75432I"), // 0654327: 124 mod 23 = 9 → I
        typo("IE2*34567D", "IE2*44567D"), // 0345672: 119 mod 23 = 4 → D
        // IT: office (digits 8–10) 001–100, 120, 121, 888, 999; last digit = Luhn check digit.
        typo("IT12345670017", "IT12445670017"), // office 001; Luhn check of 1234567001 = 7
        typo("IT00123451205", "IT00133451205"), // office 120; 5
        typo("IT76543219992", "IT76643219992"), // office 999; 2
        typo("IT11111110885", "IT11211110885"), // office 088; 5
        // LT: s = Σ (1 + i mod 9)·dᵢ (i from 0) mod 11; if 10, weights (1 + (i + 2) mod 9);
        // check = s mod 11 mod 10.
        typo("LT123456715", "LT124456715"), // 148 ≡ 5
        typo("LT987654315", "LT988654315"), // 148 ≡ 5
        typo("LT123456317", "LT124456317"), // 120 ≡ 10, then 161 ≡ 7
        typo("LT123456789011", "LT123556789011"), // 287 ≡ 1
        typo("LT987654321012", "LT987754321012"), // 167 ≡ 2
        // LU: first six mod 89 = last two.
        typo("LU12345613", "LU12346613"), // 123456 mod 89 = 13
        typo("LU98765421", "LU98766421"), // 987654 mod 89 = 21
        // LV, legal entity (first digit > 3): Σ (9,1,4,8,3,10,2,5,7,6,1)·d ≡ 3 mod 11.
        typo("LV50123456785", "LV50123556785"), // 256 = 23·11 + 3
        typo("LV43600123457", "LV43600223457"), // 157 = 14·11 + 3
        // LV, person: DDMMYY + century (0 = 1800s, 1 = 1900s, 2 = 2000s);
        // check = (1 + Σ (10,5,8,4,2,1,6,3,7,9)·d) mod 11 mod 10.
        typo("LV15037512344", "LV15037512444"), // 15.03.1975; 1 + 135 = 136 ≡ 4
        typo("LV29020021239", "LV29020021339"), // 29.02.2000; 1 + 129 = 130 ≡ 9
        typo("LV01012012346", "LV01012012446"), // 01.01.2012; 1 + 82 = 83 ≡ 6
        // MT: Σ (3,4,6,7,8,9,10,1)·d ≡ 0 mod 37.
        typo("MT12345634", "MT12346634"), // 185 = 5·37
        typo("MT27182801", "MT27183801"), // 185
        typo("MT31415920", "MT31416920"), // 185
        // NL: 11-proof Σ (9..2)·d − d9 ≡ 0 mod 11, or Mod 97,10 over "NL" + number
        // (N = 23, L = 21, B = 11) ≡ 1.
        typo("NL002455799B11", "NL002465799B11"), // eu-vat.md: 2321002455799 11 11 mod 97 = 1
        typo("NL004495445B01", "NL004405445B01"), // eu-vat.md (NL4495445B01): 11-proof 132 = 12·11
        typo("NL123456782B01", "NL123457782B01"), // 11-proof: 156 − 2 = 154 = 14·11
        typo("NL876543219B02", "NL876544219B02"), // 11-proof: 240 − 9 = 231 = 21·11
        typo("NL123456789B13", "NL123457789B13"), // 2321123456789 11 13 mod 97 = 1
        typo("NL555555555B05", "NL555556555B05"), // 2321555555555 11 05 mod 97 = 1
        // PL: Σ (6,5,7,2,3,4,5,6,7)·d mod 11 = last digit.
        typo("PL1234567883", "PL1234577883"), // 223 ≡ 3
        typo("PL7654321092", "PL7654331092"), // 200 ≡ 2
        typo("PL5250000009", "PL5250010009"), // 75 ≡ 9
        // PT: check = (11 − Σ (9..2)·d mod 11) mod 11 mod 10.
        typo("PT123456789", "PT123466789"), // 156 ≡ 2; 9
        typo("PT500000000", "PT500010000"), // 45 ≡ 1; 10 → 0
        typo("PT100000010", "PT100010010"), // 11 ≡ 0; 0
        // RO: digits before the last, zero-padded to 9, w = 7,5,3,2,1,7,5,3,2;
        // check = 10·Σ mod 11 mod 10.
        typo("RO19", "RO29"), // 000000001: 2; 20 mod 11 = 9
        typo("RO12340", "RO12440"), // 000001234: 34; 340 mod 11 = 10 → 0
        typo("RO1234567897", "RO1234577897"), // 123456789: 158; 1580 mod 11 = 7
        typo("RO9876544", "RO9877544"), // 000987654: 128; 1280 mod 11 = 4
        // RO, CNP: S YYMMDD county serial check; Σ (2,7,9,1,4,6,3,5,8,2,7,9)·d mod 11, 10 → 1.
        // S: 1/2 1900s, 3/4 1800s, 5/6 2000s, 7/8/9 any century in which the date exists. The
        // county digits are not checked against a table.
        typo("RO1960213123450", "RO1960213124450"), // 1996-02-13, county 12: 242 ≡ 0
        typo("RO5021231401230", "RO5021231402230"), // 2002-12-31, county 40: 121 ≡ 0
        typo("RO2751201460010", "RO2751201461010"), // 1975-12-01, county 46: 187 ≡ 0
        typo("RO4780101701235", "RO4780101702235"), // 1878-01-01, county 70: 214 ≡ 5
        typo("RO1850101400051", "RO1850101400061"), // 1985-01-01: 175 ≡ 10 → 1
        typo("RO1960213993458", "RO1960213994458"), // county 99 (no county): 338 ≡ 8
        typo("RO1960213003451", "RO1960213004451"), // county 00 (no county): 221 ≡ 1
        typo("RO5000229123453", "RO5000229124453"), // 2000-02-29: 157 ≡ 3
        typo("RO9000229123450", "RO9000229124450"), // 29 Feb of (20)00, a foreigner: 165 ≡ 0
        typo("RO8000229123459", "RO8000229124459"), // 29 Feb of (20)00, a resident: 163 ≡ 9
        // SE: Luhn check digit of the first 9, then 01.
        typo("SE559900123601", "SE559000123601"), // Luhn check of 559900123 = 6
        typo("SE802005678701", "SE802105678701"), // 7
        typo("SE212000014201", "SE212100014201"), // 2
        // SI: c = 11 − Σ (8..2)·d mod 11, 10 → 0 (11 never valid).
        typo("SI12345679", "SI12346679"), // 112 ≡ 2; 9
        typo("SI76543218", "SI76544218"), // 168 ≡ 3; 8
        typo("SI30000050", "SI30001050"), // 34 ≡ 1; 10 → 0
        // SK: third digit 2, 3, 4, 7, 8 or 9; the number is divisible by 11.
        typo("SK2020123457", "SK2020223457"), // 2020123457 = 11 · 183647587
        typo("SK7987654323", "SK7987664323"), // = 11 · 726150393
        typo("SK4222222224", "SK4222232224"), // = 11 · 383838384
        // SK, birth number (as CZ): 1975-03-15 (woman), 755315123 mod 11 = 2.
        typo("SK7553151232", "SK7553151242"),
        // XI: Σ (8,7,6,5,4,3,2,10,1)·d mod 97 = 0, or 42 or 55 when the first three ≥ 100.
        typo("XI123456782", "XI123466782"), // 194 = 2·97
        typo("XI012345620", "XI012355620"), // 97 (first three 012 < 100: only 0 allowed)
        typo("XI234567889", "XI234577889"), // 236 ≡ 42
        typo("XI345678967", "XI345688967"), // 249 ≡ 55
        typo("XI123456782001", "XI123466782001"), // 12 digits: branch 001 after a valid 9
        // XI, government departments and health authorities, 11 characters: GD8888 or HA8888,
        // 3 digits (GD below 500, HA from 500), and those 3 digits mod 97 as 2 check digits.
        typo("XIGD888812326", "XIGD888812426"), // 123 mod 97 = 26 (typo: 124 mod 97 = 27)
        typo("XIGD888800000", "XIGD888800100"), // 000 mod 97 = 0
        typo("XIGD888849914", "XIGD888849814"), // 499 mod 97 = 14
        typo("XIHA888850015", "XIHA888850115"), // 500 mod 97 = 15
        typo("XIHA888856782", "XIHA888856882"), // 567 mod 97 = 82
        typo("XIHA888899929", "XIHA888899829")); // 999 mod 97 = 29
  }

  /** Valid numbers without check digits, so there is no typo to catch. */
  static Stream<String> validWithoutCheckDigits() {
    return Stream.of(
        "CZ505228123", // 9-digit birth number (before 1954): 1950-02-28, a woman (52 = 50 + 2)
        "CZ456213777", // 1945-12-13, a woman
        "XIGD123", // government department: GD + 3 digits below 500
        "XIHA567"); // health authority: HA + 3 digits from 500
  }

  /** Numbers with a wrong length or format. */
  static Stream<Arguments> invalidNumbers() {
    return Stream.of(
        bad("ATU1358562", Reason.LENGTH, "7 digits after U"),
        bad("ATU135856270", Reason.LENGTH, "9 digits after U"),
        bad("AT13585627", Reason.FORMAT, "no U"),
        bad("ATU1358562A", Reason.FORMAT, "letter among the digits"),
        bad("BE01234567490", Reason.LENGTH, "11 digits"),
        bad("BE12345678", Reason.LENGTH, "8 digits (9 would be zero-padded)"),
        bad("BE2123456749", Reason.FORMAT, "first digit 2"),
        bad("BE01234567AB", Reason.FORMAT, "letters"),
        bad("BG12345678", Reason.LENGTH, "8 digits"),
        bad("BG12345678901", Reason.LENGTH, "11 digits"),
        bad("BG12345678A", Reason.FORMAT, "letter"),
        bad("CY1000000D", Reason.LENGTH, "7 digits + letter"),
        bad("CY123456789", Reason.FORMAT, "no check letter"),
        bad("CY12345678A", Reason.FORMAT, "starts with 12"),
        bad("CZ1234567", Reason.LENGTH, "7 digits"),
        bad("CZ12345678901", Reason.LENGTH, "11 digits"),
        bad("CZ91234567", Reason.FORMAT, "8 digits starting with 9"),
        bad("CZ8513321234", Reason.FORMAT, "birth number with month 13"),
        bad("CZ545231123", Reason.FORMAT, "9-digit birth number for 1954: they ended in 1953"),
        bad("DE13669597", Reason.LENGTH, "8 digits"),
        bad("DE036695976", Reason.FORMAT, "leading 0"),
        bad("DE13669597X", Reason.FORMAT, "letter"),
        bad("DK1234567", Reason.LENGTH, "7 digits"),
        bad("DK02345674", Reason.FORMAT, "leading 0"),
        bad("EE10000000", Reason.LENGTH, "8 digits"),
        bad("EE1000000O7", Reason.FORMAT, "letter O for a zero"),
        bad("EL1234567", Reason.LENGTH, "7 digits (8 would be zero-padded)"),
        bad("EL1234567830", Reason.LENGTH, "10 digits"),
        bad("EL12345678X", Reason.FORMAT, "letter"),
        bad("ES1234567Z", Reason.LENGTH, "7 digits + letter"),
        bad("ES12345678", Reason.LENGTH, "8 digits, no letter"),
        bad("ES123456789", Reason.FORMAT, "DNI with a digit where the letter belongs"),
        bad("ESI12345674", Reason.FORMAT, "I starts no Spanish number"),
        bad("ES1234567AZ", Reason.FORMAT, "letter among the middle digits"),
        bad("FI123456789", Reason.LENGTH, "9 digits"),
        bad("FI1234567A", Reason.FORMAT, "letter"),
        bad("FR1112345678", Reason.LENGTH, "key + 8 digits"),
        bad("FR123456782", Reason.LENGTH, "SIREN without key"),
        bad("FRIO123456782", Reason.FORMAT, "I and O are not key characters"),
        bad("FR11A23456782", Reason.FORMAT, "letter in the SIREN"),
        bad("HR3339200596", Reason.LENGTH, "10 digits"),
        bad("HR3339200596A", Reason.FORMAT, "letter"),
        bad("HU123456789", Reason.LENGTH, "9 digits"),
        bad("HU1234567X", Reason.FORMAT, "letter"),
        bad("IE123456T", Reason.LENGTH, "6 digits + letter"),
        bad("IE12345678T", Reason.LENGTH, "8 digits + letter"),
        bad("IE1234567X", Reason.FORMAT, "X is not a check letter"),
        bad("IE12345678", Reason.FORMAT, "no letter"),
        bad("IE123+4567T", Reason.FORMAT, "+ out of place"),
        bad("IT1234567001", Reason.LENGTH, "10 digits"),
        bad("IT12345672007", Reason.FORMAT, "office 200"),
        bad("IT00000000017", Reason.FORMAT, "first seven digits 0"),
        bad("LT1234567150", Reason.LENGTH, "10 digits"),
        bad("LT123456725", Reason.FORMAT, "8th digit not 1"),
        bad("LT123456789021", Reason.FORMAT, "11th digit not 1"),
        bad("LU1234561", Reason.LENGTH, "7 digits"),
        bad("LU1234561X", Reason.FORMAT, "letter"),
        bad("LV4360012345", Reason.LENGTH, "10 digits"),
        bad("LV32137512344", Reason.FORMAT, "person with day 32"),
        bad("LV15037592344", Reason.FORMAT, "century digit 9"),
        bad("LV29020001238", Reason.FORMAT, "29.02.1800 does not exist"),
        bad("MT1234563", Reason.LENGTH, "7 digits"),
        bad("MT02345634", Reason.FORMAT, "leading 0"),
        bad("NL1234567820B01", Reason.LENGTH, "10 digits before B"),
        bad("NL123456782B1", Reason.LENGTH, "1 digit after B"),
        bad("NL123456782A01", Reason.FORMAT, "A instead of B"),
        bad("NL123456782B00", Reason.FORMAT, "B00"),
        bad("NL12345678201", Reason.FORMAT, "no B"),
        bad("NL000000000B01", Reason.FORMAT, "all zeros"),
        bad("PL123456788", Reason.LENGTH, "9 digits"),
        bad("PL123456788X", Reason.FORMAT, "letter"),
        bad("PT12345678", Reason.LENGTH, "8 digits"),
        bad("PT023456789", Reason.FORMAT, "leading 0"),
        bad("RO1", Reason.LENGTH, "1 digit"),
        bad("RO12345678901", Reason.LENGTH, "11 digits"),
        bad("RO0123456789", Reason.FORMAT, "leading 0"),
        bad("RO12AB", Reason.FORMAT, "letters"),
        bad("RO1961313123455", Reason.FORMAT, "CNP with month 13 (check digit right)"),
        bad("RO0960213123459", Reason.FORMAT, "CNP starting with 0 (check digit right)"),
        bad("RO1960200123457", Reason.FORMAT, "CNP with day 00"),
        bad("RO1960230123453", Reason.FORMAT, "CNP with 30 February"),
        bad("RO1000229123456", Reason.FORMAT, "CNP 1: 29.02.1900 does not exist"),
        bad("RO3000229123451", Reason.FORMAT, "CNP 3: 29.02.1800 does not exist"),
        bad("RO7010229123455", Reason.FORMAT, "CNP 7: 29 Feb of no century's (18|19|20)01"),
        bad("RO196021312345", Reason.LENGTH, "12 digits"),
        bad("RO19602131234500", Reason.LENGTH, "14 digits"),
        bad("RO196021312345X", Reason.FORMAT, "CNP with a letter"),
        bad("SE5599001236", Reason.LENGTH, "organisation number without 01"),
        bad("SE559900123602", Reason.FORMAT, "ends in 02"),
        bad("SI123456790", Reason.LENGTH, "9 digits"),
        bad("SI02345679", Reason.FORMAT, "leading 0"),
        bad("SK202012345", Reason.LENGTH, "9 digits"),
        bad("SK2060993457", Reason.FORMAT, "third digit 6 and no birth date"),
        bad("SK0220123457", Reason.FORMAT, "leading 0 and no birth date"),
        bad("XI12345678", Reason.LENGTH, "8 digits"),
        bad("XI1234567820", Reason.LENGTH, "10 digits"),
        bad("XIGD12", Reason.LENGTH, "GD + 2 digits"),
        bad("XI12345678X", Reason.FORMAT, "letter"),
        bad("XIGD567", Reason.FORMAT, "GD from 500"),
        bad("XIHA123", Reason.FORMAT, "HA below 500"),
        bad("XIGD888860012", Reason.FORMAT, "GD8888 from 500 (600 mod 97 = 18 even so)"),
        bad("XIGD888860018", Reason.FORMAT, "GD8888 from 500, check digits right"),
        bad("XIHA888812326", Reason.FORMAT, "HA8888 below 500"),
        bad("XIGD123456789", Reason.FORMAT, "11 characters without 8888"),
        bad("XIHA777756782", Reason.FORMAT, "HA7777 instead of HA8888"),
        bad("XIGD8888123AB", Reason.FORMAT, "letters in a GD8888 number"),
        bad("XIGD88881232", Reason.LENGTH, "GD8888 + 4 digits"),
        bad("XIGD8888123266", Reason.LENGTH, "GD8888 + 6 digits"),
        bad("XIGD1234", Reason.LENGTH, "GD + 4 digits"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validNumbers")
  void validNumbersPass(String number, String typo) {
    Result result = VatNumberCheck.check(number);

    assertThat(result.valid()).as(result.message()).isTrue();
    assertThat(result.reason()).isNull();
    assertThat(result.normalised()).isEqualTo(number);
    assertThat(result.prefix()).isEqualTo(number.substring(0, 2));
    assertThat(result.input()).isEqualTo(number);
    assertThat(result.message()).isEqualTo(VatNumberCheck.WELL_FORMED);
  }

  @ParameterizedTest(name = "{1} (typo in {0})")
  @MethodSource("validNumbers")
  void oneDigitChangedFailsTheChecksum(String number, String typo) {
    assertThat(differingPositions(number, typo)).as("one digit changed").hasSize(1);

    Result result = VatNumberCheck.check(typo);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).as(result.message()).isEqualTo(Reason.CHECKSUM);
    assertThat(result.normalised()).isEqualTo(typo);
    assertThat(result.message())
        .isIn(VatNumberRules.CHECK_DIGITS, VatNumberRules.CHECK_LETTER)
        .contains("mistyped");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validWithoutCheckDigits")
  void numbersWithoutCheckDigitsPass(String number) {
    assertThat(VatNumberCheck.check(number).valid()).isTrue();
  }

  @ParameterizedTest(name = "{0}: {1} ({2})")
  @MethodSource("invalidNumbers")
  void wrongLengthOrFormat(String number, Reason reason, String why) {
    Result result = VatNumberCheck.check(number);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).as(result.message()).isEqualTo(reason);
    assertThat(result.prefix()).isEqualTo(number.substring(0, 2));
    assertThat(result.normalised()).isEqualTo(number);
    String country = VatPrefix.nameOf(result.prefix()).orElseThrow();
    assertThat(result.message())
        .as("says what the country's numbers look like")
        .contains("VAT numbers from " + country + " are " + result.prefix() + " followed by");
  }

  @Test
  void lengthMessagesCountTheCharacters() {
    assertThat(VatNumberCheck.check("DE13669597").message())
        .startsWith("The number has the wrong length: 8 digits after DE.")
        .endsWith("VAT numbers from Germany are DE followed by 9 digits, the first not 0.");
    assertThat(VatNumberCheck.check("RO1").message()).contains(": 1 digit after RO.");
    assertThat(VatNumberCheck.check("ES1234567Z").message()).contains(": 8 characters after ES.");
  }

  @Test
  void formatMessagesSayWhatIsWrong() {
    assertThat(VatNumberCheck.check("NL123456782A01").message())
        .startsWith("The letter after the first 9 digits is B, not A.");
    assertThat(VatNumberCheck.check("IT12345672007").message())
        .contains("tax office")
        .contains("200 is none of them");
    assertThat(VatNumberCheck.check("BE01234!56749").message())
        .startsWith("The character '!' cannot be part of a VAT number.");
  }

  @Test
  void bulgarianTenDigitNumbersPassWhenAnyOfTheThreeChecksPasses() {
    // 1234567893 passes only the PNF check; its "others" check digit would be 2.
    assertThat(VatNumberCheck.check("BG1234567893").valid()).isTrue();
    assertThat(VatNumberCheck.check("BG1234567892").valid()).isTrue();
    // 2233445560 passes only the "others" check; its PNF check digit would be 6.
    assertThat(VatNumberCheck.check("BG2233445566").valid()).isTrue();
    // Neither PNF (3), others (2) nor EGN (month 34) accepts 4.
    assertThat(VatNumberCheck.check("BG1234567894").reason()).isEqualTo(Reason.CHECKSUM);
  }

  @Test
  void spanishCifAcceptsTheCheckDigitOrItsLetter() {
    // B1234567: check digit 4, letter form D (JABCDEFGHI[4]).
    assertThat(VatNumberCheck.check("ESB12345674").valid()).isTrue();
    assertThat(VatNumberCheck.check("ESB1234567D").valid()).isTrue();
    assertThat(VatNumberCheck.check("ESB1234567E").reason()).isEqualTo(Reason.CHECKSUM);
    // Q2811000: check 5, letter E.
    assertThat(VatNumberCheck.check("ESQ28110005").valid()).isTrue();
  }

  @Test
  void frenchNumbersFromMonacoSkipTheSirenCheck() {
    // SIREN 000000001 fails Luhn, but numbers starting with 000 are Monaco's:
    // key = 000000001 12 mod 97 = 112 mod 97 = 15.
    assertThat(VatNumberCheck.check("FR15000000001").valid()).isTrue();
    assertThat(VatNumberCheck.check("FR16000000001").reason()).isEqualTo(Reason.CHECKSUM);
    // Outside Monaco a SIREN failing Luhn is a checksum error whatever the key: 123456789 → 7.
    assertThat(VatNumberCheck.check("FR14123456789").reason()).isEqualTo(Reason.CHECKSUM);
  }

  @Test
  void frenchAlphanumericKeysForm() {
    // SIREN 123456782 ≡ 9 (mod 11). 0L: s = 10, 9 + 1 + 0 ≡ 10 ✓. 0M: s = 11, 9 + 1 + 1 ≡ 0 =
    // 11 mod 11 ✓. 0K: s = 9, 9 + 1 + 0 = 10 ≠ 9 ✗. AB: s = 251, 9 + 1 + 22 ≡ 10 ≠ 9 ✗.
    assertThat(VatNumberCheck.check("FR0L123456782").valid()).isTrue();
    assertThat(VatNumberCheck.check("FR0M123456782").valid()).isTrue();
    assertThat(VatNumberCheck.check("FR0K123456782").reason()).isEqualTo(Reason.CHECKSUM);
    assertThat(VatNumberCheck.check("FRAB123456782").reason()).isEqualTo(Reason.CHECKSUM);
  }

  @Test
  void slovakBirthNumbersPassAsWell() {
    // 7553151232: third digit 5 (no legal-entity number), but a birth number: 1975-03-15.
    assertThat(VatNumberCheck.check("SK7553151232").valid()).isTrue();
    // Same birth date, wrong check digit: checksum, not format.
    assertThat(VatNumberCheck.check("SK7553151233").reason()).isEqualTo(Reason.CHECKSUM);
  }

  @Test
  void xiNewStyleVariantsOnlyForNumbersFrom100() {
    // 012345620 has Σ = 97 ≡ 0. Changing the last two digits to reach 42 or 55 is allowed
    // only when the first three digits are 100 or more.
    // 234567889 ≡ 42 (first three 234): valid. 000000042 ≡ 42 (first three 000): not.
    assertThat(VatNumberCheck.check("XI234567889").valid()).isTrue();
    assertThat(VatNumberCheck.check("XI000000042").reason()).isEqualTo(Reason.CHECKSUM);
    // 000000055 ≡ 55: not either.
    assertThat(VatNumberCheck.check("XI000000055").reason()).isEqualTo(Reason.CHECKSUM);
  }

  @Test
  void xiGovernmentDepartmentsAndHealthAuthoritiesInElevenCharacters() {
    // GD8888 + 123 + 123 mod 97 = 26.
    assertThat(VatNumberCheck.check("XIGD888812326").valid()).isTrue();
    assertThat(VatNumberCheck.check("XIGD888812327").reason()).isEqualTo(Reason.CHECKSUM);
    assertThat(VatNumberCheck.check("XIGD888812327").message())
        .isEqualTo(VatNumberRules.CHECK_DIGITS);
    // 600 is not below 500: no GD number, whatever the check digits (600 mod 97 = 18).
    Result gd600 = VatNumberCheck.check("XIGD888860012");
    assertThat(gd600.reason()).isEqualTo(Reason.FORMAT);
    assertThat(gd600.message()).startsWith("In GD8888 numbers (government departments)");
    assertThat(VatNumberCheck.check("XIGD888860018").reason()).isEqualTo(Reason.FORMAT);
    // HA8888 + 567 + 567 mod 97 = 82; 123 is below 500: no HA number.
    assertThat(VatNumberCheck.check("XIHA888856782").valid()).isTrue();
    assertThat(VatNumberCheck.check("XIHA888812326").reason()).isEqualTo(Reason.FORMAT);
    assertThat(VatNumberCheck.check("XIGD123456789").message())
        .startsWith("An 11-character GD number starts with GD8888.");
    // Typed with separators, or without XI for a buyer in Northern Ireland.
    Result spaced = VatNumberCheck.check("XI GD 8888 123 26");
    assertThat(spaced.valid()).isTrue();
    assertThat(spaced.normalised()).isEqualTo("XIGD888812326");
    Result hinted = VatNumberCheck.check("GD888812326", "XI");
    assertThat(hinted.valid()).isTrue();
    assertThat(hinted.normalised()).isEqualTo("XIGD888812326");
    // GB stays outside: not an EU VAT prefix, whatever follows.
    assertThat(VatNumberCheck.check("GBGD888812326").reason()).isEqualTo(Reason.PREFIX);
  }

  @Test
  void xiFiveCharacterGovernmentNumbersAreUnchanged() {
    assertThat(VatNumberCheck.check("XIGD123").valid()).isTrue();
    assertThat(VatNumberCheck.check("XIGD499").valid()).isTrue();
    assertThat(VatNumberCheck.check("XIHA500").valid()).isTrue();
    assertThat(VatNumberCheck.check("XIHA567").valid()).isTrue();
    assertThat(VatNumberCheck.check("XIGD500").reason()).isEqualTo(Reason.FORMAT);
    assertThat(VatNumberCheck.check("XIHA499").reason()).isEqualTo(Reason.FORMAT);
    assertThat(VatNumberCheck.check("XIGD567").message())
        .startsWith(
            "GD numbers (government departments) run from GD000 to GD499, HA numbers (health"
                + " authorities) from HA500 to HA999.");
    assertThat(VatNumberCheck.check("XIGD12").reason()).isEqualTo(Reason.LENGTH);
    assertThat(VatNumberCheck.check("XIGD1234").reason()).isEqualTo(Reason.LENGTH);
  }

  @Test
  void romanianPersonalNumbersAreJudgedByDateAndCheckDigitNotByCounty() {
    // Digits 8–9 of a CNP (the county) are not looked up: 99 and 00 are no counties, yet with
    // the right check digit the number is well-formed. 1960213993458: Σ = 338 ≡ 8.
    assertThat(VatNumberCheck.check("RO1960213993458").valid()).isTrue();
    assertThat(VatNumberCheck.check("RO1960213003451").valid()).isTrue();
    assertThat(VatNumberCheck.check("RO1960213993450").reason()).isEqualTo(Reason.CHECKSUM);
    // Σ mod 11 = 10 makes the check digit 1, not 0. 1850101400051: Σ = 175 ≡ 10.
    assertThat(VatNumberCheck.check("RO1850101400051").valid()).isTrue();
    assertThat(VatNumberCheck.check("RO1850101400050").reason()).isEqualTo(Reason.CHECKSUM);
    // 29 February of a year ending in 00 exists in 2000 only: fine for 5 and 6 (2000s) and for
    // 7, 8 and 9 (no century given), not for 1 and 2 (1900) nor 3 and 4 (1800).
    assertThat(VatNumberCheck.check("RO5000229123453").valid()).isTrue();
    assertThat(VatNumberCheck.check("RO9000229123450").valid()).isTrue();
    assertThat(VatNumberCheck.check("RO1000229123456").reason()).isEqualTo(Reason.FORMAT);
    assertThat(VatNumberCheck.check("RO3000229123451").reason()).isEqualTo(Reason.FORMAT);
    // 29 February 01 exists in no century.
    assertThat(VatNumberCheck.check("RO7010229123455").reason()).isEqualTo(Reason.FORMAT);
    // The CUI rule (2 to 10 digits) is unchanged; 11, 12 and 14 digits are neither.
    assertThat(VatNumberCheck.check("RO1234567897").valid()).isTrue();
    assertThat(VatNumberCheck.check("RO12345678901").reason()).isEqualTo(Reason.LENGTH);
    assertThat(VatNumberCheck.check("RO196021312345").reason()).isEqualTo(Reason.LENGTH);
    assertThat(VatNumberCheck.check("RO19602131234500").reason()).isEqualTo(Reason.LENGTH);
  }

  /** Every prefix has two valid numbers with typos, a wrong length and a wrong format. */
  @Test
  void everyPrefixIsCovered() {
    Map<String, Long> valid =
        validNumbers()
            .map(a -> ((String) a.get()[0]).substring(0, 2))
            .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
    Map<String, Set<Reason>> invalid = new HashMap<>();
    invalidNumbers()
        .forEach(
            a ->
                invalid
                    .computeIfAbsent(((String) a.get()[0]).substring(0, 2), p -> new TreeSet<>())
                    .add((Reason) a.get()[1]));

    for (String prefix : VatPrefix.all()) {
      assertThat(valid.getOrDefault(prefix, 0L)).as(prefix + " valid").isGreaterThanOrEqualTo(2);
      assertThat(invalid.get(prefix)).as(prefix).contains(Reason.LENGTH, Reason.FORMAT);
    }
    assertThat(valid.keySet()).containsExactlyInAnyOrderElementsOf(VatPrefix.all());
  }

  private static Arguments typo(String number, String typo) {
    return arguments(number, typo);
  }

  private static Arguments bad(String number, Reason reason, String why) {
    return arguments(number, reason, why);
  }

  private static List<Integer> differingPositions(String a, String b) {
    if (a.length() != b.length()) {
      return List.of();
    }
    return IntStream.range(0, a.length()).filter(i -> a.charAt(i) != b.charAt(i)).boxed().toList();
  }
}

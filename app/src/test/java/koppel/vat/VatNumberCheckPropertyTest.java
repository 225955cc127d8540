package koppel.vat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import koppel.vat.VatNumberCheck.Reason;
import koppel.vat.VatNumberCheck.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style: per country (and variant), random bodies completed with check digits computed
 * here, by test code that does not share anything with the validator, straight from the
 * descriptions in eu-vat.md §5.
 *
 * <p>How the check characters are found: each {@link Spec} has an independent validity predicate
 * written from the description. The check characters are the first candidate ({@code 0}–{@code 9},
 * {@code 00}–{@code 99} or a letter) for which the predicate holds; bodies for which none holds (a
 * Danish payload whose weighted sum needs a check digit of 10, say) are skipped and a new one
 * drawn.
 *
 * <p>Then one digit is changed at random (never a fixed part such as Austria's U, Italy's office
 * code or Sweden's 01, so the number keeps its shape) and the validator must agree with the
 * predicate. A changed digit usually breaks the check, but not always:
 *
 * <ul>
 *   <li>schemes that end in "mod 11, then mod 10" (BG 9 digits, CZ 8 digits, EL, LT, PT, RO) map
 *       two remainders to the check digit 0 (or 1), so a change that moves the sum from one to the
 *       other keeps the number valid;
 *   <li>XI accepts three remainders (0, 42, 55) for numbers from 100, and NL accepts either of two
 *       unrelated checks, so a change can land on the other accepted value.
 * </ul>
 *
 * <p>The other schemes detect every single-digit change: their weights are non-zero modulo a prime
 * (11, 23, 37, 89, 97) or coprime to 10, or they use Luhn or ISO 7064 Mod 11,10. For those the test
 * also asserts that no change kept the check.
 */
class VatNumberCheckPropertyTest {

  private static final int ROUNDS = 400;

  private static final List<String> DIGITS =
      IntStream.range(0, 10).mapToObj(Integer::toString).toList();

  private static final List<String> TWO_DIGITS =
      IntStream.range(0, 100).mapToObj(i -> String.format("%02d", i)).toList();

  private static final List<String> LETTERS =
      IntStream.rangeClosed('A', 'Z').mapToObj(c -> String.valueOf((char) c)).toList();

  /**
   * One country or variant.
   *
   * @param name shown in the test name
   * @param prefix VAT prefix
   * @param payload draws the body without its check characters
   * @param candidates possible check characters
   * @param assemble puts payload and check characters together into the body
   * @param valid the independent validity predicate on the body
   * @param fixed body positions never changed (fixed letters, office codes, …)
   * @param detectsEveryChange whether every single-digit change must break the check
   */
  record Spec(
      String name,
      String prefix,
      Function<Random, String> payload,
      List<String> candidates,
      Assembler assemble,
      Predicate<String> valid,
      Set<Integer> fixed,
      boolean detectsEveryChange) {

    @Override
    public String toString() {
      return name;
    }
  }

  interface Assembler {
    String body(String payload, String check);
  }

  static Stream<Spec> specs() {
    Assembler append = (p, c) -> p + c;
    return Stream.of(
        new Spec(
            "AT",
            "AT",
            r -> digits(r, 7),
            DIGITS,
            (p, c) -> "U" + p + c,
            b -> {
              // Austrian Finance Ministry wording: S = d1 + f(d2) + d3 + f(d4) + d5 + f(d6) + d7,
              // f = cross sum of the doubled digit; check = (10 − (S + 4) mod 10) mod 10.
              String d = b.substring(1);
              int s = 0;
              for (int i = 0; i < 7; i++) {
                s += i % 2 == 0 ? n(d, i) : crossSum(2 * n(d, i));
              }
              return (10 - (s + 4) % 10) % 10 == n(d, 7);
            },
            Set.of(0),
            true),
        new Spec(
            "BE",
            "BE",
            r -> r.nextInt(2) + digits(r, 7),
            TWO_DIGITS,
            append,
            b -> 97 - Long.parseLong(b.substring(0, 8)) % 97 == Long.parseLong(b.substring(8)),
            Set.of(0),
            true),
        new Spec(
            "BG 9 digits",
            "BG",
            r -> digits(r, 8),
            DIGITS,
            append,
            b -> {
              int s = 0;
              for (int i = 1; i <= 8; i++) {
                s += i * n(b, i - 1);
              }
              if (s % 11 == 10) {
                s = 0;
                for (int i = 1; i <= 8; i++) {
                  s += (i + 2) * n(b, i - 1);
                }
              }
              return s % 11 % 10 == n(b, 8);
            },
            Set.of(),
            false),
        new Spec(
            "CY",
            "CY",
            r -> (r.nextInt(9) + 2) % 10 + digits(r, 7),
            LETTERS,
            append,
            b -> {
              int[] f = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
              int s = f[n(b, 0)] + f[n(b, 2)] + f[n(b, 4)] + f[n(b, 6)];
              s += n(b, 1) + n(b, 3) + n(b, 5) + n(b, 7);
              return b.charAt(8) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(s % 26);
            },
            Set.of(0, 1),
            true),
        new Spec(
            "CZ 8 digits",
            "CZ",
            r -> r.nextInt(9) + digits(r, 6),
            DIGITS,
            append,
            b -> {
              int c = 11 - weightedSum(b, 8, 7, 6, 5, 4, 3, 2) % 11;
              int check = c == 10 ? 0 : c == 11 ? 1 : c;
              return check == n(b, 7);
            },
            Set.of(0),
            false),
        new Spec(
            "DE",
            "DE",
            r -> (r.nextInt(9) + 1) + digits(r, 7),
            DIGITS,
            append,
            VatNumberCheckPropertyTest::iso7064Mod1110,
            Set.of(0),
            true),
        new Spec(
            "DK",
            "DK",
            r -> (r.nextInt(9) + 1) + digits(r, 6),
            DIGITS,
            append,
            b -> weightedSum(b, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0,
            Set.of(0),
            true),
        new Spec(
            "EE",
            "EE",
            r -> digits(r, 8),
            DIGITS,
            append,
            b -> weightedSum(b, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0,
            Set.of(),
            true),
        new Spec(
            "EL",
            "EL",
            r -> digits(r, 8),
            DIGITS,
            append,
            b -> weightedSum(b, 256, 128, 64, 32, 16, 8, 4, 2) % 11 % 10 == n(b, 8),
            Set.of(),
            false),
        new Spec(
            "ES DNI",
            "ES",
            r -> digits(r, 8),
            LETTERS,
            append,
            b ->
                b.charAt(8) == "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(b, 0, 8, 10) % 23),
            Set.of(),
            true),
        new Spec(
            "ES CIF",
            "ES",
            r -> "ABCDEFGHJNPQRSUVW".charAt(r.nextInt(17)) + digits(r, 7),
            DIGITS,
            append,
            b -> {
              // Spanish CIF wording: even positions added, odd positions doubled and cross-summed.
              int even = n(b, 2) + n(b, 4) + n(b, 6);
              int odd = 0;
              for (int i = 1; i <= 7; i += 2) {
                odd += crossSum(2 * n(b, i));
              }
              int check = (10 - (even + odd) % 10) % 10;
              return b.charAt(8) == (char) ('0' + check)
                  || b.charAt(8) == "JABCDEFGHI".charAt(check);
            },
            Set.of(0),
            true),
        new Spec(
            "FI",
            "FI",
            r -> digits(r, 7),
            DIGITS,
            append,
            b -> weightedSum(b, 7, 9, 10, 5, 8, 4, 2, 1) % 11 == 0,
            Set.of(),
            true),
        new Spec(
            "FR numeric key",
            "FR",
            VatNumberCheckPropertyTest::siren,
            TWO_DIGITS,
            (p, c) -> c + p,
            b -> {
              String siren = b.substring(2);
              BigInteger key = new BigInteger(siren + "12").mod(BigInteger.valueOf(97));
              return luhn(siren) && key.intValue() == Integer.parseInt(b.substring(0, 2));
            },
            Set.of(2),
            true),
        new Spec(
            "HR",
            "HR",
            r -> digits(r, 10),
            DIGITS,
            append,
            VatNumberCheckPropertyTest::iso7064Mod1110,
            Set.of(),
            true),
        new Spec(
            "HU",
            "HU",
            r -> digits(r, 7),
            DIGITS,
            append,
            b -> weightedSum(b, 9, 7, 3, 1, 9, 7, 3, 1) % 10 == 0,
            Set.of(),
            true),
        new Spec(
            "IE",
            "IE",
            r -> digits(r, 7),
            LETTERS,
            append,
            b ->
                b.charAt(7)
                    == "WABCDEFGHIJKLMNOPQRSTUV".charAt(weightedSum(b, 8, 7, 6, 5, 4, 3, 2) % 23),
            Set.of(),
            true),
        new Spec(
            "IT",
            "IT",
            r ->
                (r.nextInt(9) + 1)
                    + digits(r, 6)
                    + List.of("001", "050", "100", "120", "121", "888", "999").get(r.nextInt(7)),
            DIGITS,
            append,
            VatNumberCheckPropertyTest::luhn,
            Set.of(0, 7, 8, 9),
            true),
        new Spec(
            "LT 9 digits",
            "LT",
            r -> digits(r, 7) + "1",
            DIGITS,
            append,
            VatNumberCheckPropertyTest::lithuanian,
            Set.of(7),
            false),
        new Spec(
            "LT 12 digits",
            "LT",
            r -> digits(r, 10) + "1",
            DIGITS,
            append,
            VatNumberCheckPropertyTest::lithuanian,
            Set.of(10),
            false),
        new Spec(
            "LU",
            "LU",
            r -> digits(r, 6),
            TWO_DIGITS,
            append,
            b -> Integer.parseInt(b.substring(0, 6)) % 89 == Integer.parseInt(b.substring(6)),
            Set.of(),
            true),
        new Spec(
            "LV legal entity",
            "LV",
            r -> (r.nextInt(6) + 4) + digits(r, 9),
            DIGITS,
            append,
            b -> weightedSum(b, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3,
            Set.of(0),
            true),
        new Spec(
            "MT",
            "MT",
            r -> (r.nextInt(9) + 1) + digits(r, 5),
            TWO_DIGITS,
            append,
            b -> weightedSum(b, 3, 4, 6, 7, 8, 9, 10, 1) % 37 == 0,
            Set.of(0),
            true),
        new Spec(
            "NL",
            "NL",
            r -> (r.nextInt(9) + 1) + digits(r, 7),
            DIGITS,
            (p, c) -> p + c + "B01",
            b -> {
              boolean elevenProof = (weightedSum(b, 9, 8, 7, 6, 5, 4, 3, 2) - n(b, 8)) % 11 == 0;
              // ISO 7064 Mod 97,10 over "NL" + number, letters as two digits (N 23, L 21, B 11).
              String numeric = "2321" + b.replace("B", "11");
              boolean mod97 = new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue() == 1;
              return elevenProof || mod97;
            },
            Set.of(0, 9, 10, 11),
            false),
        new Spec(
            "PL",
            "PL",
            r -> digits(r, 9),
            DIGITS,
            append,
            b -> weightedSum(b, 6, 5, 7, 2, 3, 4, 5, 6, 7, -1) % 11 == 0,
            Set.of(),
            true),
        new Spec(
            "PT",
            "PT",
            r -> (r.nextInt(9) + 1) + digits(r, 7),
            DIGITS,
            append,
            b -> {
              int c = 11 - weightedSum(b, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
              return (c >= 10 ? 0 : c) == n(b, 8);
            },
            Set.of(0),
            false),
        new Spec(
            "RO",
            "RO",
            r -> (r.nextInt(9) + 1) + digits(r, r.nextInt(9)),
            DIGITS,
            append,
            b -> {
              String padded = "0".repeat(10 - b.length()) + b;
              int s = weightedSum(padded, 7, 5, 3, 2, 1, 7, 5, 3, 2);
              return s * 10 % 11 % 10 == n(padded, 9);
            },
            Set.of(0),
            false),
        new Spec(
            "SE",
            "SE",
            r -> digits(r, 9),
            DIGITS,
            (p, c) -> p + c + "01",
            b -> luhn(b.substring(0, 10)) && b.endsWith("01"),
            Set.of(10, 11),
            true),
        new Spec(
            "SI",
            "SI",
            r -> (r.nextInt(9) + 1) + digits(r, 6),
            DIGITS,
            append,
            b -> {
              int c = 11 - weightedSum(b, 8, 7, 6, 5, 4, 3, 2) % 11;
              return c != 11 && c % 10 == n(b, 7);
            },
            Set.of(0),
            true),
        new Spec(
            // Third digit 4 or 9 only: those never start a birth-number month, which SK accepts
            // by a different rule.
            "SK",
            "SK",
            r -> (r.nextInt(9) + 1) + digits(r, 1) + (r.nextBoolean() ? "4" : "9") + digits(r, 6),
            DIGITS,
            append,
            b -> new BigInteger(b).mod(BigInteger.valueOf(11)).signum() == 0,
            Set.of(0, 2),
            true),
        new Spec(
            "XI",
            "XI",
            r -> digits(r, 7),
            TWO_DIGITS,
            append,
            b -> {
              int s = weightedSum(b, 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97;
              boolean newStyle = Integer.parseInt(b.substring(0, 3)) >= 100;
              return s == 0 || newStyle && (s == 42 || s == 55);
            },
            Set.of(),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void randomNumbersWithComputedCheckDigitsPassAndTyposAreCaught(Spec spec) {
    Random random = new Random(spec.name().hashCode());
    int kept = 0;
    int rounds = 0;
    while (rounds < ROUNDS) {
      String payload = spec.payload().apply(random);
      String body = complete(spec, payload);
      if (body == null) {
        continue; // no check characters exist for this payload; draw another
      }
      rounds++;
      Result result = VatNumberCheck.check(spec.prefix() + body);
      assertThat(result.valid()).as(spec.prefix() + body + ": " + result.message()).isTrue();
      assertThat(result.normalised()).isEqualTo(spec.prefix() + body);

      String typo = changeOneDigit(spec, body, random);
      boolean stillValid = spec.valid().test(typo);
      Result checked = VatNumberCheck.check(spec.prefix() + typo);
      assertThat(checked.valid())
          .as("%s%s (from %s%s): %s", spec.prefix(), typo, spec.prefix(), body, checked.message())
          .isEqualTo(stillValid);
      if (stillValid) {
        kept++;
      } else {
        assertThat(checked.reason()).as(spec.prefix() + typo).isEqualTo(Reason.CHECKSUM);
      }
    }
    if (spec.detectsEveryChange()) {
      assertThat(kept).as("single-digit changes that kept the check").isZero();
    } else {
      assertThat(kept).as("single-digit changes that kept the check").isLessThan(ROUNDS / 5);
    }
  }

  private static String complete(Spec spec, String payload) {
    for (String candidate : spec.candidates()) {
      String body = spec.assemble().body(payload, candidate);
      if (spec.valid().test(body)) {
        return body;
      }
    }
    return null;
  }

  private static String changeOneDigit(Spec spec, String body, Random random) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < body.length(); i++) {
      if (Character.isDigit(body.charAt(i)) && !spec.fixed().contains(i)) {
        positions.add(i);
      }
    }
    int at = positions.get(random.nextInt(positions.size()));
    int old = body.charAt(at) - '0';
    int replacement = (old + 1 + random.nextInt(9)) % 10;
    return body.substring(0, at) + replacement + body.substring(at + 1);
  }

  // --- Independent helpers ------------------------------------------------------------------

  private static String digits(Random random, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      b.append(random.nextInt(10));
    }
    return b.toString();
  }

  private static int n(String s, int i) {
    return Character.digit(s.charAt(i), 10);
  }

  private static int crossSum(int x) {
    return x / 10 + x % 10;
  }

  private static int weightedSum(String s, int... weights) {
    return IntStream.range(0, weights.length).map(i -> weights[i] * n(s, i)).sum();
  }

  /** Luhn: from the right, every second digit doubled and cross-summed; total divisible by 10. */
  private static boolean luhn(String s) {
    int total = 0;
    boolean twice = false;
    for (int i = s.length() - 1; i >= 0; i--) {
      total += twice ? crossSum(2 * n(s, i)) : n(s, i);
      twice = !twice;
    }
    return total % 10 == 0;
  }

  /** A 9-digit SIREN, not starting with 000, whose last digit completes the Luhn check. */
  private static String siren(Random random) {
    String head = (random.nextInt(9) + 1) + digits(random, 7);
    for (int c = 0; c < 10; c++) {
      if (luhn(head + c)) {
        return head + c;
      }
    }
    throw new AssertionError("Luhn always has a check digit");
  }

  /**
   * ISO 7064 Mod 11,10 as a validity check: running p through all digits including the check digit,
   * p starts at 10; per digit t = (p + d) mod 10 (0 → 10), p = 2t mod 11. The number is valid when
   * the last t is 1.
   */
  private static boolean iso7064Mod1110(String s) {
    int p = 10;
    int t = 0;
    for (int i = 0; i < s.length(); i++) {
      t = (p + n(s, i)) % 10;
      if (t == 0) {
        t = 10;
      }
      p = 2 * t % 11;
    }
    return t == 1;
  }

  /** Lithuania: weights 1..9,1,2 (then shifted by two when the remainder is 10), mod 11 mod 10. */
  private static boolean lithuanian(String b) {
    int last = b.length() - 1;
    int[] first = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2};
    int[] second = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4};
    int s = 0;
    for (int i = 0; i < last; i++) {
      s += first[i] * n(b, i);
    }
    if (s % 11 == 10) {
      s = 0;
      for (int i = 0; i < last; i++) {
        s += second[i] * n(b, i);
      }
    }
    return s % 11 % 10 == n(b, last);
  }
}

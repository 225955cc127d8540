package sandbox.kmoshops;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * EU VAT identification numbers as eu-vat.md §5 describes them (after python-stdnum): compact ("be
 * 0123.456.749" → "BE0123456749"), validate format and check digits per member state, generate
 * valid numbers, break a check digit on purpose, and format a number messily as buyers type it.
 *
 * <p>Generation draws a random body and then picks the check character that the validator accepts,
 * so the validator is the single source of truth; it is tested on the examples eu-vat.md names. Not
 * covered: Bulgarian 10-digit numbers, Czech birth numbers, Latvian personal codes, Romanian CNPs
 * (13 digits), Northern Ireland (XI) — {@link #isValid} says false for those.
 */
final class VatNumbers {

  /** The VAT prefixes of the 27 member states (Greece: EL). */
  static final List<String> PREFIXES =
      List.of(
          "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE",
          "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

  private static final String DIGITS = "0123456789";
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private VatNumbers() {}

  /** The VAT prefix of an ISO country: GR → EL, else the country itself. */
  static String prefix(String country) {
    return "GR".equals(country) ? "EL" : country;
  }

  /** The ISO country of a VAT prefix: EL → GR. */
  static String country(String prefix) {
    return "EL".equals(prefix) ? "GR" : prefix;
  }

  /**
   * Upper case without spaces, dots, dashes, slashes, colons, commas and brackets, with the prefix;
   * a number typed without one gets the prefix of {@code defaultCountry} (may be null).
   */
  static String compact(String input, String defaultCountry) {
    String s = input.toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-/:,()]", "");
    if (s.length() >= 2 && PREFIXES.contains(s.substring(0, 2))) {
      return s;
    }
    return defaultCountry == null ? s : prefix(defaultCountry) + s;
  }

  static boolean isValid(String input) {
    return isValid(input, null);
  }

  static boolean isValid(String input, String defaultCountry) {
    if (input == null) {
      return false;
    }
    String c = compact(input, defaultCountry);
    if (c.length() < 4 || !PREFIXES.contains(c.substring(0, 2))) {
      return false;
    }
    String n = c.substring(2);
    switch (c.substring(0, 2)) {
      case "AT":
        return n.matches("U\\d{8}")
            && Math.floorMod(6 - luhnChecksum(n.substring(1, 8)), 10) == digit(n, 8);
      case "BE":
        return be(n.length() == 9 ? "0" + n : n);
      case "BG":
        return bg(n);
      case "CY":
        return cy(n);
      case "CZ":
        return cz(n);
      case "DE":
        return n.matches("[1-9]\\d{8}") && mod11x10(n) == 1;
      case "DK":
        return n.matches("[1-9]\\d{7}") && weighted(n, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0;
      case "EE":
        return n.matches("\\d{9}") && weighted(n, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0;
      case "EL":
        return el(n.length() == 8 ? "0" + n : n);
      case "ES":
        return es(n);
      case "FI":
        return n.matches("\\d{8}") && weighted(n, 7, 9, 10, 5, 8, 4, 2, 1) % 11 == 0;
      case "FR":
        return fr(n);
      case "HR":
        return n.matches("\\d{11}") && mod11x10(n) == 1;
      case "HU":
        return n.matches("\\d{8}") && weighted(n, 9, 7, 3, 1, 9, 7, 3, 1) % 10 == 0;
      case "IE":
        return ie(n);
      case "IT":
        return it(n);
      case "LT":
        return lt(n);
      case "LU":
        return n.matches("\\d{8}")
            && Integer.parseInt(n.substring(0, 6)) % 89 == Integer.parseInt(n.substring(6));
      case "LV":
        return n.matches("[4-9]\\d{10}") && weighted(n, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3;
      case "MT":
        return n.matches("[1-9]\\d{7}") && weighted(n, 3, 4, 6, 7, 8, 9, 10, 1) % 37 == 0;
      case "NL":
        return nl(n);
      case "PL":
        return n.matches("\\d{10}")
            && Math.floorMod(weighted(n, 6, 5, 7, 2, 3, 4, 5, 6, 7, -1), 11) == 0;
      case "PT":
        return n.matches("[1-9]\\d{8}")
            && Math.floorMod(11 - weighted(n.substring(0, 8), 9, 8, 7, 6, 5, 4, 3, 2), 11) % 10
                == digit(n, 8);
      case "RO":
        return ro(n);
      case "SE":
        return n.matches("\\d{10}01") && luhnChecksum(n.substring(0, 10)) == 0;
      case "SI":
        return si(n);
      case "SK":
        return n.matches("[1-9]\\d[2-47-9]\\d{7}")
            && new BigInteger(n).mod(BigInteger.valueOf(11)).signum() == 0;
      default:
        return false;
    }
  }

  // --- the member states' algorithms ------------------------------------------------------------

  private static boolean be(String n) {
    return n.matches("[01]\\d{9}")
        && 97 - Integer.parseInt(n.substring(0, 8)) % 97 == Integer.parseInt(n.substring(8));
  }

  private static boolean bg(String n) {
    if (!n.matches("\\d{9}")) {
      return false;
    }
    int s = weighted(n.substring(0, 8), 1, 2, 3, 4, 5, 6, 7, 8) % 11;
    if (s == 10) {
      s = weighted(n.substring(0, 8), 3, 4, 5, 6, 7, 8, 9, 10) % 11;
    }
    return s % 10 == digit(n, 8);
  }

  private static boolean cy(String n) {
    if (!n.matches("\\d{8}[A-Z]") || n.startsWith("12")) {
      return false;
    }
    int[] odd = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
    int s = 0;
    for (int i = 0; i < 8; i++) {
      s += i % 2 == 0 ? odd[digit(n, i)] : digit(n, i);
    }
    return LETTERS.charAt(s % 26) == n.charAt(8);
  }

  private static boolean cz(String n) {
    if (!n.matches("[0-8]\\d{7}")) {
      return false; // legal entities only
    }
    int c = Math.floorMod(11 - weighted(n.substring(0, 7), 8, 7, 6, 5, 4, 3, 2), 11);
    return (c == 0 ? 1 : c) % 10 == digit(n, 7);
  }

  private static boolean el(String n) {
    if (!n.matches("\\d{9}")) {
      return false;
    }
    int c = 0;
    for (int i = 0; i < 8; i++) {
      c = c * 2 + digit(n, i);
    }
    return c * 2 % 11 % 10 == digit(n, 8);
  }

  private static boolean es(String n) {
    if (!n.matches("[0-9A-Z]\\d{7}[0-9A-Z]")) {
      return false;
    }
    char first = n.charAt(0);
    char last = n.charAt(8);
    String dni = "TRWAGMYFPDXBNJZSQVHLCKE";
    if (Character.isDigit(first)) {
      return dni.charAt(Integer.parseInt(n.substring(0, 8)) % 23) == last;
    }
    if ("XYZ".indexOf(first) >= 0) {
      return dni.charAt(Integer.parseInt("XYZ".indexOf(first) + n.substring(1, 8)) % 23) == last;
    }
    if ("KLM".indexOf(first) >= 0) {
      return dni.charAt(Integer.parseInt(n.substring(1, 8)) % 23) == last;
    }
    if ("ABCDEFGHJNPQRSUVW".indexOf(first) < 0) {
      return false;
    }
    int check = Math.floorMod(10 - luhnChecksum(n.substring(1, 8) + "0"), 10);
    return last == DIGITS.charAt(check) || last == "JABCDEFGHI".charAt(check);
  }

  private static boolean fr(String n) {
    if (!n.matches("[0-9A-HJ-NP-Z]{2}\\d{9}")) {
      return false;
    }
    String siren = n.substring(2);
    if (!siren.startsWith("000") && luhnChecksum(siren) != 0) {
      return false;
    }
    if (n.substring(0, 2).matches("\\d{2}")) {
      return Integer.parseInt(n.substring(0, 2)) == Long.parseLong(siren + "12") % 97;
    }
    // new-style alphanumeric key
    String alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    int a = alphabet.indexOf(n.charAt(0));
    int b = alphabet.indexOf(n.charAt(1));
    int check = Character.isDigit(n.charAt(0)) ? a * 24 + b - 10 : a * 34 + b - 100;
    return (Long.parseLong(siren) + 1 + check / 11) % 11 == check % 11;
  }

  private static boolean ie(String n) {
    if (n.matches("\\d[A-Z+*]\\d{5}[A-W]")) {
      n = "0" + n.substring(2, 7) + n.charAt(0) + n.substring(7); // old style, re-ordered
    }
    if (!n.matches("\\d{7}[A-W][A-IW]?")) {
      return false;
    }
    String alphabet = "WABCDEFGHIJKLMNOPQRSTUV";
    int s = weighted(n.substring(0, 7), 8, 7, 6, 5, 4, 3, 2);
    if (n.length() == 9) {
      s += 9 * alphabet.indexOf(n.charAt(8));
    }
    return alphabet.charAt(s % 23) == n.charAt(7);
  }

  private static boolean it(String n) {
    if (!n.matches("\\d{11}") || n.startsWith("0000000")) {
      return false;
    }
    int office = Integer.parseInt(n.substring(7, 10));
    boolean known = (office >= 1 && office <= 100) || List.of(120, 121, 888, 999).contains(office);
    return known && luhnChecksum(n) == 0;
  }

  private static boolean lt(String n) {
    boolean shape =
        (n.matches("\\d{9}") && n.charAt(7) == '1')
            || (n.matches("\\d{12}") && n.charAt(10) == '1');
    if (!shape) {
      return false;
    }
    String body = n.substring(0, n.length() - 1);
    int s = 0;
    for (int i = 0; i < body.length(); i++) {
      s += (1 + i % 9) * digit(body, i);
    }
    s %= 11;
    if (s == 10) {
      s = 0;
      for (int i = 0; i < body.length(); i++) {
        s += (1 + (i + 2) % 9) * digit(body, i);
      }
      s %= 11;
    }
    return s % 10 == digit(n, n.length() - 1);
  }

  private static boolean nl(String n) {
    if (!n.matches("\\d{7,9}B\\d{2}")) {
      return false;
    }
    String digits = "0".repeat(12 - n.length()) + n.substring(0, n.length() - 3);
    String full = digits + n.substring(n.length() - 3);
    if (full.endsWith("B00")) {
      return false;
    }
    int elfproef = weighted(digits, 9, 8, 7, 6, 5, 4, 3, 2, -1);
    return Math.floorMod(elfproef, 11) == 0 || mod97("NL" + full) == 1;
  }

  private static boolean ro(String n) {
    if (!n.matches("[1-9]\\d{1,9}")) {
      return false;
    }
    String body = "0".repeat(10 - n.length()) + n.substring(0, n.length() - 1);
    int s = weighted(body, 7, 5, 3, 2, 1, 7, 5, 3, 2);
    return s * 10 % 11 % 10 == digit(n, n.length() - 1);
  }

  private static boolean si(String n) {
    if (!n.matches("[1-9]\\d{7}")) {
      return false;
    }
    int c = 11 - weighted(n.substring(0, 7), 8, 7, 6, 5, 4, 3, 2) % 11;
    if (c == 11) {
      return false;
    }
    return (c == 10 ? 0 : c) == digit(n, 7);
  }

  // --- shared arithmetic ------------------------------------------------------------------------

  private static int digit(String s, int i) {
    return s.charAt(i) - '0';
  }

  private static int weighted(String digits, int... weights) {
    int s = 0;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i] * digit(digits, i);
    }
    return s;
  }

  /** Luhn checksum: 0 for a valid number. */
  static int luhnChecksum(String digits) {
    int s = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digit(digits, digits.length() - 1 - i);
      s += i % 2 == 0 ? d : (d * 2) / 10 + (d * 2) % 10;
    }
    return s % 10;
  }

  /** ISO 7064 Mod 11,10: 1 for a valid number. */
  private static int mod11x10(String digits) {
    int check = 5;
    for (int i = 0; i < digits.length(); i++) {
      check = (((check == 0 ? 10 : check) * 2) % 11 + digit(digits, i)) % 10;
    }
    return check;
  }

  /** ISO 7064 Mod 97,10 over digits and letters (A = 10 … Z = 35). */
  private static int mod97(String s) {
    StringBuilder numeric = new StringBuilder();
    for (char ch : s.toCharArray()) {
      numeric.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
    }
    return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
  }

  // --- generation -------------------------------------------------------------------------------

  /** A valid VAT number with prefix, compact ("DE136695976"), of the given ISO country. */
  static String generate(String country, Random r) {
    String p = prefix(country);
    switch (p) {
      case "AT":
        return solve(p, () -> "U" + digits(r, 7), DIGITS, "");
      case "BE":
        return solve(p, () -> "0" + (1 + r.nextInt(9)) + digits(r, 6), pairs(), "");
      case "BG":
        return solve(p, () -> (1 + r.nextInt(9)) + digits(r, 7), DIGITS, "");
      case "CY":
        return solve(p, () -> "10" + digits(r, 6), LETTERS, "");
      case "CZ":
        return solve(p, () -> (2 + r.nextInt(7)) + digits(r, 6), DIGITS, "");
      case "DE":
        return solve(p, () -> (1 + r.nextInt(9)) + digits(r, 7), DIGITS, "");
      case "DK":
        return solve(p, () -> (1 + r.nextInt(9)) + digits(r, 6), DIGITS, "");
      case "EE":
        return solve(p, () -> "10" + digits(r, 6), DIGITS, "");
      case "EL":
        return solve(p, () -> (r.nextBoolean() ? "0" : "9") + digits(r, 7), DIGITS, "");
      case "ES":
        return r.nextInt(5) == 0
            ? solve(p, () -> (1 + r.nextInt(9)) + digits(r, 7), LETTERS, "")
            : solve(p, () -> "B" + digits(r, 7), DIGITS, "");
      case "FI":
        return solve(p, () -> r.nextInt(3) + digits(r, 6), DIGITS, "");
      case "FR":
        {
          String siren =
              solve(
                  "",
                  () -> (1 + r.nextInt(9)) + digits(r, 7),
                  DIGITS,
                  "",
                  s -> luhnChecksum(s) == 0);
          return p + String.format("%02d", Long.parseLong(siren + "12") % 97) + siren;
        }
      case "HR":
        return solve(p, () -> (1 + r.nextInt(9)) + digits(r, 9), DIGITS, "");
      case "HU":
        return solve(p, () -> (1 + r.nextInt(2)) + digits(r, 6), DIGITS, "");
      case "IE":
        return solve(p, () -> (r.nextInt(9) + 1) + digits(r, 6), LETTERS.substring(0, 23), "");
      case "IT":
        return solve(
            p, () -> "0" + digits(r, 6) + String.format("%03d", 1 + r.nextInt(100)), DIGITS, "");
      case "LT":
        return solve(p, () -> (1 + r.nextInt(9)) + digits(r, 6) + "1", DIGITS, "");
      case "LU":
        return solve(p, () -> (1 + r.nextInt(9)) + digits(r, 5), pairs(), "");
      case "LV":
        return solve(p, () -> "4000" + digits(r, 6), DIGITS, "");
      case "MT":
        return solve(p, () -> (1 + r.nextInt(9)) + digits(r, 5), pairs(), "");
      case "NL":
        return solve(p, () -> (r.nextBoolean() ? "8" : "0") + digits(r, 7), DIGITS, "B01");
      case "PL":
        return solve(p, () -> (1 + r.nextInt(9)) + digits(r, 8), DIGITS, "");
      case "PT":
        return solve(p, () -> "5" + digits(r, 7), DIGITS, "");
      case "RO":
        return solve(p, () -> (1 + r.nextInt(9)) + digits(r, 6), DIGITS, "");
      case "SE":
        return solve(p, () -> "55" + digits(r, 7), DIGITS, "01");
      case "SI":
        return solve(p, () -> (1 + r.nextInt(9)) + digits(r, 6), DIGITS, "");
      case "SK":
        return solve(p, () -> "20" + "234789".charAt(r.nextInt(6)) + digits(r, 6), DIGITS, "");
      default:
        throw new IllegalArgumentException("No VAT numbers for " + country);
    }
  }

  /**
   * The same number with its check character replaced so that it no longer validates (a typo a
   * buyer makes); the format stays right.
   */
  static String breakCheckDigit(String valid, Random r) {
    String p = valid.substring(0, 2);
    String n = valid.substring(2);
    int at;
    switch (p) {
      case "NL":
        at = n.length() - 4;
        break;
      case "SE":
        at = n.length() - 3;
        break;
      case "FR":
        at = 1;
        break;
      default:
        at = n.length() - 1;
    }
    String alphabet = Character.isDigit(n.charAt(at)) ? DIGITS : LETTERS.substring(0, 23);
    for (int i = 0; i < 100; i++) {
      char c = alphabet.charAt(r.nextInt(alphabet.length()));
      String broken = p + n.substring(0, at) + c + n.substring(at + 1);
      if (c != n.charAt(at) && !isValid(broken)) {
        return broken;
      }
    }
    throw new IllegalStateException("Cannot break " + valid);
  }

  /**
   * How a buyer types a number: sometimes as it is, sometimes in lower case, grouped with dots or
   * spaces, with a dash after the prefix, or (only when {@code withoutPrefixAllowed}) without it.
   */
  static String messy(String compact, Random r, boolean withoutPrefixAllowed) {
    String p = compact.substring(0, 2);
    String n = compact.substring(2);
    switch (r.nextInt(6)) {
      case 0:
        return p.toLowerCase(Locale.ROOT) + " " + group(n, 3, ".").toLowerCase(Locale.ROOT);
      case 1:
        return p + " " + group(n, 3, " ");
      case 2:
        return p + "-" + n;
      case 3:
        return compact.toLowerCase(Locale.ROOT);
      case 4:
        return withoutPrefixAllowed ? group(n, 3, ".") : p + " " + n;
      default:
        return p + ": " + group(n, 4, " ");
    }
  }

  private static String group(String s, int size, String sep) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && i % size == 0) {
        b.append(sep);
      }
      b.append(s.charAt(i));
    }
    return b.toString();
  }

  private static String digits(Random r, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  private static String pairs() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      b.append(String.format("%02d", i));
    }
    return b.toString();
  }

  private static String solve(String p, Supplier<String> body, String checks, String suffix) {
    return solve(p, body, checks, suffix, VatNumbers::isValid);
  }

  /**
   * Draws bodies until one of the check candidates makes the number valid. {@code checks} holds
   * single characters, or two-digit pairs when it is {@link #pairs()}.
   */
  private static String solve(
      String p, Supplier<String> body, String checks, String suffix, Predicate<String> valid) {
    int width = checks.length() == 200 ? 2 : 1;
    for (int attempt = 0; attempt < 1000; attempt++) {
      String b = body.get();
      for (int i = 0; i + width <= checks.length(); i += width) {
        String candidate = p + b + checks.substring(i, i + width) + suffix;
        if (valid.test(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("No valid number for " + p);
  }
}

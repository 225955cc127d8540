package koppel.vat;

import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import koppel.vat.VatNumberCheck.Reason;

/**
 * The format and check-digit rules per VAT prefix (eu-vat.md §5, after python-stdnum's
 * descriptions). Each rule looks at the part after the prefix, already compacted, and answers null
 * when it is well-formed or the first thing wrong with it.
 *
 * <p>Each rule checks, in this order: the characters and their shape ({@link Reason#FORMAT}), the
 * number of characters ({@link Reason#LENGTH}), fixed parts such as a leading digit, an office code
 * or an embedded birth date ({@link Reason#FORMAT}), and last the check digits ({@link
 * Reason#CHECKSUM}).
 *
 * <p>Birth dates are only checked to exist on the calendar: this class does not read the clock, so
 * a date in the future is not rejected.
 */
final class VatNumberRules {

  /** Why a number is not well-formed, in words for a merchant. */
  record Failure(Reason reason, String message) {}

  static final String CHECK_DIGITS = "The check digits do not match: a digit may be mistyped.";

  static final String CHECK_LETTER =
      "The check letter does not match: a letter or digit may be mistyped.";

  /** What follows the prefix, in words. */
  private static final Map<String, String> SHAPES =
      Map.ofEntries(
          Map.entry("AT", "U and 8 digits"),
          Map.entry("BE", "10 digits, the first 0 or 1"),
          Map.entry("BG", "9 or 10 digits"),
          Map.entry("CY", "8 digits and a letter, not starting with 12"),
          Map.entry("CZ", "8, 9 or 10 digits"),
          Map.entry("DE", "9 digits, the first not 0"),
          Map.entry("DK", "8 digits, the first not 0"),
          Map.entry("EE", "9 digits"),
          Map.entry("EL", "9 digits"),
          Map.entry(
              "ES",
              "9 characters: 8 digits and a letter, or a letter, 7 digits and a digit or letter"),
          Map.entry("FI", "8 digits"),
          Map.entry(
              "FR",
              "a 2-character key (digits, or letters other than I and O) and 9 digits (SIREN)"),
          Map.entry("HR", "11 digits"),
          Map.entry("HU", "8 digits"),
          Map.entry(
              "IE",
              "7 digits and 1 or 2 letters from A to W (older numbers: a digit, a letter, + or *,"
                  + " 5 digits and a letter)"),
          Map.entry("IT", "11 digits"),
          Map.entry("LT", "9 or 12 digits"),
          Map.entry("LU", "8 digits"),
          Map.entry("LV", "11 digits"),
          Map.entry("MT", "8 digits, the first not 0"),
          Map.entry("NL", "9 digits, the letter B and 2 digits"),
          Map.entry("PL", "10 digits"),
          Map.entry("PT", "9 digits, the first not 0"),
          Map.entry("RO", "2 to 10 digits, the first not 0, or a 13-digit personal number (CNP)"),
          Map.entry("SE", "12 digits: the 10-digit organisation number and 01"),
          Map.entry("SI", "8 digits, the first not 0"),
          Map.entry("SK", "10 digits, the first not 0"),
          Map.entry(
              "XI", "9 or 12 digits, or GD or HA and 3 digits, or GD8888 or HA8888 and 5 digits"));

  private static final Pattern CY_SHAPE = Pattern.compile("(\\d+)[A-Z]");
  private static final Pattern ES_LOOSE = Pattern.compile("[A-Z0-9]\\d*[A-Z0-9]");
  private static final Pattern IE_NEW = Pattern.compile("\\d{7}[A-W][A-W]?");
  private static final Pattern IE_OLD = Pattern.compile("\\d[A-Z+*]\\d{5}[A-W]");
  private static final Pattern IE_NEW_LOOSE = Pattern.compile("(\\d+)[A-W]{1,2}");
  private static final Pattern IE_OLD_LOOSE = Pattern.compile("\\d[A-Z+*](\\d+)[A-W]");
  private static final Pattern NL_SHAPE = Pattern.compile("(\\d+)([A-Z])(\\d+)");
  private static final Pattern NL_SHORT = Pattern.compile("(\\d{1,8})(B\\d{2})");
  private static final Pattern XI_GOVERNMENT = Pattern.compile("(GD|HA)(\\d*)");

  /** Check letters of a Spanish DNI / NIE, by remainder mod 23. */
  private static final String ES_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

  /** Letter form of a Spanish CIF check digit 0–9. */
  private static final String ES_CIF_LETTERS = "JABCDEFGHI";

  /** Letters that start a Spanish CIF (legal entity). */
  private static final String ES_CIF_FIRST = "ABCDEFGHJNPQRSUVW";

  /** Key characters of a French number: digits, then letters without I and O. */
  private static final String FR_KEY = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  /** Check letters of an Irish number; index 0 (W) also stands for "no second letter". */
  private static final String IE_LETTERS = "WABCDEFGHIJKLMNOPQRSTUV";

  private VatNumberRules() {}

  /**
   * Brings older short forms to their full length: 9-digit Belgian numbers and 8-digit Greek
   * numbers get a leading 0, a Dutch number with fewer than 9 digits before {@code B} is padded to
   * 9 digits. Anything else is returned unchanged.
   */
  static String pad(String prefix, String body) {
    switch (prefix) {
      case "BE":
        return body.length() == 9 && digits(body) ? "0" + body : body;
      case "EL":
        return body.length() == 8 && digits(body) ? "0" + body : body;
      case "NL":
        Matcher m = NL_SHORT.matcher(body);
        return m.matches() ? "0".repeat(9 - m.group(1).length()) + body : body;
      default:
        return body;
    }
  }

  /** Null when {@code body} is a well-formed number for {@code prefix} (one of VatPrefix.all()). */
  static Failure check(String prefix, String body) {
    if (body.isEmpty()) {
      return new Failure(
          Reason.LENGTH, "Nothing follows the country prefix " + prefix + ". " + shape(prefix));
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
      boolean irishSymbol = prefix.equals("IE") && (c == '+' || c == '*');
      if (!plain && !irishSymbol) {
        return format(prefix, "The character '" + c + "' cannot be part of a VAT number.");
      }
    }
    return switch (prefix) {
      case "AT" -> at(body);
      case "BE" -> be(body);
      case "BG" -> bg(body);
      case "CY" -> cy(body);
      case "CZ" -> cz(body);
      case "DE" -> de(body);
      case "DK" -> dk(body);
      case "EE" -> ee(body);
      case "EL" -> el(body);
      case "ES" -> es(body);
      case "FI" -> fi(body);
      case "FR" -> fr(body);
      case "HR" -> hr(body);
      case "HU" -> hu(body);
      case "IE" -> ie(body);
      case "IT" -> it(body);
      case "LT" -> lt(body);
      case "LU" -> lu(body);
      case "LV" -> lv(body);
      case "MT" -> mt(body);
      case "NL" -> nl(body);
      case "PL" -> pl(body);
      case "PT" -> pt(body);
      case "RO" -> ro(body);
      case "SE" -> se(body);
      case "SI" -> si(body);
      case "SK" -> sk(body);
      case "XI" -> xi(body);
      default -> throw new IllegalArgumentException("not a VAT prefix: " + prefix);
    };
  }

  // --- Member states, alphabetically by prefix ---------------------------------------------

  /** Austria: U + 8 digits; check = (6 − Luhn sum of digits 1–7) mod 10. */
  private static Failure at(String b) {
    if (b.charAt(0) != 'U') {
      return format("AT", "The letter U must follow AT.");
    }
    String n = b.substring(1);
    if (!n.isEmpty() && !digits(n)) {
      return format("AT", "Only digits may follow ATU.");
    }
    if (n.length() != 8) {
      return length("AT", b);
    }
    return Math.floorMod(6 - luhnSum(n.substring(0, 7)), 10) == digit(n, 7) ? null : checksum();
  }

  /** Belgium: 10 digits starting with 0 or 1; the last two are 97 − (first eight mod 97). */
  private static Failure be(String b) {
    Failure f = digitsOfLength("BE", b, 10);
    if (f != null) {
      return f;
    }
    if (b.charAt(0) != '0' && b.charAt(0) != '1') {
      return format("BE", "After BE comes 0 or 1.");
    }
    return Long.parseLong(b.substring(0, 8)) % 97 + number(b, 8, 10) == 97 ? null : checksum();
  }

  /**
   * Bulgaria: 9 digits (legal entities) or 10 digits (a person's EGN, a foreigner's PNF, or
   * others). A 10-digit number is valid when any of the three checks passes.
   */
  private static Failure bg(String b) {
    Failure f = digitsOfLength("BG", b, 9, 10);
    if (f != null) {
      return f;
    }
    if (b.length() == 9) {
      int s = weighted(b, 1, 2, 3, 4, 5, 6, 7, 8) % 11;
      if (s == 10) {
        s = weighted(b, 3, 4, 5, 6, 7, 8, 9, 10) % 11;
      }
      return s % 10 == digit(b, 8) ? null : checksum();
    }
    return bulgarianPerson(b) || bulgarianForeigner(b) || bulgarianOther(b) ? null : checksum();
  }

  /** EGN: YYMMDD (month +20 for the 1800s, +40 for the 2000s), 3 digits, check digit. */
  private static boolean bulgarianPerson(String b) {
    int year = 1900 + number(b, 0, 2);
    int month = number(b, 2, 4);
    if (month > 40) {
      year += 100;
      month -= 40;
    } else if (month > 20) {
      year -= 100;
      month -= 20;
    }
    if (!isDate(year, month, number(b, 4, 6))) {
      return false;
    }
    return weighted(b, 2, 4, 8, 5, 10, 9, 7, 3, 6) % 11 % 10 == digit(b, 9);
  }

  /** PNF (number of a foreigner). */
  private static boolean bulgarianForeigner(String b) {
    return weighted(b, 21, 19, 17, 13, 11, 9, 7, 3, 1) % 10 == digit(b, 9);
  }

  /** Other 10-digit numbers. */
  private static boolean bulgarianOther(String b) {
    return (11 - weighted(b, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11 == digit(b, 9);
  }

  /** Cyprus: 8 digits + check letter, not starting with 12. */
  private static Failure cy(String b) {
    Matcher m = CY_SHAPE.matcher(b);
    if (!m.matches()) {
      return format(
          "CY",
          digits(b)
              ? "A Cypriot VAT number ends with a letter."
              : "Only digits may come before the last letter.");
    }
    if (m.group(1).length() != 8) {
      return length("CY", b);
    }
    if (b.startsWith("12")) {
      return format("CY", "Cypriot VAT numbers do not start with 12.");
    }
    int[] odd = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
    int s = 0;
    for (int i = 0; i < 8; i++) {
      s += i % 2 == 0 ? odd[digit(b, i)] : digit(b, i);
    }
    return b.charAt(8) == (char) ('A' + s % 26) ? null : checkLetter();
  }

  /**
   * Czechia: 8 digits (legal entities, not starting with 9), 9 digits starting with 6 (special
   * cases), or a 9- or 10-digit birth number (YYMMDD with 50 added to the month for women and 20
   * added when the day's serial numbers ran out; 9 digits only for births before 1954, without a
   * check digit; 10 digits: the number is divisible by 11, or the first nine mod 11 is 10 and the
   * last digit 0).
   */
  private static Failure cz(String b) {
    Failure f = digitsOfLength("CZ", b, 8, 9, 10);
    if (f != null) {
      return f;
    }
    if (b.length() == 8) {
      if (b.charAt(0) == '9') {
        return format("CZ", "An 8-digit Czech number does not start with 9.");
      }
      int c = (11 - weighted(b, 8, 7, 6, 5, 4, 3, 2) % 11) % 11;
      return (c == 0 ? 1 : c) % 10 == digit(b, 7) ? null : checksum();
    }
    if (b.length() == 9 && b.charAt(0) == '6') {
      int s = weighted(b.substring(1), 8, 7, 6, 5, 4, 3, 2) % 11;
      return Math.floorMod(s - 2, 10) == digit(b, 8) ? null : checksum();
    }
    if (!birthNumberDate(b)) {
      return format(
          "CZ",
          "A 9- or 10-digit Czech number starts with a birth date (YYMMDD, 50 added to the month"
              + " for women), and this date does not exist.");
    }
    return b.length() == 9 || birthNumberCheck(b) ? null : checksum();
  }

  /** Whether a Czech or Slovak birth number (9 or 10 digits) starts with a real date. */
  private static boolean birthNumberDate(String b) {
    int year = 1900 + number(b, 0, 2);
    int month = number(b, 2, 4);
    if (month > 50) {
      month -= 50;
    }
    if (month > 20) {
      month -= 20;
    }
    if (b.length() == 9) {
      if (year >= 1980) {
        year -= 100;
      }
      if (year > 1953) {
        return false;
      }
    } else if (year < 1954) {
      year += 100;
    }
    return isDate(year, month, number(b, 4, 6));
  }

  /** The check digit of a 10-digit birth number: first nine mod 11 (10 counts as 0). */
  private static boolean birthNumberCheck(String b) {
    return Long.parseLong(b.substring(0, 9)) % 11 % 10 == digit(b, 9);
  }

  /** Germany: 9 digits, not starting with 0; ISO 7064 Mod 11,10. */
  private static Failure de(String b) {
    Failure f = digitsOfLength("DE", b, 9);
    if (f != null) {
      return f;
    }
    if (b.charAt(0) == '0') {
      return format("DE", "German VAT numbers do not start with 0.");
    }
    return mod11x10(b) ? null : checksum();
  }

  /** Denmark: 8 digits, not starting with 0; weighted sum divisible by 11. */
  private static Failure dk(String b) {
    Failure f = digitsOfLength("DK", b, 8);
    if (f != null) {
      return f;
    }
    if (b.charAt(0) == '0') {
      return format("DK", "Danish VAT numbers do not start with 0.");
    }
    return weighted(b, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0 ? null : checksum();
  }

  /** Estonia: 9 digits; weighted sum divisible by 10. */
  private static Failure ee(String b) {
    Failure f = digitsOfLength("EE", b, 9);
    if (f != null) {
      return f;
    }
    return weighted(b, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0 ? null : checksum();
  }

  /** Greece: 9 digits; check = (Σ dᵢ·2^(9−i) mod 11) mod 10. */
  private static Failure el(String b) {
    Failure f = digitsOfLength("EL", b, 9);
    if (f != null) {
      return f;
    }
    int c = 0;
    for (int i = 0; i < 8; i++) {
      c = (2 * c + digit(b, i)) % 11;
    }
    return 2 * c % 11 % 10 == digit(b, 8) ? null : checksum();
  }

  /**
   * Spain: a DNI (8 digits + letter), a NIE (X, Y or Z + 7 digits + letter), a K, L or M number
   * (letter + 7 digits + letter, checked like a DNI over the 7 digits), or a CIF (one of {@value
   * #ES_CIF_FIRST} + 7 digits + a Luhn check digit or its letter form — either is accepted).
   */
  private static Failure es(String b) {
    if (b.length() != 9) {
      return ES_LOOSE.matcher(b).matches() ? length("ES", b) : format("ES", "");
    }
    if (!digits(b.substring(1, 8))) {
      return format("ES", "The 7 characters in the middle must be digits.");
    }
    char first = b.charAt(0);
    char last = b.charAt(8);
    if (Character.isDigit(first) || "XYZKLM".indexOf(first) >= 0) {
      if (!Character.isLetter(last)) {
        return format("ES", "This kind of Spanish number ends with a check letter.");
      }
      int n;
      if (Character.isDigit(first)) {
        n = number(b, 0, 8);
      } else if ("XYZ".indexOf(first) >= 0) {
        n = "XYZ".indexOf(first) * 10_000_000 + number(b, 1, 8);
      } else {
        n = number(b, 1, 8);
      }
      return ES_LETTERS.charAt(n % 23) == last ? null : checkLetter();
    }
    if (ES_CIF_FIRST.indexOf(first) < 0) {
      return format("ES", "Spanish VAT numbers do not start with the letter " + first + ".");
    }
    int c = luhnCheckDigit(b.substring(1, 8));
    return last == (char) ('0' + c) || last == ES_CIF_LETTERS.charAt(c) ? null : checksum();
  }

  /** Finland: 8 digits; weighted sum divisible by 11. */
  private static Failure fi(String b) {
    Failure f = digitsOfLength("FI", b, 8);
    if (f != null) {
      return f;
    }
    return weighted(b, 7, 9, 10, 5, 8, 4, 2, 1) % 11 == 0 ? null : checksum();
  }

  /**
   * France: a 2-character key and the 9-digit SIREN. The SIREN passes Luhn (except Monaco's, which
   * start with 000). A numeric key is (SIREN·100 + 12) mod 97. Alphanumeric keys number the pairs
   * in the order digit+letter (s = 24·first + index(second) − 10), then letter+anything (s =
   * 34·index(first) + index(second) − 100), indices in {@value #FR_KEY}; the SIREN then satisfies
   * (SIREN + 1 + s div 11) mod 11 = s mod 11.
   */
  private static Failure fr(String b) {
    for (int i = 0; i < Math.min(2, b.length()); i++) {
      if (FR_KEY.indexOf(b.charAt(i)) < 0) {
        return format(
            "FR", "The two characters after FR are digits, or letters other than I and O.");
      }
    }
    if (b.length() > 2 && !digits(b.substring(2))) {
      return format("FR", "Only digits may follow the two-character key.");
    }
    if (b.length() != 11) {
      return length("FR", b);
    }
    String siren = b.substring(2);
    if (!siren.startsWith("000") && luhnSum(siren) != 0) {
      return checksum();
    }
    long n = Long.parseLong(siren);
    if (digits(b.substring(0, 2))) {
      return (n * 100 + 12) % 97 == number(b, 0, 2) ? null : checksum();
    }
    int first = FR_KEY.indexOf(b.charAt(0));
    int second = FR_KEY.indexOf(b.charAt(1));
    int s = first < 10 ? first * 24 + second - 10 : first * 34 + second - 100;
    return (n + 1 + s / 11) % 11 == s % 11 ? null : checksum();
  }

  /** Croatia: 11 digits (OIB); ISO 7064 Mod 11,10. */
  private static Failure hr(String b) {
    Failure f = digitsOfLength("HR", b, 11);
    if (f != null) {
      return f;
    }
    return mod11x10(b) ? null : checksum();
  }

  /** Hungary: 8 digits; weighted sum divisible by 10. */
  private static Failure hu(String b) {
    Failure f = digitsOfLength("HU", b, 8);
    if (f != null) {
      return f;
    }
    return weighted(b, 9, 7, 3, 1, 9, 7, 3, 1) % 10 == 0 ? null : checksum();
  }

  /**
   * Ireland: 7 digits, check letter, optional second letter (new style); or a digit, a letter or +
   * or *, 5 digits and the check letter (old style, checked as "0" + the 5 digits + the first
   * digit). Check letter = {@value #IE_LETTERS}[(Σ (8..2)·dᵢ + 9·index(second letter)) mod 23].
   */
  private static Failure ie(String b) {
    if (IE_NEW.matcher(b).matches()) {
      int second = b.length() == 9 ? IE_LETTERS.indexOf(b.charAt(8)) : 0;
      int s = weighted(b, 8, 7, 6, 5, 4, 3, 2) + 9 * second;
      return IE_LETTERS.charAt(s % 23) == b.charAt(7) ? null : checkLetter();
    }
    if (IE_OLD.matcher(b).matches()) {
      String reordered = "0" + b.substring(2, 7) + b.charAt(0);
      int s = weighted(reordered, 8, 7, 6, 5, 4, 3, 2);
      return IE_LETTERS.charAt(s % 23) == b.charAt(7) ? null : checkLetter();
    }
    Matcher newStyle = IE_NEW_LOOSE.matcher(b);
    Matcher oldStyle = IE_OLD_LOOSE.matcher(b);
    if (newStyle.matches() || oldStyle.matches()) {
      return length("IE", b);
    }
    return format("IE", "");
  }

  /**
   * Italy: 11 digits; the first seven not all 0; digits 8–10 are the tax office (001–100, 120, 121,
   * 888, 999); Luhn over all 11.
   */
  private static Failure it(String b) {
    Failure f = digitsOfLength("IT", b, 11);
    if (f != null) {
      return f;
    }
    if (number(b, 0, 7) == 0) {
      return format("IT", "The first 7 digits of an Italian VAT number cannot all be 0.");
    }
    int office = number(b, 7, 10);
    if (!isItalianOffice(office)) {
      return format(
          "IT",
          "Digits 8 to 10 are the tax office (001 to 100, 120, 121, 888 or 999), and "
              + b.substring(7, 10)
              + " is none of them.");
    }
    return luhnSum(b) == 0 ? null : checksum();
  }

  private static boolean isItalianOffice(int office) {
    return office >= 1 && office <= 100
        || office == 120
        || office == 121
        || office == 888
        || office == 999;
  }

  /**
   * Lithuania: 9 digits with 1 as the 8th, or 12 digits with 1 as the 11th. Check = Σ (1 + i mod
   * 9)·dᵢ mod 11 (i from 0); when that is 10, the weights shift by 2; a remaining 10 counts as 0.
   */
  private static Failure lt(String b) {
    Failure f = digitsOfLength("LT", b, 9, 12);
    if (f != null) {
      return f;
    }
    int n = b.length() - 1;
    if (b.charAt(n - 1) != '1') {
      return format(
          "LT", "In a " + b.length() + "-digit Lithuanian VAT number the last digit but one is 1.");
    }
    int s = 0;
    for (int i = 0; i < n; i++) {
      s += (1 + i % 9) * digit(b, i);
    }
    if (s % 11 == 10) {
      s = 0;
      for (int i = 0; i < n; i++) {
        s += (1 + (i + 2) % 9) * digit(b, i);
      }
    }
    return s % 11 % 10 == digit(b, n) ? null : checksum();
  }

  /** Luxembourg: 8 digits; the first six mod 89 are the last two. */
  private static Failure lu(String b) {
    Failure f = digitsOfLength("LU", b, 8);
    if (f != null) {
      return f;
    }
    return number(b, 0, 6) % 89 == number(b, 6, 8) ? null : checksum();
  }

  /**
   * Latvia: 11 digits. Legal entities (first digit 4–9): weighted sum ≡ 3 mod 11. Persons (first
   * digit 0–3): DDMMYY and a century digit (0 = 1800s, 1 = 1900s, 2 = 2000s) form a real date, and
   * the check digit is (1 + Σ w·d) mod 11 mod 10 with w = 10, 5, 8, 4, 2, 1, 6, 3, 7, 9.
   */
  private static Failure lv(String b) {
    Failure f = digitsOfLength("LV", b, 11);
    if (f != null) {
      return f;
    }
    if (digit(b, 0) > 3) {
      return weighted(b, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3 ? null : checksum();
    }
    int century = digit(b, 6);
    if (century > 2
        || !isDate(1800 + 100 * century + number(b, 4, 6), number(b, 2, 4), number(b, 0, 2))) {
      return format(
          "LV",
          "A Latvian number starting with 0 to 3 belongs to a person and starts with a birth date"
              + " (DDMMYY and a century digit 0, 1 or 2), and this date does not exist.");
    }
    return (1 + weighted(b, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9)) % 11 % 10 == digit(b, 10)
        ? null
        : checksum();
  }

  /** Malta: 8 digits, not starting with 0; weighted sum divisible by 37. */
  private static Failure mt(String b) {
    Failure f = digitsOfLength("MT", b, 8);
    if (f != null) {
      return f;
    }
    if (b.charAt(0) == '0') {
      return format("MT", "Maltese VAT numbers do not start with 0.");
    }
    return weighted(b, 3, 4, 6, 7, 8, 9, 10, 1) % 37 == 0 ? null : checksum();
  }

  /**
   * The Netherlands: 9 digits, B, 2 digits (01–99). The 9 digits pass the 11-proof (BSN / RSIN),
   * or, for sole proprietors since 2020, "NL" + the whole number passes ISO 7064 Mod 97,10.
   */
  private static Failure nl(String b) {
    Matcher m = NL_SHAPE.matcher(b);
    if (!m.matches()) {
      return format("NL", "");
    }
    if (!m.group(2).equals("B")) {
      return format("NL", "The letter after the first 9 digits is B, not " + m.group(2) + ".");
    }
    if (m.group(1).length() != 9 || m.group(3).length() != 2) {
      return length("NL", b);
    }
    if (Long.parseLong(m.group(1)) == 0) {
      return format("NL", "The 9 digits before B cannot all be 0.");
    }
    if (m.group(3).equals("00")) {
      return format("NL", "The 2 digits after B are 01 to 99.");
    }
    boolean elevenProof = (weighted(b, 9, 8, 7, 6, 5, 4, 3, 2) - digit(b, 8)) % 11 == 0;
    return elevenProof || mod97("NL" + b) == 1 ? null : checksum();
  }

  /** Poland: 10 digits; Σ (6,5,7,2,3,4,5,6,7)·d mod 11 is the last digit. */
  private static Failure pl(String b) {
    Failure f = digitsOfLength("PL", b, 10);
    if (f != null) {
      return f;
    }
    return weighted(b, 6, 5, 7, 2, 3, 4, 5, 6, 7) % 11 == digit(b, 9) ? null : checksum();
  }

  /** Portugal: 9 digits, not starting with 0; check = (11 − Σ (9..2)·d mod 11) mod 11 mod 10. */
  private static Failure pt(String b) {
    Failure f = digitsOfLength("PT", b, 9);
    if (f != null) {
      return f;
    }
    if (b.charAt(0) == '0') {
      return format("PT", "Portuguese VAT numbers do not start with 0.");
    }
    int c = (11 - weighted(b, 9, 8, 7, 6, 5, 4, 3, 2) % 11) % 11 % 10;
    return c == digit(b, 8) ? null : checksum();
  }

  /**
   * Romania: 2 to 10 digits, not starting with 0 (CUI / CIF): the digits before the last, padded
   * with zeros to 9, weighted (7,5,3,2,1,7,5,3,2); check = 10·s mod 11 mod 10. Or a 13-digit
   * personal number (CNP): sex/century digit 1–9, birth date YYMMDD, 5 more digits, check = Σ
   * (2,7,9,1,4,6,3,5,8,2,7,9)·d mod 11, 10 counting as 1.
   */
  private static Failure ro(String b) {
    if (!digits(b)) {
      return format("RO", "Only digits may follow RO.");
    }
    if (b.length() == 13) {
      return romanianPerson(b);
    }
    if (b.length() < 2 || b.length() > 10) {
      return length("RO", b);
    }
    if (b.charAt(0) == '0') {
      return format("RO", "Romanian VAT numbers do not start with 0.");
    }
    String payload = "0".repeat(10 - b.length()) + b.substring(0, b.length() - 1);
    int s = weighted(payload, 7, 5, 3, 2, 1, 7, 5, 3, 2);
    return 10 * s % 11 % 10 == digit(b, b.length() - 1) ? null : checksum();
  }

  /**
   * A 13-digit CNP is judged by its length, its birth date and its check digit only. Digits 8 and 9
   * (the county of registration) are deliberately not checked against a table of counties:
   * eu-vat.md gives none, and a table that misses a code would refuse offline a number only VIES
   * can judge. The first digit gives the century: 1 and 2 the 1900s, 3 and 4 the 1800s, 5 and 6 the
   * 2000s; 7, 8 and 9 (residents and foreigners) name none, so any century in which the date exists
   * will do.
   */
  private static Failure romanianPerson(String b) {
    int sex = digit(b, 0);
    int yy = number(b, 1, 3);
    int month = number(b, 3, 5);
    int day = number(b, 5, 7);
    boolean date =
        switch (sex) {
          case 1, 2 -> isDate(1900 + yy, month, day);
          case 3, 4 -> isDate(1800 + yy, month, day);
          case 5, 6 -> isDate(2000 + yy, month, day);
          case 7, 8, 9 ->
              isDate(1800 + yy, month, day)
                  || isDate(1900 + yy, month, day)
                  || isDate(2000 + yy, month, day);
          default -> false;
        };
    if (!date) {
      return format(
          "RO",
          "A 13-digit Romanian personal number (CNP) starts with a digit from 1 to 9 and a birth"
              + " date (YYMMDD), and this one does not.");
    }
    int c = weighted(b, 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9) % 11;
    return (c == 10 ? 1 : c) == digit(b, 12) ? null : checksum();
  }

  /** Sweden: 12 digits = 10-digit organisation number (Luhn) + 01. */
  private static Failure se(String b) {
    Failure f = digitsOfLength("SE", b, 12);
    if (f != null) {
      return f;
    }
    if (!b.endsWith("01")) {
      return format("SE", "A Swedish VAT number ends with 01.");
    }
    return luhnSum(b.substring(0, 10)) == 0 ? null : checksum();
  }

  /** Slovenia: 8 digits, not starting with 0; check = 11 − (Σ (8..2)·d mod 11), 10 → 0. */
  private static Failure si(String b) {
    Failure f = digitsOfLength("SI", b, 8);
    if (f != null) {
      return f;
    }
    if (b.charAt(0) == '0') {
      return format("SI", "Slovenian VAT numbers do not start with 0.");
    }
    int c = 11 - weighted(b, 8, 7, 6, 5, 4, 3, 2) % 11;
    return c != 11 && c % 10 == digit(b, 7) ? null : checksum();
  }

  /**
   * Slovakia: 10 digits divisible by 11, not starting with 0, third digit 2, 3, 4, 7, 8 or 9; or a
   * valid 10-digit birth number (as in Czechia).
   */
  private static Failure sk(String b) {
    Failure f = digitsOfLength("SK", b, 10);
    if (f != null) {
      return f;
    }
    boolean birthDate = birthNumberDate(b);
    if (birthDate && birthNumberCheck(b)) {
      return null;
    }
    if (b.charAt(0) != '0' && "234789".indexOf(b.charAt(2)) >= 0) {
      return Long.parseLong(b) % 11 == 0 ? null : checksum();
    }
    if (birthDate) {
      return checksum();
    }
    return format(
        "SK",
        b.charAt(0) == '0'
            ? "Slovak VAT numbers do not start with 0."
            : "The third digit of a Slovak VAT number is 2, 3, 4, 7, 8 or 9.");
  }

  /**
   * Northern Ireland (UK numbers): 9 digits, or 12 with a branch code (ignored); Σ
   * (8,7,6,5,4,3,2,10,1)·d mod 97 is 0, or also 42 or 55 when the first three digits are 100 or
   * more. Or a government department (GD) or health authority (HA) number, in two forms:
   *
   * <ul>
   *   <li>5 characters, GD or HA and 3 digits, without check digits;
   *   <li>11 characters, GD8888 or HA8888, 3 digits and 2 check digits equal to those 3 digits mod
   *       97.
   * </ul>
   *
   * In both, the 3 digits are below 500 for GD and from 500 for HA.
   */
  private static Failure xi(String b) {
    Matcher m = XI_GOVERNMENT.matcher(b);
    if (m.matches()) {
      String kind = m.group(1);
      String n = m.group(2);
      if (n.length() != 3 && n.length() != 9) {
        return length("XI", b);
      }
      if (n.length() == 9 && !n.startsWith("8888")) {
        return format("XI", "An 11-character " + kind + " number starts with " + kind + "8888.");
      }
      boolean fiveCharacters = n.length() == 3;
      int unit = fiveCharacters ? number(n, 0, 3) : number(n, 4, 7);
      if (kind.equals("GD") ? unit >= 500 : unit < 500) {
        return format(
            "XI",
            fiveCharacters
                ? "GD numbers (government departments) run from GD000 to GD499, HA numbers (health"
                    + " authorities) from HA500 to HA999."
                : "In GD8888 numbers (government departments) the 3 digits after 8888 run from 000"
                    + " to 499, in HA8888 numbers (health authorities) from 500 to 999.");
      }
      return fiveCharacters || unit % 97 == number(n, 7, 9) ? null : checksum();
    }
    if (b.startsWith("GD") || b.startsWith("HA")) {
      return format("XI", "Only digits may follow " + b.substring(0, 2) + ".");
    }
    Failure f = digitsOfLength("XI", b, 9, 12);
    if (f != null) {
      return f;
    }
    int s = weighted(b, 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97;
    boolean ok = s == 0 || number(b, 0, 3) >= 100 && (s == 42 || s == 55);
    return ok ? null : checksum();
  }

  // --- Helpers --------------------------------------------------------------------------------

  /** Null when {@code b} is all digits and has one of the lengths; else FORMAT or LENGTH. */
  private static Failure digitsOfLength(String prefix, String b, int... lengths) {
    if (!digits(b)) {
      return format(prefix, "Only digits may follow " + prefix + ".");
    }
    for (int n : lengths) {
      if (b.length() == n) {
        return null;
      }
    }
    return length(prefix, b);
  }

  private static String shape(String prefix) {
    return "VAT numbers from "
        + VatPrefix.nameOf(prefix).orElse(prefix)
        + " are "
        + prefix
        + " followed by "
        + SHAPES.get(prefix)
        + ".";
  }

  private static Failure format(String prefix, String problem) {
    String message = problem.isEmpty() ? "The number does not have the right form." : problem;
    return new Failure(Reason.FORMAT, message + " " + shape(prefix));
  }

  private static Failure length(String prefix, String b) {
    String unit = digits(b) ? (b.length() == 1 ? "digit" : "digits") : "characters";
    if (!digits(b) && b.length() == 1) {
      unit = "character";
    }
    return new Failure(
        Reason.LENGTH,
        "The number has the wrong length: "
            + b.length()
            + " "
            + unit
            + " after "
            + prefix
            + ". "
            + shape(prefix));
  }

  private static Failure checksum() {
    return new Failure(Reason.CHECKSUM, CHECK_DIGITS);
  }

  private static Failure checkLetter() {
    return new Failure(Reason.CHECKSUM, CHECK_LETTER);
  }

  static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int digit(String s, int i) {
    return s.charAt(i) - '0';
  }

  private static int number(String s, int from, int to) {
    return Integer.parseInt(s.substring(from, to));
  }

  /** Σ wᵢ·dᵢ over the first {@code weights.length} digits. */
  private static int weighted(String s, int... weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * digit(s, i);
    }
    return sum;
  }

  /**
   * The Luhn sum mod 10: digits from the right, every second one (the rightmost not) doubled and
   * its digits added. A number passes Luhn when this is 0.
   */
  private static int luhnSum(String s) {
    int sum = 0;
    for (int i = 0; i < s.length(); i++) {
      int d = digit(s, s.length() - 1 - i);
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10;
  }

  /** The digit that, appended to {@code s}, makes it pass Luhn. */
  private static int luhnCheckDigit(String s) {
    return (10 - luhnSum(s + "0")) % 10;
  }

  /** ISO 7064 Mod 11,10 over all digits, the last being the check digit. */
  private static boolean mod11x10(String s) {
    int p = 10;
    for (int i = 0; i < s.length() - 1; i++) {
      int t = (p + digit(s, i)) % 10;
      p = (t == 0 ? 10 : t) * 2 % 11;
    }
    return (11 - p) % 10 == digit(s, s.length() - 1);
  }

  /** The value mod 97 of a string of digits and letters, letters counting as A = 10 … Z = 35. */
  private static int mod97(String s) {
    int r = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      r = (v < 10 ? r * 10 : r * 100) + v;
      r %= 97;
    }
    return r;
  }

  private static boolean isDate(int year, int month, int day) {
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= YearMonth.of(year, month).lengthOfMonth();
  }
}

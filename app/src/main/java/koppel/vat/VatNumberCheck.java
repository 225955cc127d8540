package koppel.vat;

import java.util.Locale;

/**
 * Checks the syntax and check digits of an EU VAT number (and of a Northern Ireland XI number),
 * offline. A number that passes is well-formed only; whether it is registered and active only VIES
 * can tell.
 *
 * <p>Reading the input (see {@link VatNumberInput} for the details):
 *
 * <ol>
 *   <li>A leading label or country name is dropped ("VAT no.", "BTW:", "USt-IdNr.", "Belgium:",
 *       "België"), with separators (spaces, dots, dashes, slashes, commas, colons, parentheses,
 *       quotes) anywhere and any other non-alphanumeric characters at either end; the rest is
 *       upper-cased.
 *   <li>The prefix is the first two characters when they are letters that name an EU VAT prefix or
 *       XI; {@code GR} is read as {@code EL}. {@code GB} and {@code UK} are recognised and rejected
 *       ({@link Reason#PREFIX}): British numbers left VIES in 2021.
 *   <li>Without a prefix in the number, the country name before it gives the prefix, else the
 *       country hint (the buyer's ISO country: {@code GR} → {@code EL}, {@code XI} → {@code XI};
 *       {@code GB} → rejected).
 *   <li>When the number starts with two letters and a country is known from a name or the hint, and
 *       reading the whole as that country's number makes it valid while the letters as a prefix do
 *       not (French numbers may start with a two-letter key: {@code AB123456789}, or even {@code
 *       DE…}), the country's reading wins. Otherwise the letters are the prefix.
 *   <li>Old short forms are padded: 9-digit Belgian numbers and 8-digit Greek numbers get a leading
 *       0, Dutch numbers get zeros before their digits up to 9 digits before the B. "(0)" in a
 *       Belgian number simply becomes 0, since parentheses are separators.
 * </ol>
 *
 * <p>Nothing usable (null, blank, only a label) is a {@link Reason#FORMAT} failure with a null
 * normalised form; a prefix with nothing after it is a {@link Reason#LENGTH} failure.
 *
 * <p>Pure Java, no state, thread-safe.
 */
public final class VatNumberCheck {

  /** Why a number is not well-formed. */
  public enum Reason {
    /** No prefix, or one that is not an EU VAT prefix or XI (GB among them). */
    PREFIX,
    /**
     * Wrong characters or shape for the country (letters where digits belong, a wrong fixed part).
     */
    FORMAT,
    /** The right characters, but too few or too many. */
    LENGTH,
    /** The form is right, but the check digits (or check letter) do not match. */
    CHECKSUM
  }

  /**
   * The outcome of a check.
   *
   * @param input the input exactly as given (may be null)
   * @param normalised the compacted number with its prefix first ("BE0123456749",
   *     "NL004495445B01"), as VIES wants it; for a {@link Reason#PREFIX} failure the compacted
   *     input with whatever prefix was found; null when there was nothing usable
   * @param prefix the VAT prefix the number was read with (EL for Greece, XI for Northern Ireland);
   *     for a {@link Reason#PREFIX} failure the non-EU code that was found (GB, US, …) or null when
   *     there was none
   * @param valid whether the number is well-formed and its check digits match
   * @param reason null when valid, else why not
   * @param message plain English for a merchant: what is wrong, or that the number is well-formed
   */
  public record Result(
      String input,
      String normalised,
      String prefix,
      boolean valid,
      Reason reason,
      String message) {}

  static final String WELL_FORMED =
      "The VAT number is well-formed; whether it is active, only VIES can tell.";

  static final String NOTHING = "No VAT number was given.";

  static final String GB =
      "GB VAT numbers are not EU VAT numbers since 2021 and VIES cannot check them. A business in"
          + " Northern Ireland trading goods has a number starting with XI.";

  private VatNumberCheck() {}

  /** Checks a number that should carry its country prefix. */
  public static Result check(String raw) {
    return check(raw, null);
  }

  /**
   * Checks a number; when it has no prefix, {@code countryHint} (the buyer's ISO country code, may
   * be null) supplies one.
   */
  public static Result check(String raw, String countryHint) {
    if (raw == null) {
      return nothing(null);
    }
    VatNumberInput.Parsed parsed = VatNumberInput.parse(raw);
    String compact = parsed.compact();
    if (compact.isEmpty() && parsed.countryPrefix() == null) {
      return nothing(raw);
    }
    String known =
        parsed.countryPrefix() != null ? parsed.countryPrefix() : hintPrefix(countryHint);
    boolean knownIsVat = known != null && VatPrefix.isVatPrefix(known);

    String typed = typedPrefix(compact);
    if (typed != null) {
      String rest = compact.substring(2);
      if (VatPrefix.isVatPrefix(typed)) {
        Result own = validate(raw, typed, rest);
        if (!own.valid() && knownIsVat && !known.equals(typed)) {
          Result alternative = validate(raw, known, compact);
          if (alternative.valid()) {
            return alternative;
          }
        }
        return own;
      }
      if (knownIsVat) {
        Result alternative = validate(raw, known, compact);
        if (alternative.valid()) {
          return alternative;
        }
      }
      return prefixFailure(
          raw,
          typed,
          typed + rest,
          typed.equals("GB")
              ? GB
              : typed
                  + " is not the prefix of an EU VAT number. EU VAT numbers start with the code of"
                  + " the member state, such as BE or DE (EL for Greece), or XI for Northern"
                  + " Ireland.");
    }
    if (known == null) {
      return prefixFailure(
          raw,
          null,
          compact,
          "The VAT number has no country prefix. EU VAT numbers start with the code of the member"
              + " state, such as BE or DE (EL for Greece).");
    }
    if (known.equals("GB")) {
      return prefixFailure(raw, known, known + compact, GB);
    }
    if (!knownIsVat) {
      return prefixFailure(
          raw,
          known,
          compact,
          "The VAT number has no country prefix, and the buyer's country "
              + known
              + " is not in the EU VAT area.");
    }
    return validate(raw, known, compact);
  }

  /** The first two characters when both are letters; GR becomes EL and UK becomes GB. */
  private static String typedPrefix(String compact) {
    if (compact.length() < 2
        || !isAsciiLetter(compact.charAt(0))
        || !isAsciiLetter(compact.charAt(1))) {
      return null;
    }
    return canonical(compact.substring(0, 2));
  }

  private static String hintPrefix(String hint) {
    if (hint == null || hint.isBlank()) {
      return null;
    }
    return canonical(hint.strip().toUpperCase(Locale.ROOT));
  }

  private static String canonical(String code) {
    return switch (code) {
      case "GR" -> VatPrefix.GREECE;
      case "UK" -> "GB";
      default -> code;
    };
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static Result validate(String raw, String prefix, String body) {
    String padded = VatNumberRules.pad(prefix, body);
    VatNumberRules.Failure failure = VatNumberRules.check(prefix, padded);
    String normalised = prefix + padded;
    return failure == null
        ? new Result(raw, normalised, prefix, true, null, WELL_FORMED)
        : new Result(raw, normalised, prefix, false, failure.reason(), failure.message());
  }

  private static Result prefixFailure(
      String raw, String prefix, String normalised, String message) {
    return new Result(
        raw, normalised.isEmpty() ? null : normalised, prefix, false, Reason.PREFIX, message);
  }

  private static Result nothing(String raw) {
    return new Result(raw, null, null, false, Reason.FORMAT, NOTHING);
  }
}

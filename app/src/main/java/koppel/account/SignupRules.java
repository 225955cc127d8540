package koppel.account;

import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a trial sign-up must say, as pure rules: a shop or company name, an e-mail address, the
 * webshop's country (the EU, the United Kingdom, Switzerland and Norway; Belgium and the
 * Netherlands first) and the terms accepted; and when two sign-ups are one (a double submit).
 */
public final class SignupRules {

  private SignupRules() {}

  /** The countries a webshop may be in, Belgium and the Netherlands first. */
  public static final List<String> FIRST = List.of("BE", "NL");

  public static final List<String> OTHERS =
      List.of(
          "AT", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
          "LT", "LU", "LV", "MT", "PL", "PT", "RO", "SE", "SI", "SK", "GB", "CH", "NO");

  public static final int MAX_NAME = 100;
  public static final int MAX_EMAIL = 254;

  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:.]+(\\.[^@\\s<>\"(),;:.]+)+$");

  /** What the merchant typed. */
  public record Form(String name, String email, String country, boolean termsAccepted) {}

  /** A country for the select: its code and its name in the page's language. */
  public record Country(String code, String name) {}

  /**
   * The field errors of a sign-up (field → message key of the account bundle), in the form's order;
   * empty when it is fine.
   */
  public static Map<String, String> check(Form f) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = f.name() == null ? "" : f.name().strip();
    if (name.isEmpty()) {
      errors.put("name", "signup.error.name.missing");
    } else if (name.length() > MAX_NAME) {
      errors.put("name", "signup.error.name.long");
    }
    String email = email(f.email());
    if (email.isEmpty()) {
      errors.put("email", "signup.error.email.missing");
    } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
      errors.put("email", "signup.error.email.invalid");
    }
    if (!isCountry(f.country())) {
      errors.put("country", "signup.error.country");
    }
    if (!f.termsAccepted()) {
      errors.put("terms", "signup.error.terms");
    }
    return errors;
  }

  /** The e-mail address as the login name: trimmed and lower-cased. */
  public static String email(String typed) {
    return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The name as compared for a double submit: case, runs of spaces and surrounding blanks do not
   * make two sign-ups different.
   */
  public static String nameKey(String name) {
    return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** A second sign-up with the same e-mail and name within {@code window} is the same one. */
  public static boolean isDouble(Instant earlier, Instant now, Duration window) {
    return earlier != null && !earlier.isBefore(now.minus(window)) && !earlier.isAfter(now);
  }

  public static boolean isCountry(String code) {
    return code != null && (FIRST.contains(code) || OTHERS.contains(code));
  }

  /** The countries for the select: Belgium and the Netherlands, then the others by name. */
  public static List<Country> countries(Locale locale) {
    List<Country> out = new ArrayList<>();
    for (String c : FIRST) {
      out.add(new Country(c, name(c, locale)));
    }
    Collator collator = Collator.getInstance(locale);
    List<Country> rest = new ArrayList<>();
    for (String c : OTHERS) {
      rest.add(new Country(c, name(c, locale)));
    }
    rest.sort(Comparator.comparing(Country::name, collator));
    out.addAll(rest);
    return out;
  }

  public static String name(String code, Locale locale) {
    return new Locale("", code).getDisplayCountry(locale);
  }
}

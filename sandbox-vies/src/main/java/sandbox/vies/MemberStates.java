package sandbox.vies;

import java.util.List;
import java.util.regex.Pattern;

/** The prefixes VIES checks and its input patterns (reference §7.3). */
final class MemberStates {

  /** The 27 member states as VIES spells them (Greece is EL) and Northern Ireland (XI). */
  static final List<String> CODES =
      List.of(
          "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE",
          "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI");

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z+*.]{2,12}");
  private static final Pattern COMPANY_TYPE = Pattern.compile("[A-Z]{2}-[1-9][0-9]?");

  private MemberStates() {}

  /** Case-sensitive, as VIES is: {@code be} and {@code GR} are invalid input. */
  static boolean isCountry(String code) {
    return code != null && COUNTRY.matcher(code).matches() && CODES.contains(code);
  }

  /** The number without its country prefix. */
  static boolean isNumber(String number) {
    return number != null && NUMBER.matcher(number).matches();
  }

  static boolean isCompanyType(String type) {
    return type != null && COMPANY_TYPE.matcher(type).matches();
  }
}

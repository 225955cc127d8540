package sandbox.vies;

import java.util.Locale;

/**
 * Approximate matching of the trader fields a client sent against the registered data: {@code
 * VALID} when equal ignoring case and spacing, {@code INVALID} when different, {@code
 * NOT_PROCESSED} when nothing was sent, the number is invalid, or the member state shares no data
 * to compare with (VIES answers that for most German numbers). Street, postal code and city without
 * their own registered value are looked for in the registered address.
 */
final class TraderMatch {

  static final String VALID = "VALID";
  static final String INVALID = "INVALID";
  static final String NOT_PROCESSED = "NOT_PROCESSED";

  private TraderMatch() {}

  static String exact(String sent, String registered, boolean valid) {
    if (!valid || CheckVatRequest.blank(sent) || unknown(registered)) {
      return NOT_PROCESSED;
    }
    return norm(sent).equals(norm(registered)) ? VALID : INVALID;
  }

  /** Street, postal code, city: their own registered value, else part of the address. */
  static String inAddress(String sent, String registered, String address, boolean valid) {
    if (!unknown(registered)) {
      return exact(sent, registered, valid);
    }
    if (!valid || CheckVatRequest.blank(sent) || unknown(address)) {
      return NOT_PROCESSED;
    }
    return norm(address).contains(norm(sent)) ? VALID : INVALID;
  }

  private static boolean unknown(String registered) {
    return CheckVatRequest.blank(registered) || Registration.UNKNOWN.equals(registered.trim());
  }

  private static String norm(String s) {
    return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}

package koppel.vat;

import java.util.Locale;
import java.util.Set;

/** Which ISO country codes are EU member states (for VAT purposes). */
public final class EuMembership {

  private static final Set<String> MEMBERS =
      Set.of(
          "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
          "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

  private EuMembership() {}

  public static boolean isMember(String isoCountry) {
    return isoCountry != null && MEMBERS.contains(isoCountry.toUpperCase(Locale.ROOT));
  }
}

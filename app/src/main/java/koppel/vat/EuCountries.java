package koppel.vat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Countries as VAT sees them: EU membership by date and which codes are countries at all (ISO
 * codes, plus XI for Northern Ireland's goods trade). VAT prefixes are {@link VatPrefix}'s.
 */
public final class EuCountries {

  /** Member states and the day they joined (VAT-wise). */
  private static final Map<String, LocalDate> JOINED =
      Map.ofEntries(
          Map.entry("BE", LocalDate.of(1958, 1, 1)),
          Map.entry("DE", LocalDate.of(1958, 1, 1)),
          Map.entry("FR", LocalDate.of(1958, 1, 1)),
          Map.entry("IT", LocalDate.of(1958, 1, 1)),
          Map.entry("LU", LocalDate.of(1958, 1, 1)),
          Map.entry("NL", LocalDate.of(1958, 1, 1)),
          Map.entry("DK", LocalDate.of(1973, 1, 1)),
          Map.entry("IE", LocalDate.of(1973, 1, 1)),
          Map.entry("GR", LocalDate.of(1981, 1, 1)),
          Map.entry("ES", LocalDate.of(1986, 1, 1)),
          Map.entry("PT", LocalDate.of(1986, 1, 1)),
          Map.entry("AT", LocalDate.of(1995, 1, 1)),
          Map.entry("FI", LocalDate.of(1995, 1, 1)),
          Map.entry("SE", LocalDate.of(1995, 1, 1)),
          Map.entry("CY", LocalDate.of(2004, 5, 1)),
          Map.entry("CZ", LocalDate.of(2004, 5, 1)),
          Map.entry("EE", LocalDate.of(2004, 5, 1)),
          Map.entry("HU", LocalDate.of(2004, 5, 1)),
          Map.entry("LV", LocalDate.of(2004, 5, 1)),
          Map.entry("LT", LocalDate.of(2004, 5, 1)),
          Map.entry("MT", LocalDate.of(2004, 5, 1)),
          Map.entry("PL", LocalDate.of(2004, 5, 1)),
          Map.entry("SK", LocalDate.of(2004, 5, 1)),
          Map.entry("SI", LocalDate.of(2004, 5, 1)),
          Map.entry("BG", LocalDate.of(2007, 1, 1)),
          Map.entry("RO", LocalDate.of(2007, 1, 1)),
          Map.entry("HR", LocalDate.of(2013, 7, 1)));

  /** The United Kingdom left the EU VAT area at the end of the transition period. */
  private static final LocalDate GB_LEFT = LocalDate.of(2020, 12, 31);

  /** Since 2021 Northern Ireland follows EU VAT rules for goods (prefix XI, in VIES). */
  public static final String NORTHERN_IRELAND = "XI";

  private static final Set<String> ISO = Set.of(Locale.getISOCountries());

  private EuCountries() {}

  /** A member state on that date (ISO code; GR for Greece). XI counts from 2021 for goods. */
  public static boolean isMember(String iso, LocalDate date) {
    String c = upper(iso);
    if (NORTHERN_IRELAND.equals(c)) {
      return !date.isBefore(GB_LEFT.plusDays(1));
    }
    if ("GB".equals(c)) {
      return !date.isAfter(GB_LEFT) && !date.isBefore(LocalDate.of(1973, 1, 1));
    }
    LocalDate joined = JOINED.get(c);
    return joined != null && !date.isBefore(joined);
  }

  /** Today's members (for the configuration screens). */
  public static Set<String> members() {
    return JOINED.keySet();
  }

  /** Whether this is an ISO 3166-1 country code (XI, not ISO, is accepted for goods). */
  public static boolean isKnown(String iso) {
    String c = upper(iso);
    return ISO.contains(c) || NORTHERN_IRELAND.equals(c);
  }

  private static String upper(String s) {
    return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
  }
}

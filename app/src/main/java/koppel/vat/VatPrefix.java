package koppel.vat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The two-letter prefixes of VAT numbers that VIES knows, and how they relate to ISO 3166-1 country
 * codes.
 *
 * <p>The prefix is the ISO code of the member state, with two exceptions:
 *
 * <ul>
 *   <li>Greece is {@code GR} in ISO 3166 but {@code EL} as a VAT prefix;
 *   <li>{@code XI} is Northern Ireland, which since 2021 follows the EU VAT rules for goods and is
 *       in VIES. It is not an ISO 3166-1 code: Northern Ireland is part of {@code GB} (subdivision
 *       {@code GB-NIR}). Shops often use {@code XI} as a country code all the same, so {@link
 *       #forCountry} accepts it.
 * </ul>
 *
 * <p>{@code GB} is not a VAT prefix: numbers of Great Britain left the EU VAT area at the end of
 * 2020 and VIES no longer checks them.
 */
public final class VatPrefix {

  /** The prefix of Greece. */
  public static final String GREECE = "EL";

  /** The prefix of Northern Ireland (goods), not an ISO country code. */
  public static final String NORTHERN_IRELAND = "XI";

  /** Prefix → English name of the country or territory, in prefix order. */
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("AT", "Austria"),
          Map.entry("BE", "Belgium"),
          Map.entry("BG", "Bulgaria"),
          Map.entry("CY", "Cyprus"),
          Map.entry("CZ", "Czechia"),
          Map.entry("DE", "Germany"),
          Map.entry("DK", "Denmark"),
          Map.entry("EE", "Estonia"),
          Map.entry("EL", "Greece"),
          Map.entry("ES", "Spain"),
          Map.entry("FI", "Finland"),
          Map.entry("FR", "France"),
          Map.entry("HR", "Croatia"),
          Map.entry("HU", "Hungary"),
          Map.entry("IE", "Ireland"),
          Map.entry("IT", "Italy"),
          Map.entry("LT", "Lithuania"),
          Map.entry("LU", "Luxembourg"),
          Map.entry("LV", "Latvia"),
          Map.entry("MT", "Malta"),
          Map.entry("NL", "the Netherlands"),
          Map.entry("PL", "Poland"),
          Map.entry("PT", "Portugal"),
          Map.entry("RO", "Romania"),
          Map.entry("SE", "Sweden"),
          Map.entry("SI", "Slovenia"),
          Map.entry("SK", "Slovakia"),
          Map.entry("XI", "Northern Ireland"));

  private static final List<String> ALL = NAMES.keySet().stream().sorted().toList();

  private VatPrefix() {}

  /** All 28 prefixes, alphabetically: the 27 member states (Greece as EL) and XI. */
  public static List<String> all() {
    return ALL;
  }

  /** Whether this is one of {@link #all()} (case and surrounding spaces are ignored). */
  public static boolean isVatPrefix(String code) {
    return NAMES.containsKey(upper(code));
  }

  /**
   * The VAT prefix for an ISO country code: {@code GR} → {@code EL}, a member state → itself,
   * {@code XI} → {@code XI}; {@code EL} is accepted as well. Empty for {@code GB} (not an EU VAT
   * number since 2021: a Northern Ireland business must be told apart by its address), for
   * non-members and for null.
   */
  public static Optional<String> forCountry(String isoCountry) {
    String c = upper(isoCountry);
    if ("GR".equals(c)) {
      return Optional.of(GREECE);
    }
    return NAMES.containsKey(c) ? Optional.of(c) : Optional.empty();
  }

  /**
   * The ISO country code of a VAT prefix: {@code EL} → {@code GR}, {@code XI} → {@code GB}
   * (Northern Ireland is part of the United Kingdom), others unchanged. Empty when the argument is
   * not a VAT prefix.
   */
  public static Optional<String> countryOf(String prefix) {
    String p = upper(prefix);
    if (!NAMES.containsKey(p)) {
      return Optional.empty();
    }
    return Optional.of(
        switch (p) {
          case GREECE -> "GR";
          case NORTHERN_IRELAND -> "GB";
          default -> p;
        });
  }

  /** The English name ("Greece", "Northern Ireland", "the Netherlands"); empty if unknown. */
  public static Optional<String> nameOf(String prefix) {
    return Optional.ofNullable(NAMES.get(upper(prefix)));
  }

  private static String upper(String s) {
    return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
  }
}

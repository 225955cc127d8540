package sandbox.kmoshops;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VAT rates a shop charges per destination country, by product category, as data with effective
 * dates (eu-vat.md §1; "never hard-code a single rate per country"). Categories: general goods
 * (standard rate), food, books and "spread" (margarine: Belgium's 12 %, elsewhere the food rate).
 * Only rates listed in eu-vat.md §1 for that country and date appear.
 */
final class EuVatRates {

  /** What a webshop sells, as far as VAT is concerned. */
  enum Category {
    GENERAL,
    FOOD,
    BOOKS,
    SPREAD
  }

  /** One period: from this date on (until the next row of the same country). */
  record Period(String country, LocalDate from, BigDecimal[] rates) {}

  // country, effective from, general, food, books, spread
  private static final String TABLE =
      """
      AT 2000-01-01 20 10 10 10
      BE 2000-01-01 21 6 6 12
      BG 2000-01-01 20 20 9 20
      CY 2000-01-01 19 5 5 5
      CZ 2000-01-01 21 15 10 15
      CZ 2024-01-01 21 12 12 12
      DE 2000-01-01 19 7 7 7
      DE 2020-07-01 16 5 5 5
      DE 2021-01-01 19 7 7 7
      DK 2000-01-01 25 25 25 25
      EE 2000-01-01 20 20 9 20
      EE 2024-01-01 22 22 9 22
      EE 2025-07-01 24 24 9 24
      FI 2000-01-01 24 14 10 14
      FI 2024-09-01 25.5 14 10 14
      FI 2026-01-01 25.5 13.5 10 13.5
      FR 2000-01-01 20 5.5 5.5 5.5
      GR 2000-01-01 24 13 6 13
      HR 2000-01-01 25 5 5 5
      HU 2000-01-01 27 18 5 18
      IE 2000-01-01 23 13.5 9 13.5
      IT 2000-01-01 22 10 4 10
      LT 2000-01-01 21 21 9 21
      LT 2026-01-01 21 21 5 21
      LU 2000-01-01 17 3 3 3
      LU 2023-01-01 16 3 3 3
      LU 2024-01-01 17 3 3 3
      LV 2000-01-01 21 12 5 12
      MT 2000-01-01 18 5 5 5
      NL 2000-01-01 21 9 9 9
      PL 2000-01-01 23 5 5 5
      PT 2000-01-01 23 6 6 6
      RO 2000-01-01 19 9 5 9
      RO 2025-08-01 21 11 11 11
      SE 2000-01-01 25 12 6 12
      SE 2026-04-01 25 6 6 6
      SE 2028-01-01 25 12 6 12
      SI 2000-01-01 22 9.5 5 9.5
      SK 2000-01-01 20 10 10 10
      SK 2025-01-01 23 19 5 19
      ES 2000-01-01 21 10 4 10
      """;

  private static final Map<String, List<Period>> PERIODS = parse();

  private EuVatRates() {}

  /** The 27 member states by ISO code (Greece: GR). */
  static List<String> memberStates() {
    return new ArrayList<>(PERIODS.keySet());
  }

  static boolean isMemberState(String country) {
    return PERIODS.containsKey(country);
  }

  /** The rate for a category in a country on a date; empty outside the EU (or before the table). */
  static Optional<BigDecimal> rate(String country, Category category, LocalDate on) {
    Period current = null;
    for (Period p : PERIODS.getOrDefault(country, List.of())) {
      if (!p.from().isAfter(on)) {
        current = p;
      }
    }
    return current == null ? Optional.empty() : Optional.of(current.rates()[category.ordinal()]);
  }

  private static Map<String, List<Period>> parse() {
    Map<String, List<Period>> out = new LinkedHashMap<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] f = line.trim().split("\\s+");
      BigDecimal[] rates = new BigDecimal[4];
      for (int i = 0; i < 4; i++) {
        rates[i] = new BigDecimal(f[2 + i]);
      }
      out.computeIfAbsent(f[0], k -> new ArrayList<>())
          .add(new Period(f[0], LocalDate.parse(f[1]), rates));
    }
    return out;
  }
}

package koppel.vat;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * VAT rates per country as data with effective dates, selected by the date that matters (the
 * order's tax point). Read from a CSV resource an operator can replace without a code change.
 */
public final class VatRateTable {

  /** The kinds of rates a member state has. */
  public enum Kind {
    STANDARD,
    REDUCED,
    SUPER_REDUCED,
    PARKING
  }

  /** One row: a rate of a kind in a country, valid from a date, until a date (or open). */
  public record Rate(
      String country, Kind kind, BigDecimal percent, LocalDate from, LocalDate to, String note) {

    boolean validOn(LocalDate date) {
      return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
  }

  /** A country's rates on one date. */
  public record CountryRates(
      String country,
      LocalDate date,
      BigDecimal standard,
      List<BigDecimal> reduced,
      List<BigDecimal> superReduced,
      List<BigDecimal> parking) {

    /** Every rate that can appear on a sale, standard first, without zero. */
    public List<BigDecimal> all() {
      Set<BigDecimal> out = new TreeSet<>(Collections.reverseOrder());
      if (standard != null) {
        out.add(standard);
      }
      out.addAll(reduced);
      out.addAll(superReduced);
      out.addAll(parking);
      return List.copyOf(out);
    }

    public boolean has(BigDecimal rate) {
      return all().stream().anyMatch(r -> r.compareTo(rate) == 0);
    }
  }

  private final List<Rate> rates;

  private VatRateTable(List<Rate> rates) {
    this.rates = List.copyOf(rates);
  }

  /** The table shipped with Koppel (eu-vat.md, late 2026). */
  public static VatRateTable bundled() {
    return read(CsvTable.resource("/koppel/vat/eu-vat-rates.csv", "VAT rate table"));
  }

  /** Reads a table in the bundled file's format; a malformed line fails with its number. */
  public static VatRateTable read(Reader source) {
    List<Rate> rates = new ArrayList<>();
    for (CsvTable.Row row : CsvTable.rows(source)) {
      rates.add(parse(row));
    }
    return new VatRateTable(rates);
  }

  private static Rate parse(CsvTable.Row row) {
    if (row.fields().size() < 5) {
      throw new IllegalArgumentException(
          "VAT rate table line " + row.line() + ": expected country,kind,rate,from,to[,note]");
    }
    try {
      return new Rate(
          row.get(0).toUpperCase(Locale.ROOT),
          Kind.valueOf(row.get(1).toUpperCase(Locale.ROOT)),
          new BigDecimal(row.get(2)),
          LocalDate.parse(row.get(3)),
          row.get(4).isEmpty() ? null : LocalDate.parse(row.get(4)),
          row.get(5));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "VAT rate table line " + row.line() + ": " + e.getMessage(), e);
    }
  }

  /** The rates of {@code country} (ISO code; GR for Greece; XI) on {@code date}. */
  public Optional<CountryRates> ratesOn(String country, LocalDate date) {
    String c = country == null ? "" : country.toUpperCase(Locale.ROOT);
    BigDecimal standard = null;
    List<BigDecimal> reduced = new ArrayList<>();
    List<BigDecimal> superReduced = new ArrayList<>();
    List<BigDecimal> parking = new ArrayList<>();
    boolean any = false;
    for (Rate r : rates) {
      if (!r.country().equals(c) || !r.validOn(date)) {
        continue;
      }
      any = true;
      switch (r.kind()) {
        case STANDARD -> standard = r.percent();
        case REDUCED -> reduced.add(r.percent());
        case SUPER_REDUCED -> superReduced.add(r.percent());
        case PARKING -> parking.add(r.percent());
        default -> throw new IllegalStateException();
      }
    }
    return any
        ? Optional.of(
            new CountryRates(
                c, date, standard, sorted(reduced), sorted(superReduced), sorted(parking)))
        : Optional.empty();
  }

  /** The standard rate on a date, for the configuration screens' defaults. */
  public Optional<BigDecimal> standardRate(String country, LocalDate date) {
    return ratesOn(country, date).map(CountryRates::standard);
  }

  /** The countries the table knows. */
  public Set<String> countries() {
    Set<String> out = new TreeSet<>();
    rates.forEach(r -> out.add(r.country()));
    return out;
  }

  private static List<BigDecimal> sorted(List<BigDecimal> rates) {
    List<BigDecimal> out = new ArrayList<>(new TreeSet<>(rates));
    Collections.reverse(out);
    return List.copyOf(out);
  }
}

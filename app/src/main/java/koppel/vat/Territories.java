package koppel.vat;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Places whose VAT area is not their country's: the Canary Islands, Åland, Büsingen, the French
 * overseas departments and others lie outside the EU VAT area (a sale there is an export); Monaco
 * is in the French VAT area; Northern Ireland (GB, postcodes BT) follows EU rules for goods. Read
 * from a CSV an operator can replace.
 */
public final class Territories {

  /** The marker for "outside the EU VAT area". */
  public static final String EXPORT = "EXPORT";

  private record Rule(String country, String postcodePrefix, String treatAs, String name) {}

  /** Where VAT-wise an address is: the VAT area (ISO country, XI or EXPORT) and why. */
  public record Place(String vatArea, String name) {}

  private final List<Rule> rules;

  private Territories(List<Rule> rules) {
    // the longest (most specific) postcode prefix wins
    this.rules =
        rules.stream()
            .sorted(Comparator.comparingInt((Rule r) -> r.postcodePrefix().length()).reversed())
            .toList();
  }

  public static Territories bundled() {
    return read(CsvTable.resource("/koppel/vat/territories.csv", "territories file"));
  }

  public static Territories read(Reader source) {
    List<Rule> rules = new ArrayList<>();
    for (CsvTable.Row row : CsvTable.rows(source)) {
      if (row.fields().size() < 4) {
        throw new IllegalArgumentException(
            "Territories line " + row.line() + ": expected country,postcode_prefix,treat_as,name");
      }
      rules.add(
          new Rule(
              row.get(0).toUpperCase(Locale.ROOT),
              row.get(1).toUpperCase(Locale.ROOT),
              row.get(2).toUpperCase(Locale.ROOT),
              row.get(3)));
    }
    return new Territories(rules);
  }

  /** The VAT area of an address: a listed territory's, else the country itself. */
  public Place placeOf(String country, String postcode) {
    String c = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
    String p = postcode == null ? "" : postcode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    for (Rule r : rules) {
      if (r.country().equals(c) && p.startsWith(r.postcodePrefix())) {
        return new Place(r.treatAs(), r.name());
      }
    }
    return new Place(c, null);
  }
}

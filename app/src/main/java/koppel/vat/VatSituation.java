package koppel.vat;

import java.util.List;

/**
 * An order's VAT situation: which kind of sale it is, where VAT is due, why, and what is wrong with
 * it (a problem blocks booking until the merchant fixes it; a warning does not).
 *
 * @param destination the VAT area the goods go to (ISO country, XI, or the shop's own country)
 * @param vatNumber the buyer's VAT number, normalised, when one was given and is well-formed
 */
public record VatSituation(
    Kind kind,
    String destination,
    String vatNumber,
    List<String> reasons,
    List<Finding> problems,
    List<Finding> warnings) {

  public enum Kind {
    /** Goods stay in the shop's country: home VAT. */
    DOMESTIC,
    /** B2C (or B2B without ICP grounds) to another member state: destination VAT (OSS). */
    OSS,
    /** Intra-Community supply to a business in another member state: 0 %, reverse charge. */
    ICP,
    /** Goods leave the EU VAT area: 0 %. */
    EXPORT
  }

  /** A stable code and plain words. */
  public record Finding(String code, String message) {}

  public VatSituation {
    reasons = List.copyOf(reasons);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }
}

package koppel.vat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides an order's VAT situation from where the shop is, where the goods go, who buys and what
 * VAT the shop charged — the practical rules of eu-vat.md §2–4, as one pure function:
 *
 * <ul>
 *   <li>goods leaving the EU VAT area (a non-member, or a territory such as the Canary Islands) are
 *       an export at 0 %;
 *   <li>goods staying in the shop's country are domestic;
 *   <li>to another member state, a business with a valid VAT number of a member state other than
 *       the shop's, charged 0 %, is an intra-Community supply (ICP);
 *   <li>anything else to another member state is a distance sale with destination VAT (OSS).
 * </ul>
 *
 * <p>An order that says 0 % without the grounds for it (no valid VAT number, the shop's own
 * country's number, a consumer) gets a problem: booking it as ICP would be wrong.
 */
public final class VatClassifier {

  private final VatRateTable rates;
  private final Territories territories;

  public VatClassifier(VatRateTable rates, Territories territories) {
    this.rates = rates;
    this.territories = territories;
  }

  /**
   * What the classifier needs to know about the order. {@code billingCountry} is where the buyer is
   * established: a VAT number typed without its prefix is read as that country's first.
   */
  public record Order(
      String shopCountry,
      String billingCountry,
      String shipCountry,
      String shipPostcode,
      boolean company,
      String vatNumber,
      Set<BigDecimal> rates,
      LocalDate date,
      ViesResult vies) {}

  public VatSituation classify(Order o) {
    List<String> reasons = new ArrayList<>();
    List<VatSituation.Finding> problems = new ArrayList<>();
    List<VatSituation.Finding> warnings = new ArrayList<>();
    String shop = upper(o.shopCountry());
    String ship = upper(o.shipCountry()).isEmpty() ? shop : upper(o.shipCountry());
    boolean zero = o.rates().stream().allMatch(r -> r.signum() == 0);

    if (!EuCountries.isKnown(ship)) {
      problems.add(
          new VatSituation.Finding(
              "UNKNOWN_COUNTRY",
              "The shipping country '" + ship + "' is not a country code Koppel knows."));
      return new VatSituation(VatSituation.Kind.DOMESTIC, ship, null, reasons, problems, warnings);
    }
    Territories.Place place = territories.placeOf(ship, o.shipPostcode());
    String area = place.vatArea();
    if (place.name() != null) {
      reasons.add(
          place.name()
              + (Territories.EXPORT.equals(area)
                  ? " is outside the EU VAT area"
                  : " belongs to the VAT area of " + area));
    }
    if (Territories.EXPORT.equals(area) || !EuCountries.isMember(area, o.date())) {
      reasons.add("Goods leave the EU VAT area: export at 0 %");
      if (!zero) {
        problems.add(
            new VatSituation.Finding(
                "EXPORT_WITH_VAT",
                "The order goes to "
                    + ship
                    + ", outside the EU VAT area, but VAT was charged. Exports are booked at 0 %."));
      }
      return new VatSituation(VatSituation.Kind.EXPORT, ship, null, reasons, problems, warnings);
    }
    if (area.equals(shop)) {
      reasons.add("Goods stay in " + shop + ": domestic VAT");
      return new VatSituation(VatSituation.Kind.DOMESTIC, shop, null, reasons, problems, warnings);
    }
    String number = o.vatNumber() == null || o.vatNumber().isBlank() ? null : o.vatNumber();
    if (o.company() && number != null) {
      VatNumberCheck.Result check = checkNumber(number, upper(o.billingCountry()), ship);
      if (!check.valid()) {
        reasons.add("The VAT number " + number + " is not valid: " + check.message());
        if (zero) {
          problems.add(
              new VatSituation.Finding(
                  "ICP_VAT_NUMBER_INVALID",
                  "The order is at 0 %"
                      + " for a business in "
                      + area
                      + ", but its VAT number "
                      + number
                      + " is not valid ("
                      + check.message()
                      + ")."));
        }
        return oss(area, null, o, reasons, problems, warnings);
      }
      String own = VatPrefix.forCountry(shop).orElse(shop);
      if (check.prefix().equals(own)) {
        reasons.add("The VAT number is from " + own + ", the shop's own country: no ICP");
        if (zero) {
          problems.add(
              new VatSituation.Finding(
                  "ICP_SAME_COUNTRY",
                  "The order is at 0 %, but"
                      + " the buyer's VAT number "
                      + check.normalised()
                      + " is from the shop's own"
                      + " country. An intra-Community supply needs a number of another member state."));
        }
        return oss(area, check.normalised(), o, reasons, problems, warnings);
      }
      if (o.vies() != null && o.vies().status() == ViesResult.Status.INVALID) {
        reasons.add("VIES says the VAT number " + check.normalised() + " is not active");
        if (zero) {
          problems.add(
              new VatSituation.Finding(
                  "ICP_VAT_NUMBER_NOT_ACTIVE",
                  "The order is at 0 %"
                      + ", but VIES says the VAT number "
                      + check.normalised()
                      + " is not active."));
        }
        return oss(area, check.normalised(), o, reasons, problems, warnings);
      }
      if (!zero) {
        reasons.add(
            "VAT was charged to a business with a valid VAT number: booked with"
                + " destination VAT, not as ICP");
        return oss(area, check.normalised(), o, reasons, problems, warnings);
      }
      reasons.add(
          "Business in "
              + area
              + " with the valid VAT number "
              + check.normalised()
              + ", shipped within the EU, at 0 %: intra-Community supply");
      if (o.vies() == null || !o.vies().isVerdict()) {
        warnings.add(
            new VatSituation.Finding(
                "VIES_UNKNOWN",
                "VIES could not confirm the VAT"
                    + " number "
                    + check.normalised()
                    + " now"
                    + (o.vies() == null || o.vies().error() == null
                        ? ""
                        : " (" + o.vies().error() + ")")
                    + ". Booked as ICP; check the number in VIES later."));
      } else {
        reasons.add(
            "VIES confirmed the number"
                + (o.vies().requestIdentifier() == null || o.vies().requestIdentifier().isBlank()
                    ? ""
                    : " (consultation number " + o.vies().requestIdentifier() + ")"));
      }
      return new VatSituation(
          VatSituation.Kind.ICP, area, check.normalised(), reasons, problems, warnings);
    }
    if (zero) {
      problems.add(
          new VatSituation.Finding(
              o.company() ? "ICP_WITHOUT_VAT_NUMBER" : "ZERO_VAT_TO_CONSUMER",
              o.company()
                  ? "The order is at 0 % for a business in "
                      + area
                      + " but has no VAT number. An"
                      + " intra-Community supply needs the buyer's VAT number."
                  : "The order is at 0 % for a consumer in "
                      + area
                      + ". Consumers in other member"
                      + " states pay VAT."));
    }
    return oss(area, null, o, reasons, problems, warnings);
  }

  private VatSituation oss(
      String area,
      String vatNumber,
      Order o,
      List<String> reasons,
      List<VatSituation.Finding> problems,
      List<VatSituation.Finding> warnings) {
    reasons.add("Distance sale to " + area + ": VAT of the destination (OSS)");
    VatRateTable.CountryRates destination = rates.ratesOn(area, o.date()).orElse(null);
    VatRateTable.CountryRates home = rates.ratesOn(upper(o.shopCountry()), o.date()).orElse(null);
    for (BigDecimal rate : o.rates()) {
      if (rate.signum() == 0) {
        continue;
      }
      if (destination != null && destination.has(rate)) {
        continue;
      }
      if (home != null && home.has(rate)) {
        warnings.add(
            new VatSituation.Finding(
                "HOME_VAT_ON_DISTANCE_SALE",
                "The shop charged "
                    + plain(rate)
                    + " %, a rate of "
                    + upper(o.shopCountry())
                    + ", not of "
                    + area
                    + ". That is right only below the EU-wide €10,000 threshold for distance sales."));
      } else {
        warnings.add(
            new VatSituation.Finding(
                "RATE_NOT_OF_DESTINATION",
                plain(rate) + " % is not a VAT rate of " + area + " on " + o.date() + "."));
      }
    }
    return new VatSituation(VatSituation.Kind.OSS, area, vatNumber, reasons, problems, warnings);
  }

  /** Read with the buyer's own country as the hint first, then the shipping country. */
  private static VatNumberCheck.Result checkNumber(String number, String billing, String ship) {
    VatNumberCheck.Result first = VatNumberCheck.check(number, billing.isEmpty() ? ship : billing);
    if (first.valid() || billing.isEmpty() || billing.equals(ship)) {
      return first;
    }
    VatNumberCheck.Result second = VatNumberCheck.check(number, ship);
    return second.valid() ? second : first;
  }

  private static String plain(BigDecimal rate) {
    return rate.stripTrailingZeros().toPlainString();
  }

  private static String upper(String s) {
    return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
  }
}

package koppel.web.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import koppel.vat.EuCountries;
import koppel.vat.VatNumberCheck;
import koppel.vat.VatRateTable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * VAT facts for the configuration screens: each member state's rates on a date (today by default,
 * so a screen proposes the rate valid now), and the syntax check of a VAT number.
 */
@RestController
@RequestMapping("/api/vat")
class VatController {

  private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

  private final VatRateTable rates;
  private final Clock clock;

  VatController(VatRateTable rates, Clock clock) {
    this.rates = rates;
    this.clock = clock;
  }

  @GetMapping("/rates")
  Map<String, Object> rates(@RequestParam(required = false) String date) {
    LocalDate on = date == null ? clock.instant().atZone(ZONE).toLocalDate() : parse(date);
    Map<String, Object> countries = new TreeMap<>();
    for (String country : EuCountries.members()) {
      rates
          .ratesOn(country, on)
          .ifPresent(
              r ->
                  countries.put(
                      country,
                      Map.of(
                          "standard", r.standard(),
                          "reduced", r.reduced(),
                          "superReduced", r.superReduced(),
                          "parking", r.parking(),
                          "all", r.all())));
    }
    return Map.of("date", on.toString(), "countries", countries);
  }

  @GetMapping("/numbers/check")
  Map<String, Object> check(
      @RequestParam String number, @RequestParam(required = false) String country) {
    VatNumberCheck.Result r = VatNumberCheck.check(number, country);
    return Map.of(
        "input", number,
        "valid", r.valid(),
        "normalised", r.normalised() == null ? "" : r.normalised(),
        "reason", r.valid() ? "" : r.reason().name().toLowerCase(Locale.ROOT),
        "message", r.message() == null ? "" : r.message());
  }

  private static LocalDate parse(String date) {
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "The date '" + date + "' is not a date: write it as YYYY-MM-DD, e.g. 2026-01-01.");
    }
  }
}

package sandbox.vies;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The sandbox's own API for demos and tests (not part of VIES): register numbers, switch outages on
 * and off, read the log of checks, reset; and a page that shows all of it. Mistakes answer 400 in
 * VIES's envelope, so a typo in a test reads clearly.
 */
@Controller
class AdminController {

  /** Longer than any sane client timeout, short enough not to hang a test run. */
  private static final long MAX_DELAY_MILLIS = 600_000;

  private final VatRegistry registry;
  private final Outages outages;
  private final RequestLog log;
  private final ViesSandboxProperties properties;

  AdminController(
      VatRegistry registry, Outages outages, RequestLog log, ViesSandboxProperties properties) {
    this.registry = registry;
    this.outages = outages;
    this.log = log;
    this.properties = properties;
  }

  /**
   * A number VIES knows. {@code valid} defaults to true; false makes it explicitly invalid (even
   * with {@code unknown-numbers-valid}). Without {@code countryCode} the prefix is taken from
   * {@code vatNumber}.
   */
  record NewNumber(
      String countryCode,
      String vatNumber,
      Boolean valid,
      String name,
      String address,
      String street,
      String postalCode,
      String city,
      String companyType) {}

  @PostMapping("/admin/numbers")
  @ResponseBody
  ResponseEntity<Registration> register(@RequestBody NewNumber r) {
    String number = r.vatNumber() == null ? "" : r.vatNumber().replace(" ", "");
    String country = r.countryCode();
    if (CheckVatRequest.blank(country) && number.length() > 2) {
      country = number.substring(0, 2).toUpperCase(Locale.ROOT);
      number = number.substring(2);
    }
    if (!MemberStates.isCountry(country)) {
      throw new IllegalArgumentException(
          "countryCode must be one of " + String.join(" ", MemberStates.CODES) + ": " + country);
    }
    if (!MemberStates.isNumber(number)) {
      throw new IllegalArgumentException(
          "vatNumber must be 2-12 of [0-9A-Za-z+*.] without the country prefix: " + number);
    }
    Registration saved =
        registry.register(
            new Registration(
                country,
                number,
                r.valid() == null || r.valid(),
                CheckVatRequest.blank(r.name()) ? Registration.UNKNOWN : r.name(),
                CheckVatRequest.blank(r.address()) ? Registration.UNKNOWN : r.address(),
                r.street(),
                r.postalCode(),
                r.city(),
                r.companyType(),
                "admin"));
    return ResponseEntity.status(HttpStatus.CREATED).body(saved);
  }

  @GetMapping("/admin/numbers")
  @ResponseBody
  List<Registration> numbers() {
    return registry.all();
  }

  /**
   * An outage: the next {@code times} checks (absent: until cleared) for {@code countryCode}
   * ({@code *} or absent: any) answer {@code error}, after {@code delayMillis}. {@code DELAY}
   * answers normally, late.
   */
  record NewOutage(String countryCode, String error, Integer times, Long delayMillis) {}

  @PostMapping("/admin/outages")
  @ResponseBody
  ResponseEntity<Outages.Outage> outage(@RequestBody NewOutage r) {
    String country = CheckVatRequest.blank(r.countryCode()) ? Outages.ANY : r.countryCode();
    if (!Outages.ANY.equals(country) && !MemberStates.isCountry(country)) {
      throw new IllegalArgumentException(
          "countryCode must be * or one of " + String.join(" ", MemberStates.CODES));
    }
    String error = r.error() == null ? "" : r.error().trim().toUpperCase(Locale.ROOT);
    if (!Outages.DELAY.equals(error) && !isError(error)) {
      throw new IllegalArgumentException(
          "error must be DELAY or one of " + List.of(ViesError.values()) + ": " + r.error());
    }
    if (r.times() != null && r.times() < 1) {
      throw new IllegalArgumentException("times must be at least 1 (absent: until cleared)");
    }
    long delay = r.delayMillis() == null ? 0 : r.delayMillis();
    if (delay < 0 || delay > MAX_DELAY_MILLIS) {
      throw new IllegalArgumentException("delayMillis must be between 0 and " + MAX_DELAY_MILLIS);
    }
    if (Outages.DELAY.equals(error) && delay == 0) {
      throw new IllegalArgumentException("DELAY needs delayMillis");
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(outages.add(country, error, r.times(), delay));
  }

  @GetMapping("/admin/outages")
  @ResponseBody
  List<Outages.Outage> outages() {
    return outages.all();
  }

  @DeleteMapping("/admin/outages")
  @ResponseBody
  Map<String, Object> clearOutages() {
    return Map.of("cleared", outages.clear());
  }

  /** The kept checks, oldest first. */
  @GetMapping("/admin/requests")
  @ResponseBody
  List<RequestLog.Check> requests() {
    return log.all();
  }

  /**
   * Without filters: every check received since the last reset (also those still waiting out a
   * DELAY). With {@code service}, {@code countryCode} and/or {@code vatNumber}: the matching checks
   * among those kept.
   */
  @GetMapping("/admin/requests/count")
  @ResponseBody
  Map<String, Object> count(
      @RequestParam(required = false) String service,
      @RequestParam(required = false) String countryCode,
      @RequestParam(required = false) String vatNumber) {
    if (service == null && countryCode == null && vatNumber == null) {
      return Map.of("count", log.total());
    }
    return Map.of(
        "count",
        log.count(
            c ->
                (service == null || service.equals(c.service()))
                    && (countryCode == null || countryCode.equals(c.countryCode()))
                    && (vatNumber == null || vatNumber.equals(c.vatNumber()))));
  }

  /** Back to the start: the knob's numbers only, no outages, an empty log. */
  @PostMapping("/admin/reset")
  @ResponseBody
  Map<String, Object> reset() {
    registry.reset();
    outages.clear();
    log.clear();
    return Map.of("reset", true);
  }

  @GetMapping({"/", "/admin"})
  String page(Model model) {
    List<RequestLog.Check> recent = new ArrayList<>(log.all());
    Collections.reverse(recent);
    model.addAttribute("numbers", registry.all());
    model.addAttribute("outages", outages.all());
    model.addAttribute("checks", recent.subList(0, Math.min(50, recent.size())));
    model.addAttribute("total", log.total());
    model.addAttribute("unknownNumbersValid", properties.unknownNumbersValid());
    model.addAttribute("basePath", ViesSandboxApplication.BASE_PATH);
    return "vies/admin";
  }

  @ExceptionHandler(IllegalArgumentException.class)
  @ResponseBody
  ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
    return ResponseEntity.badRequest()
        .body(VatChecks.envelope(ViesError.INVALID_INPUT.name(), e.getMessage()));
  }

  private static boolean isError(String name) {
    for (ViesError e : ViesError.values()) {
      if (Objects.equals(e.name(), name)) {
        return true;
      }
    }
    return false;
  }
}

package sandbox.vies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The VIES REST contract "Vies on-the-Web" (reference §8) under the official base path, so a client
 * only swaps the host: {@code POST /check-vat-number}, {@code POST /check-vat-test-service}, {@code
 * GET /check-status}. Errors are the official {@code CommonResponse}.
 */
@RestController
@RequestMapping(ViesSandboxApplication.BASE_PATH)
class ViesController {

  private final VatChecks checks;
  private final Outages outages;

  ViesController(VatChecks checks, Outages outages) {
    this.checks = checks;
    this.outages = outages;
  }

  /** The body is read as text so that malformed JSON answers INVALID_INPUT, as VIES does. */
  @PostMapping("/check-vat-number")
  ResponseEntity<Map<String, Object>> checkVatNumber(@RequestBody(required = false) String body) {
    return render(checks.check(VatChecks.LIVE, body));
  }

  @PostMapping("/check-vat-test-service")
  ResponseEntity<Map<String, Object>> checkVatTestService(
      @RequestBody(required = false) String body) {
    return render(checks.check(VatChecks.TEST, body));
  }

  /**
   * Availability of VIES and of each member state: a member state with an active MS_UNAVAILABLE
   * outage (or one for {@code *}) is "Unavailable"; a {@code *} SERVICE_UNAVAILABLE outage makes
   * VIES itself unavailable.
   */
  @GetMapping("/check-status")
  ResponseEntity<Map<String, Object>> checkStatus() {
    boolean allDown = outages.active(Outages.ANY, ViesError.MS_UNAVAILABLE);
    List<Map<String, Object>> countries =
        MemberStates.CODES.stream()
            .map(
                code -> {
                  Map<String, Object> c = new LinkedHashMap<>();
                  c.put("countryCode", code);
                  c.put(
                      "availability",
                      allDown || outages.active(code, ViesError.MS_UNAVAILABLE)
                          ? "Unavailable"
                          : "Available");
                  return c;
                })
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "vow", Map.of("available", !outages.active(Outages.ANY, ViesError.SERVICE_UNAVAILABLE)));
    body.put("countries", countries);
    return json(200, body);
  }

  /** Whatever went wrong inside, the client sees VIES's envelope rather than a Spring page. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    return json(
        500,
        VatChecks.envelope(
            ViesError.SERVICE_UNAVAILABLE.name(),
            ViesError.SERVICE_UNAVAILABLE.message + " (" + e.getClass().getSimpleName() + ")"));
  }

  private static ResponseEntity<Map<String, Object>> render(VatChecks.Result r) {
    return json(r.status(), r.body());
  }

  private static ResponseEntity<Map<String, Object>> json(int status, Map<String, Object> body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}

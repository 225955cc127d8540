package sandbox.exact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The sandbox's own API for demos and tests (not part of Exact): divisions from templates, apps and
 * users, direct tokens, the clock, faults, call counters, raw data, reset; and a page that shows
 * what was booked.
 */
@Controller
class AdminController {

  private final DivisionStore store;
  private final OAuthServer oauth;
  private final SandboxClock clock;
  private final Faults faults;
  private final CallCounters counters;
  private final RateLimiter limiter;
  private final ErrorBudget errorBudget;

  AdminController(
      DivisionStore store,
      OAuthServer oauth,
      SandboxClock clock,
      Faults faults,
      CallCounters counters,
      RateLimiter limiter,
      ErrorBudget errorBudget) {
    this.store = store;
    this.oauth = oauth;
    this.clock = clock;
    this.faults = faults;
    this.counters = counters;
    this.limiter = limiter;
    this.errorBudget = errorBudget;
  }

  record NewDivision(String country, Integer code, String description) {}

  @PostMapping("/admin/divisions")
  @ResponseBody
  ResponseEntity<Map<String, Object>> division(@RequestBody NewDivision r) {
    Division d =
        store.create(
            r.country() == null ? "NL" : r.country().toUpperCase(), r.code(), r.description());
    return ResponseEntity.status(HttpStatus.CREATED).body(summary(d));
  }

  @GetMapping("/admin/divisions")
  @ResponseBody
  List<Map<String, Object>> divisions() {
    return store.all().stream().map(AdminController::summary).toList();
  }

  record NewClient(String clientId, String clientSecret, String redirectUri, String name) {}

  @PostMapping("/admin/clients")
  @ResponseBody
  ResponseEntity<OAuthServer.Client> client(@RequestBody NewClient r) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            oauth.registerClient(
                r.clientId(),
                r.clientSecret(),
                r.redirectUri(),
                r.name() == null ? r.clientId() : r.name()));
  }

  record NewUser(
      String username, String password, String fullName, String email, List<Integer> divisions) {}

  @PostMapping("/admin/users")
  @ResponseBody
  ResponseEntity<Map<String, Object>> user(@RequestBody NewUser r) {
    OAuthServer.User u =
        oauth.registerUser(
            r.username(),
            r.password(),
            r.fullName() == null ? r.username() : r.fullName(),
            r.email(),
            r.divisions() == null ? List.of() : r.divisions());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("username", u.username(), "divisions", u.divisions()));
  }

  record TokenRequest(String clientId, String username) {}

  /** A token pair without the browser (for demos and tests that are not about OAuth). */
  @PostMapping("/admin/tokens")
  @ResponseBody
  Map<String, Object> tokens(@RequestBody TokenRequest r) {
    return oauth.issueDirect(r.clientId(), r.username());
  }

  record Advance(long seconds) {}

  @PostMapping("/admin/clock")
  @ResponseBody
  Map<String, Object> advance(@RequestBody Advance r) {
    clock.advance(Duration.ofSeconds(r.seconds()));
    return Map.of("now", clock.instant().toString());
  }

  record NewFault(String method, String path, Faults.Kind kind, Integer times, Long delayMillis) {}

  @PostMapping("/admin/faults")
  @ResponseBody
  Map<String, Object> fault(@RequestBody NewFault r) {
    faults.add(
        r.method() == null ? "POST" : r.method(),
        r.path(),
        r.kind(),
        r.times() == null ? 1 : r.times(),
        r.delayMillis() == null ? null : Duration.ofMillis(r.delayMillis()));
    return Map.of("added", true);
  }

  record TokenLoss(Integer times) {}

  @PostMapping("/admin/faults/token-response-loss")
  @ResponseBody
  Map<String, Object> tokenLoss(@RequestBody TokenLoss r) {
    faults.loseTokenResponses(r.times() == null ? 1 : r.times());
    return Map.of("added", true);
  }

  @DeleteMapping("/admin/faults")
  @ResponseBody
  Map<String, Object> clearFaults() {
    faults.clear();
    return Map.of("cleared", true);
  }

  @GetMapping("/admin/divisions/{code}/counters")
  @ResponseBody
  Map<String, Object> counters(@PathVariable int code) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("calls", counters.of(code));
    out.put("refreshes", oauth.refreshCount());
    out.put("rateLimited", limiter.rejectedForDivision(code));
    return out;
  }

  @GetMapping("/admin/oauth/stats")
  @ResponseBody
  Map<String, Integer> oauthStats() {
    return oauth.stats();
  }

  /** Raw rows of one entity, for tests (no rate limit, no OData). */
  @GetMapping("/admin/divisions/{code}/{service}/{entity}")
  @ResponseBody
  List<Map<String, Object>> rows(
      @PathVariable int code, @PathVariable String service, @PathVariable String entity) {
    Division d = store.find(code).orElseThrow(() -> new IllegalArgumentException("no division"));
    synchronized (store.lock()) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> row : d.rows(service + "/" + entity)) {
        Map<String, Object> r = new LinkedHashMap<>();
        row.forEach((k, v) -> r.put(k, Rendering.value(v)));
        out.add(r);
      }
      return out;
    }
  }

  @PostMapping("/admin/reset")
  @ResponseBody
  Map<String, Object> reset() {
    store.reset();
    oauth.reset();
    faults.clear();
    counters.reset();
    limiter.reset();
    errorBudget.reset();
    clock.reset();
    return Map.of("reset", true);
  }

  @GetMapping({"/", "/admin"})
  String page(Model model) {
    List<Map<String, Object>> divisions = new ArrayList<>();
    synchronized (store.lock()) {
      for (Division d : store.all()) {
        Map<String, Object> m = summary(d);
        m.put("accounts", d.rows("crm/Accounts"));
        m.put("items", d.rows("logistics/Items"));
        m.put("invoices", d.rows("salesinvoice/SalesInvoices"));
        m.put("orders", d.rows("salesorder/SalesOrders"));
        m.put("entries", d.rows("salesentry/SalesEntries"));
        divisions.add(m);
      }
    }
    model.addAttribute("divisions", divisions);
    return "exact/admin";
  }

  private static Map<String, Object> summary(Division d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", d.code);
    m.put("description", d.description);
    m.put("country", d.country);
    m.put("accounts", d.rows("crm/Accounts").size());
    m.put("items", d.rows("logistics/Items").size());
    m.put("salesInvoices", d.rows("salesinvoice/SalesInvoices").size());
    m.put("salesOrders", d.rows("salesorder/SalesOrders").size());
    m.put("salesEntries", d.rows("salesentry/SalesEntries").size());
    return m;
  }
}

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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.JsonNode;

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
  private final Behaviour behaviour;
  private final RequestLog requestLog;

  AdminController(
      DivisionStore store,
      OAuthServer oauth,
      SandboxClock clock,
      Faults faults,
      CallCounters counters,
      RateLimiter limiter,
      ErrorBudget errorBudget,
      Behaviour behaviour,
      RequestLog requestLog) {
    this.store = store;
    this.oauth = oauth;
    this.clock = clock;
    this.faults = faults;
    this.counters = counters;
    this.limiter = limiter;
    this.errorBudget = errorBudget;
    this.behaviour = behaviour;
    this.requestLog = requestLog;
  }

  /** A mistake in an admin request: 400 {"error": "…"}. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  @ExceptionHandler({BadRequest.class, Faults.InvalidFault.class})
  @ResponseBody
  ResponseEntity<Map<String, Object>> badRequest(RuntimeException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  record NewDivision(String country, Integer code, String description, String vatNumber) {}

  @PostMapping("/admin/divisions")
  @ResponseBody
  ResponseEntity<Map<String, Object>> division(@RequestBody NewDivision r) {
    Division d =
        store.create(
            r.country() == null ? "NL" : r.country().toUpperCase(),
            r.code(),
            r.description(),
            r.vatNumber());
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

  record NewFault(
      String method,
      String path,
      Faults.Kind kind,
      Integer times,
      Long delayMillis,
      Double probability,
      Long seed) {}

  /**
   * A fault for the next {@code times} calls (default 1), or with {@code probability} for that
   * fraction of the calls until cleared ({@code seed} optional). Answers the fault as {@code GET
   * /admin/faults} lists it, plus {@code "added": true}.
   */
  @PostMapping("/admin/faults")
  @ResponseBody
  Map<String, Object> fault(@RequestBody NewFault r) {
    Duration delay = r.delayMillis() == null ? null : Duration.ofMillis(r.delayMillis());
    Map<String, Object> added;
    if (r.probability() != null) {
      if (r.times() != null) {
        throw new BadRequest("give either times or probability, not both");
      }
      added =
          faults.addProbabilistic(r.method(), r.path(), r.kind(), r.probability(), r.seed(), delay);
    } else {
      if (r.seed() != null) {
        throw new BadRequest("seed only goes with probability");
      }
      added = faults.add(r.method(), r.path(), r.kind(), r.times() == null ? 1 : r.times(), delay);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("added", true);
    out.putAll(added);
    return out;
  }

  /** Every fault added since the last clear or reset, with how often each fired. */
  @GetMapping("/admin/faults")
  @ResponseBody
  Map<String, Object> faults() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("faults", faults.list());
    out.put("tokenResponseLosses", faults.tokenResponseLosses());
    return out;
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
    out.put("busiestMinute", counters.busiestMinute(code));
    return out;
  }

  /**
   * Every division that received calls: calls per endpoint, calls refused with 429 and the most
   * calls in any 60 seconds (rolling) and in one clock minute (fixed), for a benchmark's figures.
   */
  @GetMapping("/admin/counters")
  @ResponseBody
  Map<String, Object> allCounters() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int code : counters.divisions()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("calls", counters.of(code));
      one.put("rateLimited", limiter.rejectedForDivision(code));
      one.put("busiestMinute", counters.busiestMinute(code));
      out.put(Integer.toString(code), one);
    }
    return out;
  }

  /** The writes a division received, oldest first; {@code method} and {@code path} filter. */
  @GetMapping("/admin/divisions/{code}/requests")
  @ResponseBody
  List<Map<String, Object>> requests(
      @PathVariable int code,
      @RequestParam(required = false) String method,
      @RequestParam(required = false) String path) {
    return requestLog.list(code, method, path);
  }

  @GetMapping("/admin/behaviour")
  @ResponseBody
  Behaviour.Values behaviour() {
    return behaviour.values();
  }

  /** Switches any subset of the computation knobs; answers all current values. */
  @PutMapping("/admin/behaviour")
  @ResponseBody
  Behaviour.Values changeBehaviour(@RequestBody JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new BadRequest("a JSON object with any of " + BEHAVIOUR_FIELDS);
    }
    for (String name : body.propertyNames()) {
      if (!BEHAVIOUR_FIELDS.contains(name)) {
        throw new BadRequest("unknown field '" + name + "'; known: " + BEHAVIOUR_FIELDS);
      }
    }
    return behaviour.change(
        new Behaviour.Change(
            constant(body, "lineRounding", Behaviour.LineRounding.class),
            constant(body, "vatRounding", Behaviour.VatRounding.class),
            flag(body, "entryAmountIncludesVat"),
            flag(body, "caseInsensitiveStrings"),
            flag(body, "syncRequiresSelect")));
  }

  private static final List<String> BEHAVIOUR_FIELDS =
      List.of(
          "lineRounding",
          "vatRounding",
          "entryAmountIncludesVat",
          "caseInsensitiveStrings",
          "syncRequiresSelect");

  private static <E extends Enum<E>> E constant(JsonNode body, String field, Class<E> type) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return Enum.valueOf(type, v.asString());
    } catch (RuntimeException e) {
      throw new BadRequest(
          field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static Boolean flag(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw new BadRequest(field + " must be true or false");
    }
    return v.asBoolean();
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

  /**
   * Deletes one row as a user in Exact's screens would (no rate limit): an account, address or item
   * leaves an entry in sync/Deleted. 404 when there is no such row.
   */
  @DeleteMapping("/admin/divisions/{code}/{service}/{entity}/{id}")
  @ResponseBody
  ResponseEntity<Map<String, Object>> deleteRow(
      @PathVariable int code,
      @PathVariable String service,
      @PathVariable String entity,
      @PathVariable String id) {
    Division d = store.find(code).orElseThrow(() -> new BadRequest("no division " + code));
    java.util.UUID key;
    try {
      key = java.util.UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("not a GUID: " + id);
    }
    synchronized (store.lock()) {
      if (!store.delete(d, service + "/" + entity, key, null)) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("deleted", false));
      }
    }
    return ResponseEntity.ok(Map.of("deleted", true));
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
    behaviour.reset();
    requestLog.reset();
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

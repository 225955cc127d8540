package sandbox.kmoshops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KMO Shops REST API ({@code /api/v1}, contract §2): shop info, orders with filters and paging,
 * payment methods, webhook subscriptions; bearer tokens with scopes; 120 requests a minute per shop
 * (fixed window, {@link RateLimit}) with {@code X-RateLimit-*} headers on every answer ({@link
 * RateLimitHeaders} for answers that belong to no shop); every error in the contract's envelope.
 */
@RestController
class ApiController {

  static final List<Map<String, String>> PAYMENT_METHODS =
      List.of(
          Map.of("code", "bancontact", "title", "Bancontact"),
          Map.of("code", "ideal", "title", "iDEAL"),
          Map.of("code", "creditcard", "title", "Credit card"),
          Map.of("code", "paypal", "title", "PayPal"),
          Map.of("code", "banktransfer", "title", "Bank transfer"),
          Map.of("code", "invoice", "title", "On account (invoice)"));

  static final List<String> STATUSES =
      List.of("new", "processing", "shipped", "completed", "cancelled");
  static final List<String> PAYMENT_STATUSES =
      List.of(
          "not_paid",
          "pending",
          "paid",
          "partially_paid",
          "refunded",
          "partially_refunded",
          "cancelled");
  static final List<String> EVENTS = List.of("order.created", "order.updated", "app.uninstalled");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The next {@code remaining} API calls fail with {@code status} (admin knob for 500 / 503). */
  record Outage(int remaining, int status) {}

  private final ShopStore store;
  private final KmoShopsSandboxProperties props;
  private final RateLimit rateLimit;
  private Outage outage = new Outage(0, 503);

  ApiController(ShopStore store, KmoShopsSandboxProperties props, RateLimit rateLimit) {
    this.store = store;
    this.props = props;
    this.rateLimit = rateLimit;
  }

  @GetMapping("/api/v1/shop")
  ResponseEntity<Object> shop(HttpServletRequest request, HttpServletResponse response) {
    return call(
        request,
        response,
        "shop:read",
        app -> {
          Shop s = store.shop(app.shopId()).orElseThrow();
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("id", s.id);
          out.put("name", s.name);
          out.put("country", s.country);
          out.put("currency", s.currency);
          out.put("pricesIncludeTax", s.pricesIncludeTax);
          out.put("language", s.language);
          out.put("email", s.email);
          return ResponseEntity.ok(out);
        });
  }

  @GetMapping("/api/v1/payment-methods")
  ResponseEntity<Object> paymentMethods(HttpServletRequest request, HttpServletResponse response) {
    return call(request, response, null, app -> ResponseEntity.ok(PAYMENT_METHODS));
  }

  @GetMapping("/api/v1/orders/{id}")
  ResponseEntity<Object> order(
      HttpServletRequest request, HttpServletResponse response, @PathVariable String id) {
    return call(
        request,
        response,
        "orders:read",
        app -> {
          Optional<ShopOrder> o = Optional.empty();
          if (id.matches("\\d{1,18}")) {
            o = store.order(app.shopId(), Long.parseLong(id));
          }
          return o.<ResponseEntity<Object>>map(x -> ResponseEntity.ok(x.toJson()))
              .orElseThrow(() -> ApiProblem.notFound("Order " + id + " does not exist"));
        });
  }

  @GetMapping("/api/v1/orders")
  ResponseEntity<Object> orders(
      HttpServletRequest request,
      HttpServletResponse response,
      @RequestParam Map<String, String> q) {
    return call(
        request,
        response,
        "orders:read",
        app -> {
          int page = number(q, "page", 1);
          int limit = number(q, "limit", props.defaultPageSize());
          if (page < 1) {
            throw ApiProblem.validation("page must be 1 or more");
          }
          if (limit < 1 || limit > props.maxPageSize()) {
            throw ApiProblem.validation("limit must be between 1 and " + props.maxPageSize());
          }
          OffsetDateTime updatedSince = time(q, "updatedSince");
          OffsetDateTime createdFrom = time(q, "createdFrom");
          OffsetDateTime createdTo = time(q, "createdTo");
          String status = oneOf(q, "status", STATUSES);
          String paymentStatus = oneOf(q, "paymentStatus", PAYMENT_STATUSES);
          List<ShopOrder> all = new ArrayList<>();
          for (ShopOrder o : store.orders(app.shopId())) {
            // whole seconds on both sides: the bounds are inclusive at the timestamps' precision
            if (updatedSince != null
                && o.updatedAt().toEpochSecond() < updatedSince.toEpochSecond()) {
              continue;
            }
            if (createdFrom != null
                && o.createdAt().toEpochSecond() < createdFrom.toEpochSecond()) {
              continue;
            }
            if (createdTo != null && o.createdAt().toEpochSecond() > createdTo.toEpochSecond()) {
              continue;
            }
            if (status != null && !status.equals(o.status())) {
              continue;
            }
            if (paymentStatus != null && !paymentStatus.equals(o.paymentStatus())) {
              continue;
            }
            all.add(o);
          }
          // computed per request: an order updated while a client pages moves to the end
          all.sort(
              Comparator.comparing((ShopOrder o) -> o.updatedAt().toEpochSecond())
                  .thenComparing(ShopOrder::id));
          long skip = (long) (page - 1) * limit;
          int from = (int) Math.min(skip, all.size());
          int to = Math.min(from + limit, all.size());
          List<Object> rows = new ArrayList<>();
          for (ShopOrder o : all.subList(from, to)) {
            rows.add(o.toJson());
          }
          Map<String, Object> meta = new LinkedHashMap<>();
          meta.put("page", page);
          meta.put("limit", limit);
          meta.put("total", all.size());
          meta.put("pageCount", (all.size() + limit - 1) / limit);
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("orders", rows);
          body.put("meta", meta);
          return ResponseEntity.ok(body);
        });
  }

  @GetMapping("/api/v1/webhooks")
  ResponseEntity<Object> webhooks(HttpServletRequest request, HttpServletResponse response) {
    return call(
        request,
        response,
        null,
        app ->
            ResponseEntity.ok(
                store.subscriptions(app).stream().map(ApiController::subscription).toList()));
  }

  @PostMapping("/api/v1/webhooks")
  ResponseEntity<Object> subscribe(
      HttpServletRequest request,
      HttpServletResponse response,
      @RequestBody(required = false) String body) {
    return call(
        request,
        response,
        "webhooks:write",
        app -> {
          JsonNode json;
          try {
            json = body == null ? null : JSON.readTree(body);
          } catch (JacksonException e) {
            throw ApiProblem.validation("The body is not valid JSON");
          }
          String event = json == null ? null : text(json.path("event"));
          String url = json == null ? null : text(json.path("url"));
          if (event == null || !EVENTS.contains(event)) {
            throw ApiProblem.validation(
                "event must be order.created, order.updated or app.uninstalled");
          }
          if (url == null || !url.matches("https?://\\S+")) {
            throw ApiProblem.validation("url must be an http(s) URL");
          }
          return ResponseEntity.status(201).body(subscription(store.subscribe(app, event, url)));
        });
  }

  @DeleteMapping("/api/v1/webhooks/{id}")
  ResponseEntity<Object> unsubscribe(
      HttpServletRequest request, HttpServletResponse response, @PathVariable String id) {
    return call(
        request,
        response,
        "webhooks:write",
        app -> {
          if (id.matches("\\d{1,18}") && store.unsubscribe(app, Long.parseLong(id))) {
            return ResponseEntity.noContent().build();
          }
          throw ApiProblem.notFound("Webhook " + id + " does not exist");
        });
  }

  /**
   * Anything else under /api/v1: the contract's 404, not Spring's error page. Without a valid token
   * it is answered as is, with the rate-limit headers of no shop ({@link RateLimitHeaders}). With a
   * shop's token it is one of that shop's requests like any other: it is counted against the shop's
   * window and carries it in the headers (a 429 when the window is used up, as a rate limit in
   * front of the routes would answer), then answers 404.
   */
  @RequestMapping("/api/v1/**")
  ResponseEntity<Object> unknown(HttpServletRequest request, HttpServletResponse response) {
    String message = "No endpoint " + request.getMethod() + " " + request.getRequestURI();
    if (installation(request).isEmpty()) {
      return error(404, "NOT_FOUND", message);
    }
    return call(
        request,
        response,
        null,
        app -> {
          throw ApiProblem.notFound(message);
        });
  }

  /**
   * Whatever slipped through: 500 INTERNAL in the envelope. The rate-limit headers already set on
   * the response (the shop's, or those of no shop) stay.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> internal(Exception e) {
    return error(500, "INTERNAL", "Internal error: " + e.getClass().getSimpleName());
  }

  /**
   * Every API call: bearer token (401, with the rate-limit headers of no shop), the shop's
   * rate-limit window (429; its headers replace those of no shop on every answer from here on), an
   * outage switched on by the admin (500/503), the scope (403), then the handler.
   */
  private ResponseEntity<Object> call(
      HttpServletRequest request,
      HttpServletResponse response,
      String scope,
      Function<ShopStore.Installation, ResponseEntity<Object>> handler) {
    Optional<ShopStore.Installation> app = installation(request);
    if (app.isEmpty()) {
      return error(401, "UNAUTHORIZED", "Missing, unknown or revoked access token");
    }
    RateLimit.Window window = rateLimit.take(app.get().shopId());
    window.writeTo(response);
    Integer outageStatus = window.exceeded() ? null : takeOutage();
    ResponseEntity<Object> r;
    if (window.exceeded()) {
      r =
          error(
              429, "RATE_LIMITED", "Too many requests: " + window.limit() + " per minute per shop");
    } else if (outageStatus != null) {
      r =
          outageStatus == 503
              ? error(503, "UNAVAILABLE", "The shop is temporarily unavailable")
              : error(500, "INTERNAL", "Internal error");
    } else if (scope != null && !AppRegistry.hasScope(app.get(), scope)) {
      r = error(403, "FORBIDDEN", "The access token lacks the scope " + scope);
    } else {
      try {
        r = handler.apply(app.get());
      } catch (ApiProblem p) {
        r = error(p.status, p.code, p.getMessage());
      }
    }
    return ResponseEntity.status(r.getStatusCode())
        .contentType(MediaType.APPLICATION_JSON)
        .body(r.getBody());
  }

  /** The installation of the request's bearer token, if it names one that is not revoked. */
  private Optional<ShopStore.Installation> installation(HttpServletRequest request) {
    String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
    return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
        ? store.byToken(auth.substring(7).trim())
        : Optional.empty();
  }

  synchronized void outage(int calls, int status) {
    outage = new Outage(Math.max(0, calls), status == 500 ? 500 : 503);
  }

  private synchronized Integer takeOutage() {
    if (outage.remaining() <= 0) {
      return null;
    }
    outage = new Outage(outage.remaining() - 1, outage.status());
    return outage.status();
  }

  void resetLimits() {
    rateLimit.reset();
    outage(0, 503);
  }

  private static int number(Map<String, String> q, String name, int absent) {
    String v = q.get(name);
    if (v == null || v.isEmpty()) {
      return absent;
    }
    if (!v.matches("\\d{1,9}")) {
      throw ApiProblem.validation(name + " must be a whole number, not '" + v + "'");
    }
    return Integer.parseInt(v);
  }

  private static OffsetDateTime time(Map<String, String> q, String name) {
    String v = q.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiProblem.validation(
          name
              + " is not an ISO-8601 timestamp with offset: '"
              + v
              + "'"
              + (v.contains(" ") ? " (an unencoded '+' arrives as a space: send %2B)" : ""));
    }
  }

  private static String oneOf(Map<String, String> q, String name, List<String> allowed) {
    String v = q.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (!allowed.contains(v)) {
      throw ApiProblem.validation(name + " must be one of " + String.join(", ", allowed));
    }
    return v;
  }

  private static String text(JsonNode n) {
    return n.isString() ? n.asString() : null;
  }

  private static Map<String, Object> subscription(Shop.Subscription s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("event", s.event());
    m.put("url", s.url());
    m.put("createdAt", s.createdAt());
    return m;
  }

  static ResponseEntity<Object> error(int status, String code, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(envelope(code, message));
  }

  static Map<String, Object> envelope(String code, String message) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("code", code);
    inner.put("message", message);
    return Map.of("error", inner);
  }
}

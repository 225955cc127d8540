package sandbox.kmoshops;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The KMO Shops REST API ({@code /api/v1}): shop info, orders with filters and paging, payment
 * methods, webhook subscriptions; bearer tokens; 120 requests a minute per shop, with headers.
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

  private final ShopStore store;
  private final SandboxClock clock;
  private final KmoShopsSandboxProperties props;
  private final Map<Long, long[]> windows = new HashMap<>();

  ApiController(ShopStore store, SandboxClock clock, KmoShopsSandboxProperties props) {
    this.store = store;
    this.clock = clock;
    this.props = props;
  }

  @GetMapping("/api/v1/shop")
  ResponseEntity<Object> shop(HttpServletRequest request) {
    return call(
        request,
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
  ResponseEntity<Object> paymentMethods(HttpServletRequest request) {
    return call(request, app -> ResponseEntity.ok(PAYMENT_METHODS));
  }

  @GetMapping("/api/v1/orders/{id}")
  ResponseEntity<Object> order(HttpServletRequest request, @PathVariable String id) {
    return call(
        request,
        app -> {
          long orderId;
          try {
            orderId = Long.parseLong(id);
          } catch (NumberFormatException e) {
            return error(404, "NOT_FOUND", "Order " + id + " does not exist");
          }
          Optional<ShopOrder> o = store.order(app.shopId(), orderId);
          return o.<ResponseEntity<Object>>map(x -> ResponseEntity.ok(x.toJson()))
              .orElseGet(() -> error(404, "NOT_FOUND", "Order " + id + " does not exist"));
        });
  }

  @GetMapping("/api/v1/orders")
  ResponseEntity<Object> orders(HttpServletRequest request, @RequestParam Map<String, String> q) {
    return call(
        request,
        app -> {
          int page;
          int limit;
          OffsetDateTime updatedSince;
          OffsetDateTime createdFrom;
          OffsetDateTime createdTo;
          try {
            page = Integer.parseInt(q.getOrDefault("page", "1"));
            limit =
                Integer.parseInt(
                    q.getOrDefault("limit", Integer.toString(props.defaultPageSize())));
            updatedSince = time(q.get("updatedSince"));
            createdFrom = time(q.get("createdFrom"));
            createdTo = time(q.get("createdTo"));
          } catch (NumberFormatException | DateTimeParseException e) {
            return error(422, "VALIDATION", "Invalid query parameter: " + e.getMessage());
          }
          if (page < 1 || limit < 1 || limit > props.maxPageSize()) {
            return error(
                422,
                "VALIDATION",
                "page must be ≥ 1 and limit between 1 and " + props.maxPageSize());
          }
          String status = q.get("status");
          String paymentStatus = q.get("paymentStatus");
          List<ShopOrder> all = new ArrayList<>();
          for (ShopOrder o : store.orders(app.shopId())) {
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
          all.sort(
              Comparator.comparing((ShopOrder o) -> o.updatedAt().toEpochSecond())
                  .thenComparing(ShopOrder::id));
          int from = Math.min((page - 1) * limit, all.size());
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
  ResponseEntity<Object> webhooks(HttpServletRequest request) {
    return call(
        request,
        app ->
            ResponseEntity.ok(
                store.subscriptions(app).stream().map(ApiController::subscription).toList()));
  }

  record NewWebhook(String event, String url) {}

  @PostMapping("/api/v1/webhooks")
  ResponseEntity<Object> subscribe(
      HttpServletRequest request, @RequestBody(required = false) NewWebhook body) {
    return call(
        request,
        app -> {
          if (body == null
              || body.event() == null
              || body.url() == null
              || !List.of("order.created", "order.updated", "app.uninstalled")
                  .contains(body.event())
              || !body.url().matches("https?://.+")) {
            return error(
                422,
                "VALIDATION",
                "event must be order.created, order.updated or app.uninstalled, and url an http(s) URL");
          }
          if (!app.scope().contains("webhooks:write")) {
            return error(403, "FORBIDDEN", "Missing scope webhooks:write");
          }
          return ResponseEntity.status(201)
              .body(subscription(store.subscribe(app, body.event(), body.url())));
        });
  }

  @DeleteMapping("/api/v1/webhooks/{id}")
  ResponseEntity<Object> unsubscribe(HttpServletRequest request, @PathVariable long id) {
    return call(
        request,
        app ->
            store.unsubscribe(app, id)
                ? ResponseEntity.noContent().build()
                : error(404, "NOT_FOUND", "Webhook " + id + " does not exist"));
  }

  private ResponseEntity<Object> call(
      HttpServletRequest request,
      Function<ShopStore.Installation, ResponseEntity<Object>> handler) {
    String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
    Optional<ShopStore.Installation> app =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? store.byToken(auth.substring(7).trim())
            : Optional.empty();
    if (app.isEmpty()) {
      return error(401, "UNAUTHORIZED", "Missing, unknown or revoked access token");
    }
    long now = clock.instant().getEpochSecond();
    long windowStart = now - now % 60;
    int remaining;
    synchronized (windows) {
      long[] w = windows.computeIfAbsent(app.get().shopId(), k -> new long[] {windowStart, 0});
      if (w[0] != windowStart) {
        w[0] = windowStart;
        w[1] = 0;
      }
      w[1]++;
      remaining = (int) (props.requestsPerMinute() - w[1]);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.add("X-RateLimit-Limit", Integer.toString(props.requestsPerMinute()));
    headers.add("X-RateLimit-Remaining", Integer.toString(Math.max(remaining, 0)));
    headers.add("X-RateLimit-Reset", Long.toString(windowStart + 60));
    if (remaining < 0) {
      headers.add("Retry-After", Long.toString(windowStart + 60 - now));
      return ResponseEntity.status(429)
          .headers(headers)
          .contentType(MediaType.APPLICATION_JSON)
          .body(envelope("RATE_LIMITED", "Too many requests: 120 per minute per shop"));
    }
    ResponseEntity<Object> r = handler.apply(app.get());
    return ResponseEntity.status(r.getStatusCode())
        .headers(headers)
        .contentType(MediaType.APPLICATION_JSON)
        .body(r.getBody());
  }

  void resetLimits() {
    synchronized (windows) {
      windows.clear();
    }
  }

  private static OffsetDateTime time(String value) {
    return value == null || value.isBlank() ? null : OffsetDateTime.parse(value.trim());
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
    return Map.of("error", Map.of("code", code, "message", message));
  }
}

package sandbox.kmoshops;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The sandbox's own API for demos and tests (not part of the KMO Shops contract): shops, app
 * installs without the browser, orders and their changes (which fire webhooks), the order
 * generator, webhook faults and the delivery log, API outages, the clock, reset; and a page that
 * lists the orders. App registrations and the approve page live in {@link AppInstallController}.
 */
@Controller
class AdminController {

  private final ShopStore store;
  private final WebhookSender webhooks;
  private final SandboxClock clock;
  private final ApiController api;
  private final AppRegistry apps;
  private final OrderGenerator generator;

  AdminController(
      ShopStore store,
      WebhookSender webhooks,
      SandboxClock clock,
      ApiController api,
      AppRegistry apps,
      OrderGenerator generator) {
    this.store = store;
    this.webhooks = webhooks;
    this.clock = clock;
    this.api = api;
    this.apps = apps;
    this.generator = generator;
  }

  record NewShop(
      String name,
      String country,
      String currency,
      Boolean pricesIncludeTax,
      String language,
      String email,
      String backendUser,
      String backendPassword) {}

  @PostMapping("/admin/shops")
  @ResponseBody
  ResponseEntity<Map<String, Object>> shop(@RequestBody NewShop r) {
    String country = r.country() == null ? "BE" : r.country().toUpperCase();
    Shop s =
        store.createShop(
            r.name() == null ? "Demo shop" : r.name(),
            country,
            r.currency() == null ? "EUR" : r.currency(),
            r.pricesIncludeTax() == null || r.pricesIncludeTax(),
            r.language() == null ? "nl" : r.language(),
            r.email() == null ? "shop@example." + country.toLowerCase() : r.email(),
            r.backendUser() == null ? "merchant" : r.backendUser(),
            r.backendPassword() == null ? "merchant" : r.backendPassword());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", s.id);
    out.put("name", s.name);
    out.put("country", s.country);
    out.put("pricesIncludeTax", s.pricesIncludeTax);
    out.put("backendUser", s.backendUser);
    return ResponseEntity.status(HttpStatus.CREATED).body(out);
  }

  @GetMapping("/admin/shops")
  @ResponseBody
  List<Map<String, Object>> shops() {
    return store.shops().stream()
        .map(
            s ->
                Map.<String, Object>of(
                    "id",
                    s.id,
                    "name",
                    s.name,
                    "country",
                    s.country,
                    "orders",
                    store.orders(s.id).size()))
        .toList();
  }

  record Install(String clientId, String scope) {}

  /** Installs an app without the browser: what the token exchange would hand out. */
  @PostMapping("/admin/shops/{shopId}/install")
  @ResponseBody
  Map<String, Object> install(@PathVariable long shopId, @RequestBody Install r) {
    shop(shopId);
    String scope = r.scope() == null ? "orders:read shop:read webhooks:write" : r.scope();
    ShopStore.Installation i =
        store.install(
            shopId,
            r.clientId() == null ? "demo" : r.clientId(),
            AppRegistry.normaliseScope(scope)
                .orElseThrow(() -> ApiProblem.validation("Unknown scope in '" + scope + "'")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("access_token", i.accessToken());
    out.put("token_type", "bearer");
    out.put("shop_id", shopId);
    out.put("scope", i.scope());
    out.put("webhook_secret", i.webhookSecret());
    return out;
  }

  /** Removes the app from the shop: its tokens are revoked and it hears app.uninstalled. */
  @PostMapping("/admin/shops/{shopId}/uninstall")
  @ResponseBody
  Map<String, Object> uninstall(@PathVariable long shopId, @RequestBody Install r) {
    store.uninstall(shopId, r.clientId());
    return Map.of("uninstalled", true);
  }

  @PostMapping("/admin/shops/{shopId}/orders")
  @ResponseBody
  ResponseEntity<Map<String, Object>> order(
      @PathVariable long shopId, @RequestBody OrderDraft draft) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(store.createOrder(shopId, draft).toJson());
  }

  record OrderChange(String status, String paymentStatus) {}

  /** Changes status and/or payment status; fires order.updated. */
  @PostMapping("/admin/shops/{shopId}/orders/{orderId}")
  @ResponseBody
  Map<String, Object> change(
      @PathVariable long shopId, @PathVariable long orderId, @RequestBody OrderChange r) {
    return update(
        shopId,
        orderId,
        o -> {
          if (r.status() != null) {
            o.status = r.status();
          }
          if (r.paymentStatus() != null) {
            o.paymentStatus = r.paymentStatus();
          }
        });
  }

  /** The buyer paid (a bank transfer arrived): paid, and a new order starts processing. */
  @PostMapping("/admin/shops/{shopId}/orders/{orderId}/pay")
  @ResponseBody
  Map<String, Object> pay(@PathVariable long shopId, @PathVariable long orderId) {
    return update(
        shopId,
        orderId,
        o -> {
          o.paymentStatus = "paid";
          if ("new".equals(o.status)) {
            o.status = "processing";
          }
        });
  }

  /** The merchant cancels: a paid order is refunded, an unpaid one's payment is cancelled. */
  @PostMapping("/admin/shops/{shopId}/orders/{orderId}/cancel")
  @ResponseBody
  Map<String, Object> cancel(@PathVariable long shopId, @PathVariable long orderId) {
    return update(
        shopId,
        orderId,
        o -> {
          o.status = "cancelled";
          o.paymentStatus =
              "paid".equals(o.paymentStatus) || "partially_refunded".equals(o.paymentStatus)
                  ? "refunded"
                  : "cancelled";
        });
  }

  record Corruption(String path, String value) {}

  /**
   * Fault injection, not part of the contract: serves the order with one JSON field replaced
   * ({@code {"path": "lines.0.totalIncl", "value": "12,50"}}) or removed ({@code "value": null}),
   * and fires order.updated, so a client's handling of a broken order can be tested.
   */
  @PostMapping("/admin/shops/{shopId}/orders/{orderId}/corrupt")
  @ResponseBody
  Map<String, Object> corrupt(
      @PathVariable long shopId, @PathVariable long orderId, @RequestBody Corruption r) {
    if (r.path() == null || r.path().isBlank()) {
      throw ApiProblem.validation("Name the field to corrupt: {\"path\": \"lines.0.totalIncl\"}");
    }
    ShopOrder current =
        store
            .order(shopId, orderId)
            .orElseThrow(() -> ApiProblem.notFound("Order " + orderId + " does not exist"));
    try {
      ShopOrder.override(current.toJson(), r.path(), r.value());
    } catch (RuntimeException e) {
      throw ApiProblem.validation("The order has no field " + r.path());
    }
    return update(
        shopId,
        orderId,
        o -> {
          if (o.overrides == null) {
            o.overrides = new java.util.LinkedHashMap<>();
          }
          o.overrides.put(r.path(), r.value());
        });
  }

  record Generate(
      Integer count,
      Long seed,
      String from,
      String to,
      Double brokenRate,
      Integer skus,
      Double returningRate,
      String webhooks) {}

  /**
   * Generates a month of orders (see {@link OrderGenerator}). Defaults: 100 orders, seed 1, the 30
   * days up to now, 3 % broken. For the benchmark: {@code skus} (the shop's catalogue, kept across
   * calls), {@code returningRate} (the share of orders with an account from a buyer the shop
   * already has, kept across calls), {@code webhooks} "send" (default) or "hold" (queued until
   * {@code POST /admin/shops/{id}/webhooks/release}).
   */
  @PostMapping("/admin/shops/{shopId}/generate")
  @ResponseBody
  Map<String, Object> generate(
      @PathVariable long shopId, @RequestBody(required = false) Generate r) {
    Shop shop = shop(shopId);
    Generate g = r == null ? new Generate(null, null, null, null, null, null, null, null) : r;
    int count = g.count() == null ? 100 : g.count();
    double brokenRate = g.brokenRate() == null ? 0.03 : g.brokenRate();
    OffsetDateTime to = g.to() == null ? store.now(shop) : time("to", g.to());
    OffsetDateTime from = g.from() == null ? to.minusDays(30) : time("from", g.from());
    if (count < 0 || count > OrderGenerator.MAX_COUNT) {
      throw ApiProblem.validation("count must be between 0 and " + OrderGenerator.MAX_COUNT);
    }
    if (brokenRate < 0 || brokenRate > 1) {
      throw ApiProblem.validation("brokenRate must be between 0 and 1");
    }
    if (from.isAfter(to)) {
      throw ApiProblem.validation("from must not be after to");
    }
    if (g.skus() != null && g.skus() < 1) {
      throw ApiProblem.validation("skus must be at least 1");
    }
    if (g.returningRate() != null && (g.returningRate() < 0 || g.returningRate() > 1)) {
      throw ApiProblem.validation("returningRate must be between 0 and 1");
    }
    String mode = g.webhooks() == null ? "send" : g.webhooks();
    if (!mode.equals("send") && !mode.equals("hold")) {
      throw ApiProblem.validation("webhooks must be \"send\" or \"hold\"");
    }
    return generator.generate(
        shopId,
        new OrderGenerator.Params(
            count,
            g.seed() == null ? 1 : g.seed(),
            from,
            to,
            brokenRate,
            g.skus(),
            g.returningRate(),
            mode.equals("hold")));
  }

  record Release(Double perSecond) {}

  /**
   * Sends the shop's held webhook deliveries in their order, evenly paced at {@code perSecond}
   * (absent or 0: as fast as the sender can), through the normal sender: signed, retried, faults
   * applied, attempts logged. Answers {@code {"held": n, "perSecond": x}}.
   */
  @PostMapping("/admin/shops/{shopId}/webhooks/release")
  @ResponseBody
  Map<String, Object> release(@PathVariable long shopId, @RequestBody(required = false) Release r) {
    shop(shopId);
    double perSecond = r == null || r.perSecond() == null ? 0 : r.perSecond();
    if (perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
      throw ApiProblem.validation("perSecond must be 0 or more");
    }
    long held = webhooks.release(shopId, perSecond);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("held", held);
    out.put("perSecond", perSecond);
    return out;
  }

  /** How a release goes: {@code {"held": n, "sent": n, "perSecond": x, "done": bool}}. */
  @GetMapping("/admin/shops/{shopId}/webhooks/release")
  @ResponseBody
  Map<String, Object> releaseStatus(@PathVariable long shopId) {
    shop(shopId);
    WebhookSender.ReleaseStatus s = webhooks.releaseStatus(shopId);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("held", s.held());
    out.put("sent", s.sent());
    out.put("perSecond", s.perSecond());
    out.put("done", s.done());
    return out;
  }

  record Faults(
      Double drop,
      Double duplicate,
      Double reorder,
      Double delay,
      Double wrongSignature,
      Long maxDelayMillis,
      Long seed) {}

  /** Webhook faults: rates between 0 and 1 (absent = 0), the longest delay, the dice's seed. */
  @PostMapping("/admin/webhooks/faults")
  @ResponseBody
  Map<String, Object> faults(@RequestBody Faults r) {
    WebhookSender.FaultSettings f =
        new WebhookSender.FaultSettings(
            rate(r.drop()),
            rate(r.duplicate()),
            rate(r.reorder()),
            rate(r.delay()),
            rate(r.wrongSignature()),
            r.maxDelayMillis() == null ? 2000 : r.maxDelayMillis(),
            r.seed() == null ? 1 : r.seed());
    webhooks.faults(f);
    return Map.of("faults", f);
  }

  @GetMapping("/admin/webhooks/attempts")
  @ResponseBody
  List<WebhookSender.Attempt> attempts() {
    return webhooks.attempts();
  }

  record Outage(Integer calls, Integer status) {}

  /** The next {@code calls} API calls answer {@code status} (503 UNAVAILABLE or 500 INTERNAL). */
  @PostMapping("/admin/api/outage")
  @ResponseBody
  Map<String, Object> outage(@RequestBody Outage r) {
    int calls = r.calls() == null ? 1 : r.calls();
    int status = r.status() == null ? 503 : r.status();
    api.outage(calls, status);
    return Map.of("calls", calls, "status", status == 500 ? 500 : 503);
  }

  record ClockChange(Long seconds, String at, Boolean frozen) {}

  /**
   * The clock: {@code seconds} moves it forward (or back), {@code at} sets it, {@code frozen} stops
   * it (true) or lets it run on (false).
   */
  @PostMapping("/admin/clock")
  @ResponseBody
  Map<String, Object> clock(@RequestBody ClockChange r) {
    if (r.at() != null) {
      Instant at = time("at", r.at()).toInstant();
      clock.set(at, r.frozen() != null ? r.frozen() : clock.frozen());
    } else if (Boolean.TRUE.equals(r.frozen()) && !clock.frozen()) {
      clock.set(clock.instant().truncatedTo(ChronoUnit.SECONDS), true);
    } else if (Boolean.FALSE.equals(r.frozen())) {
      clock.thaw();
    }
    if (r.seconds() != null) {
      clock.advance(Duration.ofSeconds(r.seconds()));
    }
    return Map.of("now", clock.instant().toString(), "frozen", clock.frozen());
  }

  @PostMapping("/admin/reset")
  @ResponseBody
  Map<String, Object> reset() {
    store.reset();
    apps.reset();
    webhooks.reset();
    generator.reset();
    clock.reset();
    api.resetLimits();
    return Map.of("reset", true);
  }

  @GetMapping({"/", "/admin"})
  String page(Model model) {
    List<Map<String, Object>> shops = new ArrayList<>();
    for (Shop s : store.shops()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("shop", s);
      m.put("orders", store.orders(s.id).stream().map(ShopOrder::toJson).toList());
      shops.add(m);
    }
    model.addAttribute("shops", shops);
    model.addAttribute("apps", apps.apps());
    return "kmoshops/admin";
  }

  /** Admin answers use the contract's envelope too, so a typo in a test reads clearly. */
  @ExceptionHandler(ApiProblem.class)
  @ResponseBody
  ResponseEntity<Object> problem(ApiProblem p) {
    return ApiController.error(p.status, p.code, p.getMessage());
  }

  private Shop shop(long shopId) {
    return store
        .shop(shopId)
        .orElseThrow(() -> ApiProblem.notFound("Shop " + shopId + " does not exist"));
  }

  private Map<String, Object> update(long shopId, long orderId, Consumer<ShopOrder> change) {
    return store
        .updateOrder(shopId, orderId, change)
        .map(ShopOrder::toJson)
        .orElseThrow(() -> ApiProblem.notFound("Order " + orderId + " does not exist"));
  }

  private static double rate(Double r) {
    if (r == null) {
      return 0;
    }
    if (r < 0 || r > 1) {
      throw ApiProblem.validation("Fault rates are between 0 and 1");
    }
    return r;
  }

  private static OffsetDateTime time(String name, String value) {
    try {
      return OffsetDateTime.parse(value).truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      throw ApiProblem.validation(name + " is not an ISO-8601 timestamp with offset: " + value);
    }
  }
}

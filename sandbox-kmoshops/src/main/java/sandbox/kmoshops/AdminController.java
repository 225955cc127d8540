package sandbox.kmoshops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The sandbox's own API for demos and tests (not part of the KMO Shops contract): shops, app
 * installs without the browser, orders and their changes (which fire webhooks), webhook faults and
 * the delivery log, the clock, reset; and a page that lists the orders.
 */
@Controller
class AdminController {

  private final ShopStore store;
  private final WebhookSender webhooks;
  private final SandboxClock clock;
  private final ApiController api;

  AdminController(ShopStore store, WebhookSender webhooks, SandboxClock clock, ApiController api) {
    this.store = store;
    this.webhooks = webhooks;
    this.clock = clock;
    this.api = api;
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
            r.language() == null ? ("NL".equals(country) ? "nl" : "nl") : r.language(),
            r.email() == null ? "shop@example.be" : r.email(),
            r.backendUser() == null ? "merchant" : r.backendUser(),
            r.backendPassword() == null ? "merchant" : r.backendPassword());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("id", s.id, "name", s.name, "country", s.country));
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
    store.shop(shopId).orElseThrow(() -> new IllegalArgumentException("No shop " + shopId));
    ShopStore.Installation i =
        store.install(
            shopId,
            r.clientId() == null ? "demo" : r.clientId(),
            r.scope() == null ? "orders:read shop:read webhooks:write" : r.scope());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("access_token", i.accessToken());
    out.put("token_type", "bearer");
    out.put("shop_id", shopId);
    out.put("scope", i.scope());
    out.put("webhook_secret", i.webhookSecret());
    return out;
  }

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
  ResponseEntity<Object> change(
      @PathVariable long shopId, @PathVariable long orderId, @RequestBody OrderChange r) {
    return store
        .updateOrder(
            shopId,
            orderId,
            o -> {
              if (r.status() != null) {
                o.status = r.status();
              }
              if (r.paymentStatus() != null) {
                o.paymentStatus = r.paymentStatus();
              }
            })
        .<ResponseEntity<Object>>map(o -> ResponseEntity.ok(o.toJson()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @PostMapping("/admin/webhooks/faults")
  @ResponseBody
  Map<String, Object> faults(@RequestBody WebhookSender.FaultSettings f) {
    webhooks.faults(f);
    return Map.of("faults", f);
  }

  @GetMapping("/admin/webhooks/attempts")
  @ResponseBody
  List<WebhookSender.Attempt> attempts() {
    return webhooks.attempts();
  }

  record Advance(long seconds) {}

  @PostMapping("/admin/clock")
  @ResponseBody
  Map<String, Object> advance(@RequestBody Advance r) {
    clock.advance(Duration.ofSeconds(r.seconds()));
    return Map.of("now", clock.instant().toString());
  }

  @PostMapping("/admin/reset")
  @ResponseBody
  Map<String, Object> reset() {
    store.reset();
    webhooks.reset();
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
    return "kmoshops/admin";
  }
}

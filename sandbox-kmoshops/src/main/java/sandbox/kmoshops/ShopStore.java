package sandbox.kmoshops;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * All shops, their installed apps (access tokens, webhook secrets) and orders. Every change to an
 * order bumps {@code updatedAt} (whole seconds) and fires the matching webhook.
 */
@Component
public class ShopStore {

  /** An app installed in a shop: its token is revoked when the app is removed. */
  public record Installation(
      long shopId,
      String clientId,
      String accessToken,
      String webhookSecret,
      String scope,
      boolean revoked)
      implements java.io.Serializable {}

  private final SandboxClock clock;
  private final WebhookSender webhooks;
  private final SecureRandom random = new SecureRandom();
  private final Map<Long, Shop> shops = new LinkedHashMap<>();
  private final Map<String, Installation> byToken = new LinkedHashMap<>();
  private long nextShopId = 1001;

  public ShopStore(SandboxClock clock, WebhookSender webhooks) {
    this.clock = clock;
    this.webhooks = webhooks;
  }

  public synchronized Shop createShop(
      String name,
      String country,
      String currency,
      boolean pricesIncludeTax,
      String language,
      String email,
      String backendUser,
      String backendPassword) {
    Shop shop =
        new Shop(
            nextShopId++,
            name,
            country,
            currency,
            pricesIncludeTax,
            language,
            email,
            backendUser,
            backendPassword);
    shops.put(shop.id, shop);
    return shop;
  }

  public synchronized Optional<Shop> shop(long id) {
    return Optional.ofNullable(shops.get(id));
  }

  public synchronized List<Shop> shops() {
    return new ArrayList<>(shops.values());
  }

  /** Installs an app: a token that does not expire, and the secret that signs its webhooks. */
  public synchronized Installation install(long shopId, String clientId, String scope) {
    Installation i =
        new Installation(
            shopId, clientId, "kmo_" + secret(32), "whsec_" + secret(24), scope, false);
    byToken.put(i.accessToken(), i);
    return i;
  }

  /** Removes an app: its tokens are revoked, and it hears app.uninstalled one last time. */
  public synchronized void uninstall(long shopId, String clientId) {
    Shop shop = shops.get(shopId);
    if (shop == null) {
      throw ApiProblem.notFound("Shop " + shopId + " does not exist");
    }
    List<Installation> removed = new ArrayList<>();
    byToken.replaceAll(
        (token, i) -> {
          if (i.shopId() == shopId && i.clientId().equals(clientId) && !i.revoked()) {
            removed.add(i);
            return new Installation(
                i.shopId(), i.clientId(), i.accessToken(), i.webhookSecret(), i.scope(), true);
          }
          return i;
        });
    for (Installation i : removed) {
      List<Shop.Subscription> all =
          shop.subscriptions.stream().filter(s -> s.appToken().equals(i.accessToken())).toList();
      // only the URLs subscribed to app.uninstalled hear it, once each; then all go
      webhooks.fire(
          shop,
          i,
          all.stream().filter(s -> s.event().equals("app.uninstalled")).toList(),
          "app.uninstalled",
          null,
          now(shop));
      shop.subscriptions.removeAll(all);
    }
  }

  public synchronized Optional<Installation> byToken(String token) {
    return Optional.ofNullable(byToken.get(token)).filter(i -> !i.revoked());
  }

  public synchronized List<Installation> installations(long shopId) {
    return byToken.values().stream().filter(i -> i.shopId() == shopId && !i.revoked()).toList();
  }

  /**
   * Creates an order now: {@code createdAt} may lie in the past (an order imported late), {@code
   * updatedAt} is now.
   */
  public synchronized ShopOrder createOrder(long shopId, OrderDraft draft) {
    return createOrder(shopId, draft, null);
  }

  /**
   * Creates an order as it happened at {@code at} (the generator replays a month): {@code
   * updatedAt} is {@code at} instead of now. Null means now.
   */
  public synchronized ShopOrder createOrder(long shopId, OrderDraft draft, OffsetDateTime at) {
    Shop shop = shops.get(shopId);
    if (shop == null) {
      throw ApiProblem.notFound("Shop " + shopId + " does not exist");
    }
    OffsetDateTime now = now(shop);
    ShopOrder o = new ShopOrder();
    o.id = shop.nextOrderId++;
    o.createdAt =
        draft.createdAt() != null
            ? inShopZone(shop, draft.createdAt())
            : (at != null ? inShopZone(shop, at) : now);
    o.number = o.createdAt.getYear() + "-" + String.format("%06d", shop.nextOrderNumber++);
    if (at != null) {
      o.updatedAt = inShopZone(shop, at);
    } else {
      o.updatedAt = o.createdAt.isAfter(now) ? o.createdAt : now;
    }
    o.status = draft.status() == null ? "new" : draft.status();
    o.paymentStatus = draft.paymentStatus() == null ? "not_paid" : draft.paymentStatus();
    o.paymentMethodCode = draft.paymentMethodCode();
    o.paymentMethodTitle = draft.paymentMethodTitle();
    o.currency = shop.currency;
    o.pricesIncludeTax = shop.pricesIncludeTax;
    o.language = draft.language() == null ? shop.language : draft.language();
    o.customer = draft.customer();
    o.billingAddress = draft.billingAddress();
    o.shippingAddress = draft.shippingAddress();
    OrderCalculator.apply(o, draft, shop.pricesIncludeTax);
    shop.orders.put(o.id, o);
    fire(shop, "order.created", o);
    return o;
  }

  /**
   * Changes an order (status, payment, anything) now and fires order.updated. {@code updatedAt}
   * never goes back: an order generated with a later {@code updatedAt} than the clock keeps it.
   */
  public synchronized Optional<ShopOrder> updateOrder(
      long shopId, long orderId, Consumer<ShopOrder> change) {
    return updateOrder(shopId, orderId, change, null);
  }

  /** Changes an order as it happened at {@code at} (null: now) and fires order.updated. */
  public synchronized Optional<ShopOrder> updateOrder(
      long shopId, long orderId, Consumer<ShopOrder> change, OffsetDateTime at) {
    Shop shop = shops.get(shopId);
    ShopOrder o = shop == null ? null : shop.orders.get(orderId);
    if (o == null) {
      return Optional.empty();
    }
    change.accept(o);
    OffsetDateTime when = at != null ? inShopZone(shop, at) : now(shop);
    o.updatedAt = when.isBefore(o.updatedAt) ? o.updatedAt : when;
    fire(shop, "order.updated", o);
    return Optional.of(o);
  }

  public synchronized Optional<ShopOrder> order(long shopId, long orderId) {
    Shop shop = shops.get(shopId);
    return shop == null ? Optional.empty() : Optional.ofNullable(shop.orders.get(orderId));
  }

  public synchronized List<ShopOrder> orders(long shopId) {
    Shop shop = shops.get(shopId);
    return shop == null ? List.of() : new ArrayList<>(shop.orders.values());
  }

  public synchronized Shop.Subscription subscribe(Installation app, String event, String url) {
    Shop shop = shops.get(app.shopId());
    Shop.Subscription s =
        new Shop.Subscription(
            shop.nextSubscriptionId++, event, url, ShopOrder.iso(now(shop)), app.accessToken());
    shop.subscriptions.add(s);
    return s;
  }

  public synchronized List<Shop.Subscription> subscriptions(Installation app) {
    return shops.get(app.shopId()).subscriptions.stream()
        .filter(s -> s.appToken().equals(app.accessToken()))
        .toList();
  }

  public synchronized boolean unsubscribe(Installation app, long id) {
    return shops
        .get(app.shopId())
        .subscriptions
        .removeIf(s -> s.id() == id && s.appToken().equals(app.accessToken()));
  }

  /** Shops, apps and orders, for the sandbox's state file. */
  synchronized java.io.Serializable snapshot() {
    return new Object[] {new LinkedHashMap<>(shops), new LinkedHashMap<>(byToken), nextShopId};
  }

  @SuppressWarnings("unchecked")
  synchronized void restore(java.io.Serializable snapshot) {
    Object[] s = (Object[]) snapshot;
    shops.putAll((Map<Long, Shop>) s[0]);
    byToken.putAll((Map<String, Installation>) s[1]);
    nextShopId = (Long) s[2];
  }

  public synchronized void reset() {
    shops.clear();
    byToken.clear();
    nextShopId = 1001;
  }

  private void fire(Shop shop, String event, ShopOrder o) {
    for (Installation app : installations(shop.id)) {
      List<Shop.Subscription> subs =
          shop.subscriptions.stream()
              .filter(s -> s.appToken().equals(app.accessToken()) && s.event().equals(event))
              .toList();
      webhooks.fire(shop, app, subs, event, o.id, o.updatedAt);
    }
  }

  private static OffsetDateTime inShopZone(Shop shop, OffsetDateTime t) {
    return t.toInstant().atZone(shop.zone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
  }

  OffsetDateTime now(Shop shop) {
    return clock.instant().atZone(shop.zone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
  }

  private String secret(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}

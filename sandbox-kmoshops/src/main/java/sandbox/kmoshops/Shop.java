package sandbox.kmoshops;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One shop: its settings, installed apps (tokens, webhook secret), subscriptions and orders. */
public final class Shop implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  public final long id;
  public final String name;
  public final String country;
  public final String currency;
  public final boolean pricesIncludeTax;
  public final String language;
  public final String email;
  public final String backendUser;
  public final String backendPassword;
  final Map<Long, ShopOrder> orders = new LinkedHashMap<>();
  final List<Subscription> subscriptions = new ArrayList<>();
  long nextOrderId;
  int nextOrderNumber = 1;
  long nextSubscriptionId = 1;

  Shop(
      long id,
      String name,
      String country,
      String currency,
      boolean pricesIncludeTax,
      String language,
      String email,
      String backendUser,
      String backendPassword) {
    this.id = id;
    this.name = name;
    this.country = country;
    this.currency = currency;
    this.pricesIncludeTax = pricesIncludeTax;
    this.language = language;
    this.email = email;
    this.backendUser = backendUser;
    this.backendPassword = backendPassword;
    this.nextOrderId = id * 100_000 + 1;
  }

  public ZoneId zone() {
    return "NL".equals(country) ? ZoneId.of("Europe/Amsterdam") : ZoneId.of("Europe/Brussels");
  }

  /** A webhook subscription made by an installed app. */
  record Subscription(long id, String event, String url, String createdAt, String appToken)
      implements java.io.Serializable {}
}

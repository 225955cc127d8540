package koppel.support;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Creates orders in the KMO Shops sandbox (which fires the webhooks) and waits for Koppel. */
public final class ShopOrders {

  private ShopOrders() {}

  /** A paid Belgian B2C order with two lines at 21 % and 6 % and bpost shipping. */
  public static JsonNode paidOrder(KoppelSystem system, KoppelSystem.Seeded seeded, String email) {
    return Http.post(
            system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders",
            Map.of(
                "status",
                "processing",
                "paymentStatus",
                "paid",
                "paymentMethodCode",
                "bancontact",
                "paymentMethodTitle",
                "Bancontact",
                "customer",
                Map.of(
                    "email", email, "firstName", "Jan", "lastName", "Peeters", "isCompany", false),
                "billingAddress",
                Map.of(
                    "name",
                    "Jan Peeters",
                    "street",
                    "Kerkstraat",
                    "number",
                    "12",
                    "zipcode",
                    "9000",
                    "city",
                    "Gent",
                    "countryCode",
                    "BE"),
                "lines",
                List.of(
                    Map.of(
                        "sku",
                        "WIJN-001",
                        "name",
                        "Rode wijn",
                        "quantity",
                        "2",
                        "unitPrice",
                        "12.10",
                        "discount",
                        "1.21",
                        "vatRate",
                        "21"),
                    Map.of(
                        "sku",
                        "BOEK-7",
                        "name",
                        "Kookboek",
                        "quantity",
                        "1",
                        "unitPrice",
                        "25.00",
                        "vatRate",
                        "6")),
                "shipping",
                Map.of("title", "bpost", "price", "6.05", "vatRate", "21")))
        .json();
  }

  /**
   * A paid one-line order at 12 %: a Belgian rate the seeded VAT table has no Exact code for, so
   * Koppel stops it (VAT_CODE_MISSING) until the merchant adds the row.
   */
  public static JsonNode twelvePercentOrder(
      KoppelSystem system, KoppelSystem.Seeded seeded, String email) {
    return Http.post(
            system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders",
            Map.of(
                "status",
                "processing",
                "paymentStatus",
                "paid",
                "paymentMethodCode",
                "bancontact",
                "paymentMethodTitle",
                "Bancontact",
                "customer",
                Map.of("email", email, "firstName", "An", "lastName", "Claes", "isCompany", false),
                "billingAddress",
                Map.of(
                    "name",
                    "An Claes",
                    "street",
                    "Veldstraat",
                    "number",
                    "3",
                    "zipcode",
                    "9000",
                    "city",
                    "Gent",
                    "countryCode",
                    "BE"),
                "lines",
                List.of(
                    Map.of(
                        "sku",
                        "BORD-12",
                        "name",
                        "Bord",
                        "quantity",
                        "1",
                        "unitPrice",
                        "11.20",
                        "vatRate",
                        "12"))))
        .json();
  }

  /** A one-line order (a lamp at 21 %) paid by bank transfer, in the given state. */
  public static JsonNode lampOrder(
      KoppelSystem system,
      KoppelSystem.Seeded seeded,
      String status,
      String paymentStatus,
      String email) {
    return Http.post(
            system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders",
            Map.of(
                "status",
                status,
                "paymentStatus",
                paymentStatus,
                "paymentMethodCode",
                "banktransfer",
                "paymentMethodTitle",
                "Bank transfer",
                "customer",
                Map.of(
                    "email", email, "firstName", "Paul", "lastName", "Later", "isCompany", false),
                "billingAddress",
                Map.of(
                    "name",
                    "Paul Later",
                    "street",
                    "Markt",
                    "number",
                    "1",
                    "zipcode",
                    "8000",
                    "city",
                    "Brugge",
                    "countryCode",
                    "BE"),
                "lines",
                List.of(
                    Map.of(
                        "sku",
                        "X-1",
                        "name",
                        "Lamp",
                        "quantity",
                        "1",
                        "unitPrice",
                        "30.25",
                        "vatRate",
                        "21"))))
        .json();
  }

  /** The order as Koppel reports it (state, document, error, history). */
  public static JsonNode koppelView(KoppelSystem system, KoppelSystem.Seeded seeded, long orderId) {
    return system
        .operatorGet("/api/orders/" + orderId + "?integration=" + seeded.integrationId())
        .json();
  }

  public static String state(KoppelSystem system, KoppelSystem.Seeded seeded, long orderId) {
    Http.Response r =
        system.operatorGet("/api/orders/" + orderId + "?integration=" + seeded.integrationId());
    return r.status() == 200 ? r.json().path("order").path("state").asString() : "UNKNOWN";
  }

  /** Waits until the order is in {@code state}; else fails showing Koppel's view of it. */
  public static void awaitState(
      KoppelSystem system, KoppelSystem.Seeded seeded, long id, String state, int seconds) {
    awaitAll(system, seeded, java.util.List.of(id), state, seconds);
  }

  /** Waits until every order is in {@code state}; else fails showing Koppel's view of each. */
  public static void awaitAll(
      KoppelSystem system,
      KoppelSystem.Seeded seeded,
      java.util.List<Long> ids,
      String state,
      int seconds) {
    try {
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(seconds))
          .pollInterval(java.time.Duration.ofMillis(200))
          .until(() -> ids.stream().allMatch(id -> state.equals(state(system, seeded, id))));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      StringBuilder views = new StringBuilder();
      ids.forEach(id -> views.append(koppelView(system, seeded, id)).append('\n'));
      throw new AssertionError("not all " + state + ":\n" + views, e);
    }
  }

  /**
   * The body of a paid October order of a regular customer (one coffee at 21 %), the i-th of a
   * historical month, for the shop sandbox's POST /admin/shops/{id}/orders.
   */
  public static Map<String, Object> octoberOrder(int i) {
    String day = String.format("2026-10-%02d", 1 + i % 30);
    return Map.of(
        "status",
        "completed",
        "paymentStatus",
        "paid",
        "paymentMethodCode",
        "bancontact",
        "paymentMethodTitle",
        "Bancontact",
        "createdAt",
        day + "T10:" + String.format("%02d", i % 60) + ":00+02:00",
        "customer",
        Map.of(
            "email",
            "vaste.klant@example.be",
            "firstName",
            "Vaste",
            "lastName",
            "Klant",
            "isCompany",
            false),
        "billingAddress",
        Map.of(
            "name",
            "Vaste Klant",
            "street",
            "Kerkstraat",
            "number",
            "1",
            "zipcode",
            "9000",
            "city",
            "Gent",
            "countryCode",
            "BE"),
        "lines",
        List.of(
            Map.of(
                "sku",
                "KOFFIE-1",
                "name",
                "Koffie",
                "quantity",
                "1",
                "unitPrice",
                "12.10",
                "vatRate",
                "21")));
  }

  /**
   * Creates {@code count} October orders ({@link #octoberOrder}) in the seeded shop as if they
   * happened before Koppel was installed: their webhooks are dropped, so only an import finds them.
   */
  public static void octoberBeforeKoppel(KoppelSystem system, KoppelSystem.Seeded seeded, int count)
      throws Exception {
    Webhooks.faults(system, 1.0, 0, 0, 0);
    java.util.concurrent.ExecutorService creators =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> created = new java.util.ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        created.add(
            creators.submit(
                () ->
                    Http.post(
                        system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders",
                        octoberOrder(n))));
      }
      for (java.util.concurrent.Future<?> f : created) {
        f.get();
      }
    } finally {
      creators.shutdown();
      Webhooks.noFaults(system);
    }
  }
}

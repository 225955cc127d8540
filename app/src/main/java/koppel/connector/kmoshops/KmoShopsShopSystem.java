package koppel.connector.kmoshops;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import koppel.order.domain.ShopOrder;
import koppel.order.port.ConnectionStore;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.RateLimitStore;
import koppel.order.port.ShopSystem;
import koppel.order.port.SystemConnection;
import koppel.order.port.SystemConnection.ConnectionState;
import koppel.order.port.SystemConnection.ExternalSystem;
import tools.jackson.databind.JsonNode;

/** The shop port, implemented on the KMO Shops API. */
public class KmoShopsShopSystem implements ShopSystem {

  /** The events Koppel subscribes to when a shop is connected. */
  public static final List<String> EVENTS =
      List.of("order.created", "order.updated", "app.uninstalled");

  private final KmoShopsClient client;
  private final ConnectionStore connections;

  public KmoShopsShopSystem(
      KmoShopsSettings settings, ConnectionStore connections, RateLimitStore limits, Clock clock) {
    this.client = new KmoShopsClient(settings, limits, clock);
    this.connections = connections;
  }

  @Override
  public ShopOrder fetchOrder(UUID integrationId, long shopOrderId) {
    return KmoOrderJson.read(client.get(shop(integrationId), "/orders/" + shopOrderId));
  }

  @Override
  public List<ShopOrder.PaymentMethod> paymentMethods(UUID integrationId) {
    List<ShopOrder.PaymentMethod> out = new ArrayList<>();
    for (JsonNode m : client.get(shop(integrationId), "/payment-methods")) {
      out.add(new ShopOrder.PaymentMethod(m.path("code").asString(), m.path("title").asString()));
    }
    return out;
  }

  /** Subscribes {@code url} to every event Koppel needs, unless the shop has it already. */
  @Override
  public void subscribeWebhooks(UUID integrationId, String url) {
    SystemConnection shop = shop(integrationId);
    JsonNode existing = client.get(shop, "/webhooks");
    for (String event : EVENTS) {
      boolean present = false;
      for (JsonNode hook : existing) {
        present |=
            event.equals(hook.path("event").asString()) && url.equals(hook.path("url").asString());
      }
      if (!present) {
        client.post(shop, "/webhooks", Map.of("event", event, "url", url));
      }
    }
  }

  @Override
  public OrderPage listOrders(
      UUID integrationId,
      Instant updatedSince,
      Instant createdFrom,
      Instant createdTo,
      int page,
      int limit) {
    StringBuilder q =
        new StringBuilder("/orders?page=").append(page).append("&limit=").append(limit);
    param(q, "updatedSince", updatedSince);
    param(q, "createdFrom", createdFrom);
    param(q, "createdTo", createdTo);
    JsonNode body = client.get(shop(integrationId), q.toString());
    List<OrderSummary> orders = new ArrayList<>();
    for (JsonNode o : body.path("orders")) {
      orders.add(
          new OrderSummary(
              o.path("id").asLong(),
              o.path("number").asString(),
              OffsetDateTime.parse(o.path("createdAt").asString()).toInstant(),
              OffsetDateTime.parse(o.path("updatedAt").asString()).toInstant()));
    }
    JsonNode meta = body.path("meta");
    return new OrderPage(
        orders, meta.path("total").asInt(orders.size()), meta.path("pageCount").asInt(1));
  }

  /** Times go out in UTC with an offset, URL-encoded (a raw "+" would arrive as a space). */
  private static void param(StringBuilder q, String name, Instant value) {
    if (value != null) {
      q.append('&')
          .append(name)
          .append('=')
          .append(
              URLEncoder.encode(
                  value.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(),
                  StandardCharsets.UTF_8));
    }
  }

  private SystemConnection shop(UUID integrationId) {
    SystemConnection c =
        connections
            .find(integrationId, ExternalSystem.KMOSHOPS)
            .orElseThrow(
                () -> new ExternalSystemException.NotAuthorized("the shop is not connected"));
    if (c.state() != ConnectionState.CONNECTED) {
      throw new ExternalSystemException.NotAuthorized("the shop connection is not active");
    }
    return c;
  }
}

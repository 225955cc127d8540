package koppel.connector.kmoshops;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import koppel.order.domain.ShopOrder;
import koppel.order.port.ConnectionStore;
import koppel.order.port.ExternalSystemException;
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

  public KmoShopsShopSystem(KmoShopsSettings settings, ConnectionStore connections, Clock clock) {
    this.client = new KmoShopsClient(settings, clock);
    this.connections = connections;
  }

  @Override
  public ShopOrder fetchOrder(UUID integrationId, long shopOrderId) {
    return KmoOrderJson.read(client.get(shop(integrationId), "/orders/" + shopOrderId));
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

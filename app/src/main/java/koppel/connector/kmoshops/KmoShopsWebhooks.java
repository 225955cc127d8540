package koppel.connector.kmoshops;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import koppel.order.port.ConnectionStore;
import koppel.order.port.IntegrationLifecycle;
import koppel.order.port.OrderIntake;
import koppel.order.port.SystemConnection;
import koppel.order.port.SystemConnection.ExternalSystem;
import koppel.order.port.WebhookDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Receives a webhook: signature first (nothing is stored for a bad one), then dedupe by delivery
 * id, then hand the order to intake. Fast: the order itself is fetched later, on the queue.
 */
public class KmoShopsWebhooks {

  private static final Logger log = LoggerFactory.getLogger(KmoShopsWebhooks.class);

  private final ConnectionStore connections;
  private final WebhookDeliveries deliveries;
  private final OrderIntake intake;
  private final IntegrationLifecycle lifecycle;
  private final KmoShopsSettings settings;
  private final Clock clock;

  public KmoShopsWebhooks(
      ConnectionStore connections,
      WebhookDeliveries deliveries,
      OrderIntake intake,
      IntegrationLifecycle lifecycle,
      KmoShopsSettings settings,
      Clock clock) {
    this.connections = connections;
    this.deliveries = deliveries;
    this.intake = intake;
    this.lifecycle = lifecycle;
    this.settings = settings;
    this.clock = clock;
  }

  /** What the endpoint answers. */
  public enum Outcome {
    ACCEPTED(200),
    DUPLICATE(200),
    IGNORED(200),
    UNKNOWN_INTEGRATION(404),
    UNAUTHORIZED(401),
    MALFORMED(400);

    public final int httpStatus;

    Outcome(int httpStatus) {
      this.httpStatus = httpStatus;
    }
  }

  public Outcome receive(
      UUID integrationId, String timestamp, String signature, String deliveryHeader, byte[] body) {
    Optional<SystemConnection> shop = connections.find(integrationId, ExternalSystem.KMOSHOPS);
    if (shop.isEmpty()) {
      return Outcome.UNKNOWN_INTEGRATION;
    }
    Instant now = clock.instant();
    WebhookVerifier.Verdict verdict =
        WebhookVerifier.verify(
            shop.get().webhookSecret(),
            timestamp,
            signature,
            body,
            now,
            settings.webhookTolerance());
    if (verdict != WebhookVerifier.Verdict.OK) {
      log.warn("integration={} webhook rejected: {}", integrationId, verdict);
      return Outcome.UNAUTHORIZED;
    }
    JsonNode json;
    try {
      json = KmoShopsClient.JSON.readTree(body);
    } catch (RuntimeException e) {
      return Outcome.MALFORMED;
    }
    String deliveryId = json.path("id").asString(deliveryHeader);
    String event = json.path("event").asString("");
    if (deliveryId == null || deliveryId.isBlank() || event.isBlank()) {
      return Outcome.MALFORMED;
    }
    if (shop.get().externalId() != null
        && json.hasNonNull("shopId")
        && !shop.get().externalId().equals(json.path("shopId").asString())) {
      log.warn("integration={} webhook for another shop {}", integrationId, json.path("shopId"));
      return Outcome.UNAUTHORIZED;
    }
    if (!deliveries.firstTime(deliveryId, integrationId, event, now)) {
      log.info("integration={} webhook {} {} seen before", integrationId, event, deliveryId);
      return Outcome.DUPLICATE;
    }
    if (event.startsWith("order.") && json.hasNonNull("orderId")) {
      intake.orderChanged(integrationId, json.path("orderId").asLong(), "webhook " + event);
      return Outcome.ACCEPTED;
    }
    if (event.equals("app.uninstalled")) {
      log.warn("integration={} the app was removed from the shop", integrationId);
      lifecycle.shopAppRemoved(integrationId);
      return Outcome.ACCEPTED;
    }
    log.info("integration={} webhook {} ignored: unknown event", integrationId, event);
    return Outcome.IGNORED;
  }
}

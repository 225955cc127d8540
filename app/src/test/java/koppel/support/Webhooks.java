package koppel.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import koppel.connector.kmoshops.WebhookVerifier;

/** Sends signed KMO Shops webhooks to Koppel, as the shop would. */
public final class Webhooks {

  private Webhooks() {}

  /**
   * The shop's webhook faults: the share of deliveries dropped, duplicated and reordered (held back
   * up to {@code maxDelayMillis}), with fixed dice.
   */
  public static void faults(
      KoppelSystem system, double drop, double duplicate, double reorder, long maxDelayMillis) {
    Http.post(
        system.shopsUrl + "/admin/webhooks/faults",
        Map.of(
            "drop", drop,
            "duplicate", duplicate,
            "reorder", reorder,
            "maxDelayMillis", maxDelayMillis,
            "seed", 42));
  }

  /** Every webhook delivered once, in order. */
  public static void noFaults(KoppelSystem system) {
    faults(system, 0, 0, 0, 0);
  }

  public static Http.Response deliver(
      KoppelSystem system,
      KoppelSystem.Seeded seeded,
      String deliveryId,
      String event,
      long orderId) {
    return deliver(
        system,
        seeded,
        deliveryId,
        event,
        orderId,
        Instant.now().getEpochSecond(),
        seeded.webhookSecret());
  }

  public static Http.Response deliver(
      KoppelSystem system,
      KoppelSystem.Seeded seeded,
      String deliveryId,
      String event,
      long orderId,
      long timestamp,
      String secret) {
    byte[] body =
        ("{\"id\":\""
                + deliveryId
                + "\",\"event\":\""
                + event
                + "\",\"shopId\":"
                + seeded.shopId()
                + ",\"orderId\":"
                + orderId
                + ",\"occurredAt\":\"2026-11-03T10:20:00+01:00\"}")
            .getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(timestamp);
    return Http.postRaw(
        system.appUrl() + "/webhooks/kmoshops/" + seeded.integrationId(),
        body,
        Map.of(
            "Content-Type",
            "application/json",
            "X-KMO-Event",
            event,
            "X-KMO-Delivery",
            deliveryId,
            "X-KMO-Timestamp",
            ts,
            "X-KMO-Signature",
            "v1=" + WebhookVerifier.sign(secret, ts, body)));
  }

  public static String newId() {
    return UUID.randomUUID().toString();
  }
}

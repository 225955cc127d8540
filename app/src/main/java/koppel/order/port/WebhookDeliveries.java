package koppel.order.port;

import java.time.Instant;
import java.util.UUID;

/** Delivery ids of accepted webhooks, so a repeated delivery changes nothing. */
public interface WebhookDeliveries {

  /** Records the delivery; false when it was seen before. */
  boolean firstTime(String deliveryId, UUID integrationId, String event, Instant now);

  /** Forgets deliveries older than {@code before}; returns how many. */
  int pruneBefore(Instant before);
}

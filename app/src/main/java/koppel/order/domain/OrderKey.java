package koppel.order.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies one shop order within one integration. */
public record OrderKey(UUID integrationId, long shopOrderId) {

  public OrderKey {
    Objects.requireNonNull(integrationId, "integrationId");
  }

  /** A stable text form, used as queue instance id and in logs. */
  @Override
  public String toString() {
    return integrationId + "/" + shopOrderId;
  }

  public static OrderKey parse(String text) {
    int slash = text.lastIndexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("Not an order key: " + text);
    }
    return new OrderKey(
        UUID.fromString(text.substring(0, slash)), Long.parseLong(text.substring(slash + 1)));
  }
}

package koppel.order.pipeline;

import java.time.LocalDate;
import java.util.Set;
import koppel.integration.Integration;
import koppel.integration.IntegrationSettings;
import koppel.order.domain.ShopOrder;
import koppel.order.domain.WaitReason;

/** Decides whether an order is booked now, waits (OPEN) or is skipped, and says why. */
public final class Processability {

  private static final Set<String> KNOWN_STATUSES =
      Set.of("new", "processing", "shipped", "completed", "cancelled");

  private Processability() {}

  public sealed interface Decision {}

  public record Book() implements Decision {}

  public record Wait(WaitReason code, String reason) implements Decision {}

  public record Skip(WaitReason code, String reason) implements Decision {}

  /**
   * @param placed the order's day on the shop's calendar (null when the shop gave no date)
   */
  public static Decision decide(
      ShopOrder order,
      Integration integration,
      IntegrationSettings settings,
      boolean imported,
      LocalDate placed) {
    if (order.isCancelled() || "cancelled".equals(order.paymentStatus())) {
      return new Skip(WaitReason.CANCELLED, "Cancelled in KMO Shops");
    }
    if (!imported
        && integration.startDate() != null
        && placed != null
        && placed.isBefore(integration.startDate())) {
      return new Skip(
          WaitReason.BEFORE_START_DATE,
          "Placed on "
              + placed
              + ", before the integration's start date "
              + integration.startDate());
    }
    if (order.status() == null || !KNOWN_STATUSES.contains(order.status())) {
      return new Wait(
          WaitReason.UNKNOWN_STATUS, "Unknown order status '" + order.status() + "' in KMO Shops");
    }
    if (!settings.processablePaymentStatuses().contains(order.paymentStatus())) {
      return new Wait(
          WaitReason.WAITING_FOR_PAYMENT,
          "Payment status is '"
              + order.paymentStatus()
              + "'; booked as soon as it is "
              + String.join(
                  " or ", settings.processablePaymentStatuses().stream().sorted().toList()));
    }
    return new Book();
  }
}

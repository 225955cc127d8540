package koppel.account;

import java.util.UUID;
import koppel.integration.IntegrationStore;
import koppel.order.domain.OrderKey;
import koppel.order.domain.WaitReason;
import koppel.order.port.OrderIntake;
import koppel.order.port.OrderSyncStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The subscription: a flag an operator sets (there is no payment provider). After the trial the
 * integration books only while it is active; activating it queues the orders that waited for it.
 */
@Service
public class Subscriptions {

  private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

  private final IntegrationStore integrations;
  private final OrderSyncStore orders;
  private final OrderIntake intake;

  Subscriptions(IntegrationStore integrations, OrderSyncStore orders, OrderIntake intake) {
    this.integrations = integrations;
    this.orders = orders;
    this.intake = intake;
  }

  /** {@code resumed}: how many waiting orders were queued again. */
  public record Result(UUID integrationId, boolean active, int resumed) {}

  /** Sets the flag; {@link java.util.NoSuchElementException} for an unknown integration. */
  public Result set(UUID integrationId, boolean active) {
    if (integrations.find(integrationId).isEmpty()) {
      throw new java.util.NoSuchElementException("Unknown integration " + integrationId);
    }
    integrations.setSubscriptionActive(integrationId, active);
    int resumed = 0;
    if (active) {
      for (OrderKey key : orders.openWith(integrationId, WaitReason.SUBSCRIPTION_ENDED)) {
        if (intake.orderChanged(integrationId, key.shopOrderId(), "subscription activated")) {
          resumed++;
        }
      }
    }
    log.info(
        "integration={} subscription {}; {} waiting orders queued",
        integrationId,
        active ? "active" : "not active",
        resumed);
    return new Result(integrationId, active, resumed);
  }
}

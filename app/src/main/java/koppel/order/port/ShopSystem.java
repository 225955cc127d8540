package koppel.order.port;

import java.util.UUID;
import koppel.order.domain.ShopOrder;

/** The webshop, as the booking pipeline needs it. */
public interface ShopSystem {

  /**
   * The order as the shop has it now.
   *
   * @throws ExternalSystemException when the shop cannot answer (typed: rate limit, auth, ...)
   */
  ShopOrder fetchOrder(UUID integrationId, long shopOrderId);

  /** Makes the shop send its order webhooks to {@code callbackUrl} (idempotent). */
  void subscribeWebhooks(UUID integrationId, String callbackUrl);
}

package koppel.order.port;

import java.time.Instant;
import java.util.List;
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

  /** The payment methods the shop offers (code and title), for the Configuration tab. */
  List<koppel.order.domain.ShopOrder.PaymentMethod> paymentMethods(UUID integrationId);

  /** Makes the shop send its order webhooks to {@code callbackUrl} (idempotent). */
  void subscribeWebhooks(UUID integrationId, String callbackUrl);

  /**
   * One page of orders, sorted by last change then id. {@code updatedSince} and the created bounds
   * are inclusive and compared in whole seconds; null bounds are left out.
   */
  OrderPage listOrders(
      UUID integrationId,
      Instant updatedSince,
      Instant createdFrom,
      Instant createdTo,
      int page,
      int limit);

  /** An order as the list shows it: enough to decide whether to look closer. */
  record OrderSummary(long id, String number, Instant createdAt, Instant updatedAt) {}

  record OrderPage(List<OrderSummary> orders, int total, int pageCount) {}
}

package koppel.jobs;

import java.util.UUID;
import koppel.order.domain.OrderKey;
import koppel.order.port.OrderSyncStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Brings forward the orders that wait for something the merchant just fixed. */
@Component
public class WaitingOrders {

  private static final Logger log = LoggerFactory.getLogger(WaitingOrders.class);

  private final OrderSyncStore orders;
  private final OrderQueue queue;

  WaitingOrders(OrderSyncStore orders, OrderQueue queue) {
    this.orders = orders;
    this.queue = queue;
  }

  /** Runs now every order of the integration that waits with this error code; returns how many. */
  public int resume(UUID integrationId, String errorCode) {
    int n = 0;
    for (OrderKey key : orders.waitingWith(integrationId, errorCode)) {
      if (queue.runNow(key) || queue.queueNow(key, "resumed after " + errorCode)) {
        n++;
      }
    }
    log.info("integration={} resumed {} orders waiting with {}", integrationId, n, errorCode);
    return n;
  }
}

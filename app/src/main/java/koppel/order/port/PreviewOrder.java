package koppel.order.port;

import koppel.order.domain.OrderKey;

/** The Preview tab's use case: the booking pipeline as a dry run (reads only, writes nothing). */
public interface PreviewOrder {

  OrderPreview preview(OrderKey key);
}

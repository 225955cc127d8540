package koppel.order.port;

import java.time.Instant;
import koppel.order.domain.OrderKey;

/** In-port: one attempt to take an order as far as it can go (book, open, skip or fail). */
public interface BookOrder {

  Result attempt(OrderKey key);

  /** What the queue should do next with this order. */
  sealed interface Result {}

  /**
   * Nothing more to do: booked, skipped, open (waits for a change) or failed (waits for a human).
   */
  record Done(String outcome) implements Result {}

  /** Try again at the given time. */
  record RetryAt(Instant at) implements Result {}
}

package koppel.order.pipeline;

import java.time.Clock;
import koppel.order.domain.OrderKey;
import koppel.order.port.BookedDocument;
import koppel.order.port.EventLog;
import koppel.order.port.OrderSyncStore;
import org.springframework.stereotype.Component;

/** Step 4: store Exact's id and number and move the order to BOOKED. */
@Component
class MarkBooked {

  private final OrderSyncStore orders;
  private final EventLog events;
  private final Clock clock;

  MarkBooked(OrderSyncStore orders, EventLog events, Clock clock) {
    this.orders = orders;
    this.events = events;
    this.clock = clock;
  }

  void apply(OrderKey key, BookedDocument document) {
    orders.markBooked(key, document, clock.instant());
    events.record(
        key,
        "BOOKED",
        "Booked as "
            + document.mode().documentType()
            + " "
            + document.id()
            + (document.number() == null ? "" : " number " + document.number()),
        clock.instant());
  }
}

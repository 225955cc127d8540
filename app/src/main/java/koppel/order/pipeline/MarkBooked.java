package koppel.order.pipeline;

import java.time.Clock;
import java.util.UUID;
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

  /** False when the order's attempt is no longer {@code attemptId} (another attempt took over). */
  boolean apply(OrderKey key, UUID attemptId, BookedDocument document) {
    if (!orders.markBooked(key, attemptId, document, clock.instant())) {
      return false;
    }
    events.record(
        key,
        "BOOKED",
        "Booked as "
            + document.mode().documentType()
            + " "
            + document.id()
            + (document.number() == null ? "" : " number " + document.number()),
        clock.instant());
    return true;
  }
}

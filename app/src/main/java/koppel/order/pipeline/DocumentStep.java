package koppel.order.pipeline;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import koppel.jobs.BookingFailure;
import koppel.order.domain.BookingMode;
import koppel.order.domain.OrderKey;
import koppel.order.port.AccountingSystem;
import koppel.order.port.BookedDocument;
import koppel.order.port.DocumentDraft;
import koppel.order.port.EventLog;
import koppel.order.port.OrderSyncStore;
import org.springframework.stereotype.Component;

/**
 * Step 3: the document, exactly once. Exact Online has no idempotency key, so: (1) the order is
 * committed as BOOKING with a fresh attempt id before the POST; (2) the document carries the order
 * number in YourRef; (3) when an earlier attempt may have written (the row was still BOOKING), the
 * document is looked up by YourRef first and adopted if found.
 */
@Component
class DocumentStep {

  private final AccountingSystem accounting;
  private final OrderSyncStore orders;
  private final EventLog events;
  private final Clock clock;

  DocumentStep(AccountingSystem accounting, OrderSyncStore orders, EventLog events, Clock clock) {
    this.accounting = accounting;
    this.orders = orders;
    this.events = events;
    this.clock = clock;
  }

  BookedDocument book(OrderKey key, DocumentDraft draft, boolean earlierWriteMayExist) {
    if (earlierWriteMayExist) {
      Optional<BookedDocument> existing = findEarlier(key, draft.mode(), draft.yourRef());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    if (!orders.startBooking(key, UUID.randomUUID(), clock.instant())) {
      throw new BookingFailure.NothingToDo("Order became final while booking");
    }
    return accounting.createDocument(key.integrationId(), draft);
  }

  /** The document an earlier attempt may have created, looked up by YourRef. */
  Optional<BookedDocument> findEarlier(OrderKey key, BookingMode mode, String yourRef) {
    Optional<BookedDocument> existing = accounting.findDocument(key.integrationId(), mode, yourRef);
    existing.ifPresent(
        d ->
            events.record(
                key,
                "ADOPTED",
                "Found "
                    + mode.documentType()
                    + " "
                    + d.id()
                    + " from an earlier attempt in Exact Online; not posted again",
                clock.instant()));
    return existing;
  }
}

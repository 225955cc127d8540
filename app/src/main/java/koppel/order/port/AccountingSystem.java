package koppel.order.port;

import java.util.Optional;
import java.util.UUID;
import koppel.order.domain.BookingMode;

/**
 * The accounting system (Exact Online), as the booking pipeline needs it. Every method may throw an
 * {@link ExternalSystemException}; writes that end in {@link
 * ExternalSystemException.OutcomeUnknown} must be looked up before they are tried again.
 */
public interface AccountingSystem {

  Optional<AccountingRef> findCustomerByEmail(UUID integrationId, String email);

  AccountingRef createCustomer(UUID integrationId, NewCustomer customer);

  Optional<AccountingRef> findItemByCode(UUID integrationId, String code);

  AccountingRef createItem(UUID integrationId, NewItem item);

  /** The document booked earlier for this shop order number, if any (looked up by YourRef). */
  Optional<BookedDocument> findDocument(UUID integrationId, BookingMode mode, String yourRef);

  BookedDocument createDocument(UUID integrationId, DocumentDraft draft);
}

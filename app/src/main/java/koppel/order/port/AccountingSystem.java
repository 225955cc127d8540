package koppel.order.port;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import koppel.order.domain.BookingMode;

/**
 * The accounting system (Exact Online), as the booking pipeline needs it. Every call names the
 * administration (division) it works in, so a lookup after a crash looks where the write went, not
 * where today's settings point. Every method may throw an {@link ExternalSystemException}; writes
 * that end in {@link ExternalSystemException.OutcomeUnknown} must be looked up before they are
 * tried again.
 */
public interface AccountingSystem {

  /** The administration the merchant chose; NotAuthorized when none is chosen. */
  String division(UUID integrationId);

  /** Debtors whose e-mail address is one of {@code emails} (exact match, as Exact compares). */
  List<Account> findAccountsByEmail(UUID integrationId, String division, Collection<String> emails);

  /** One debtor by its id, or empty when Exact does not know it. */
  Optional<Account> findAccount(UUID integrationId, String division, UUID id);

  /** A debtor by its code as people type it ("1001"), or empty. */
  Optional<Account> findAccountByCode(UUID integrationId, String division, String code);

  /**
   * Customers (status C) whose name contains {@code nameContains} (case as Exact compares), at most
   * {@code max}, ordered by name: the debtor lists of the Configuration tab. Reads only.
   */
  List<Account> searchCustomers(UUID integrationId, String division, String nameContains, int max);

  Account createAccount(UUID integrationId, String division, NewCustomer customer);

  /** Items whose code is one of {@code codes} or whose barcode is one of {@code barcodes}. */
  List<Item> findItems(
      UUID integrationId, String division, Collection<String> codes, Collection<String> barcodes);

  Item createItem(UUID integrationId, String division, NewItem item);

  /** The account's delivery addresses (type 4). */
  List<Address> findDeliveryAddresses(UUID integrationId, String division, UUID accountId);

  /** Creates a delivery address; Exact answers with an identical existing one if there is one. */
  Address createDeliveryAddress(UUID integrationId, String division, Address address);

  /** Every document of this type whose YourRef is {@code yourRef}, with what identifies it. */
  List<FoundDocument> findDocuments(
      UUID integrationId, String division, BookingMode mode, String yourRef);

  /** Posts the document; Exact's answer with its own totals. */
  CreatedDocument createDocument(UUID integrationId, String division, DocumentDraft draft);

  /** Deletes a document Koppel itself just created (a draft Exact read otherwise than meant). */
  void deleteDocument(UUID integrationId, String division, BookingMode mode, UUID id);

  /** A debtor: id, code, name, e-mail, VAT number as Exact has them; customer = status C. */
  record Account(
      UUID id, String code, String name, String email, String vatNumber, boolean customer) {}

  /** An item: id, code and barcode. */
  record Item(UUID id, String code, String barcode) {}

  /** A product to create; {@code salesVatCode} follows the VAT rate of the sales line. */
  record NewItem(
      String code, String description, String barcode, String salesVatCode, boolean stockItem) {}

  /** A delivery address of an account (Exact crm/Addresses, type 4). */
  record Address(
      UUID id, UUID accountId, String line1, String postcode, String city, String country) {}
}

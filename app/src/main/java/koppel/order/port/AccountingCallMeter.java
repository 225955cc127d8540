package koppel.order.port;

import java.util.UUID;

/**
 * Told about every HTTP request a connector actually sends to the accounting system (each page of a
 * paged read, and a repeat after a refused token, count once each), by kind: what the calls per
 * order are made of.
 */
public interface AccountingCallMeter {

  /** What a call was for. */
  enum Kind {
    /** The booking itself: a sales invoice, order or entry. */
    DOCUMENT,
    CUSTOMER_CREATE,
    ITEM_CREATE,
    ADDRESS_CREATE,
    /** A bulk or delta read that fills Koppel's mirror of accounts and items. */
    MIRROR,
    /** Any other read in a division. */
    LOOKUP,
    /** Deletes, updates, and calls outside a division. */
    OTHER
  }

  /** One request was sent; {@code division} is null for calls outside a division. */
  void sent(UUID integrationId, String division, Kind kind);

  AccountingCallMeter NONE = (integrationId, division, kind) -> {};
}

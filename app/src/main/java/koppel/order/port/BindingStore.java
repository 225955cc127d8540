package koppel.order.port;

import java.util.Optional;
import java.util.UUID;

/**
 * binding: our key (customer e-mail, SKU, dummy product) ↔ the accounting system's record. Bound at
 * once after every remote create, so a crash never creates the same record twice.
 */
public interface BindingStore {

  Optional<AccountingRef> find(UUID integrationId, BindingKind kind, String shopKey);

  /** Stores the binding; an existing binding for the same key wins and is returned. */
  AccountingRef bind(UUID integrationId, BindingKind kind, String shopKey, AccountingRef ref);

  enum BindingKind {
    CUSTOMER,
    ITEM
  }
}

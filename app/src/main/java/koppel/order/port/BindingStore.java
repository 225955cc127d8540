package koppel.order.port;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * binding: our key (customer e-mail, product, delivery address) ↔ the accounting system's record,
 * per administration (division). Bound at once after every remote find or create, so a crash never
 * creates the same record twice.
 */
public interface BindingStore {

  Optional<Binding> find(UUID integrationId, String division, BindingKind kind, String shopKey);

  /** The bindings that exist for these keys (absent keys are left out). */
  Map<String, Binding> findAll(
      UUID integrationId, String division, BindingKind kind, Collection<String> shopKeys);

  /** Stores the binding; an existing binding for the same key wins and is returned. */
  Binding bind(
      UUID integrationId, String division, BindingKind kind, String shopKey, Binding binding);

  enum BindingKind {
    CUSTOMER,
    ITEM,
    ADDRESS
  }

  /** The Exact record a key is bound to; {@code vatNumber} as the account had it when bound. */
  record Binding(UUID exactId, String code, String vatNumber) {}
}

package koppel.order.port;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Serialises find-or-create of one customer or product across threads and nodes, so two orders of
 * the same new customer never create two debtors. Held only for the lookup and the create.
 */
public interface MasterDataLock {

  <T> T exclusively(UUID integrationId, String key, Supplier<T> work);
}

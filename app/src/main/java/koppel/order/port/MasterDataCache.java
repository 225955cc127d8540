package koppel.order.port;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Cached master data per integration and kind, as JSON text. */
public interface MasterDataCache {

  Optional<Entry> get(UUID integrationId, String kind);

  void put(UUID integrationId, String kind, String json, Instant fetchedAt);

  void clear(UUID integrationId);

  record Entry(String json, Instant fetchedAt) {}
}

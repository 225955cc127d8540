package koppel.order.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;

/** In-port: what the dashboard and the JSON API read; the same rows the pipeline writes. */
public interface OrderQueries {

  /** Newest first, one page ({@code offset} rows skipped). */
  List<OrderSync> list(UUID integrationId, Set<SyncState> states, int offset, int limit);

  /** How many orders are in these states. */
  long count(UUID integrationId, Set<SyncState> states);

  Optional<OrderSync> find(OrderKey key);

  /** The order with this order number (as the merchant knows it), if Koppel has seen it. */
  Optional<OrderSync> findByNumber(UUID integrationId, String orderNumber);

  Map<SyncState, Long> countByState(UUID integrationId);
}

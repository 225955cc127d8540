package koppel.web.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;
import koppel.order.port.EventLog;
import koppel.order.port.OrderQueries;
import koppel.order.port.OrderSync;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The merchant's orders (an operator names the integration). */
@RestController
@RequestMapping("/api/orders")
class OrdersController {

  private final OrderQueries queries;
  private final EventLog events;
  private final Merchants merchants;

  OrdersController(OrderQueries queries, EventLog events, Merchants merchants) {
    this.queries = queries;
    this.events = events;
    this.merchants = merchants;
  }

  @GetMapping
  List<OrderSync> list(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) Set<SyncState> state,
      @RequestParam(defaultValue = "100") int limit) {
    return queries.list(
        merchants.integrationOf(auth, integration),
        state == null || state.isEmpty() ? EnumSet.allOf(SyncState.class) : state,
        Math.min(Math.max(limit, 1), 1000));
  }

  @GetMapping("/{shopOrderId}")
  Map<String, Object> one(
      Authentication auth,
      @PathVariable long shopOrderId,
      @RequestParam(required = false) UUID integration) {
    OrderKey key = new OrderKey(merchants.integrationOf(auth, integration), shopOrderId);
    OrderSync sync =
        queries
            .find(key)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown order"));
    return Map.of("order", sync, "history", events.history(key));
  }
}

package koppel.web.api;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import koppel.integration.IntegrationStore;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;
import koppel.order.port.EventLog;
import koppel.order.port.OrderQueries;
import koppel.order.port.OrderSync;
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
  private final IntegrationStore integrations;

  OrdersController(OrderQueries queries, EventLog events, IntegrationStore integrations) {
    this.queries = queries;
    this.events = events;
    this.integrations = integrations;
  }

  @GetMapping
  List<OrderSync> list(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) Set<SyncState> state,
      @RequestParam(defaultValue = "100") int limit) {
    return queries.list(
        integrationOf(auth, integration),
        state == null || state.isEmpty() ? EnumSet.allOf(SyncState.class) : state,
        Math.min(Math.max(limit, 1), 1000));
  }

  @GetMapping("/{shopOrderId}")
  Map<String, Object> one(
      Authentication auth,
      @PathVariable long shopOrderId,
      @RequestParam(required = false) UUID integration) {
    OrderKey key = new OrderKey(integrationOf(auth, integration), shopOrderId);
    OrderSync sync =
        queries
            .find(key)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown order"));
    return Map.of("order", sync, "history", events.history(key));
  }

  private UUID integrationOf(Principal principal, UUID requested) {
    Authentication auth = (Authentication) principal;
    boolean operator =
        auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR"));
    if (operator) {
      if (requested == null) {
        throw new ResponseStatusException(
            HttpStatus.BAD_REQUEST, "Name the integration: ?integration=<id>");
      }
      return requested;
    }
    return integrations
        .findByLogin(auth.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN))
        .id();
  }
}

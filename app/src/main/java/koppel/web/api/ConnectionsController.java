package koppel.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import koppel.order.port.ConnectionStore;
import koppel.order.port.SystemConnection;
import koppel.order.port.SystemConnection.ExternalSystem;
import koppel.web.Merchants;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The two connection dots: state and, when red, what happened and what to do. No secrets. */
@RestController
class ConnectionsController {

  private final ConnectionStore connections;
  private final Merchants merchants;

  ConnectionsController(ConnectionStore connections, Merchants merchants) {
    this.connections = connections;
    this.merchants = merchants;
  }

  @GetMapping("/api/connections")
  List<Map<String, Object>> connections(
      Authentication auth, @RequestParam(required = false) UUID integration) {
    UUID id = merchants.integrationOf(auth, integration);
    List<Map<String, Object>> out = new ArrayList<>();
    for (ExternalSystem system : ExternalSystem.values()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("system", system);
      SystemConnection found = connections.find(id, system).orElse(null);
      c.put(
          "state", found == null ? SystemConnection.ConnectionState.NOT_CONNECTED : found.state());
      if (found != null) {
        c.put("externalId", found.externalId());
        c.put("status", found.status());
        c.put("updatedAt", found.updatedAt());
      }
      out.add(c);
    }
    return out;
  }
}

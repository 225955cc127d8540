package koppel.web.dashboard;

import java.util.UUID;
import koppel.integration.Integration;
import koppel.integration.IntegrationStore;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The integration the Report, Errors, Open and support pages (and their JSON API) act for: the
 * merchant's current one, or the one an operator names with {@code ?integration=}.
 */
@Component
public class OrderPages {

  private final Merchants merchants;
  private final IntegrationStore integrations;

  OrderPages(Merchants merchants, IntegrationStore integrations) {
    this.merchants = merchants;
    this.integrations = integrations;
  }

  public Integration integration(Authentication auth, UUID requested) {
    UUID id = merchants.integrationOf(auth, requested);
    return integrations
        .find(id)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown integration"));
  }
}

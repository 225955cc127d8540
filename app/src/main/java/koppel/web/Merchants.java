package koppel.web;

import java.util.UUID;
import koppel.integration.IntegrationStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Finds the integration of the logged-in merchant (an operator names one explicitly). */
@Component
public class Merchants {

  private final IntegrationStore integrations;

  Merchants(IntegrationStore integrations) {
    this.integrations = integrations;
  }

  public UUID integrationOf(Authentication auth, UUID requested) {
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
        .orElseThrow(
            () ->
                new ResponseStatusException(HttpStatus.FORBIDDEN, "This login has no integration"))
        .id();
  }

  public UUID integrationOf(Authentication auth) {
    return integrationOf(auth, null);
  }
}

package koppel.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.integration.Login;
import koppel.integration.LoginStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which integration a request acts for. An operator names one ({@code ?integration=}). A merchant
 * acts for one of their own login's integrations only: the one named (it must be theirs — another
 * merchant's id is answered as unknown, so ids do not leak), else the one chosen in the switcher
 * (kept in the session), else their first.
 */
@Component
public class Merchants {

  /** The session attribute holding the integration the merchant switched to. */
  public static final String CURRENT = "koppel.integration";

  private final LoginStore logins;

  Merchants(LoginStore logins) {
    this.logins = logins;
  }

  public static boolean isOperator(Authentication auth) {
    return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR"));
  }

  public UUID integrationOf(Authentication auth, UUID requested) {
    if (isOperator(auth)) {
      if (requested == null) {
        throw new ResponseStatusException(
            HttpStatus.BAD_REQUEST, "Name the integration: ?integration=<id>");
      }
      return requested;
    }
    List<Integration> own = integrations(auth);
    if (own.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This login has no integration");
    }
    if (requested != null) {
      return own.stream()
          .map(Integration::id)
          .filter(requested::equals)
          .findFirst()
          .orElseThrow(
              () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown integration"));
    }
    UUID chosen = chosenInSession();
    return own.stream()
        .map(Integration::id)
        .filter(id -> id.equals(chosen))
        .findFirst()
        .orElse(own.get(0).id());
  }

  public UUID integrationOf(Authentication auth) {
    return integrationOf(auth, null);
  }

  /** The current integration of a merchant, as a record. */
  public Integration current(Authentication auth) {
    UUID id = integrationOf(auth);
    return integrations(auth).stream()
        .filter(i -> i.id().equals(id))
        .findFirst()
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown integration"));
  }

  /** The merchant's integrations (licence keys), oldest first. */
  public List<Integration> integrations(Authentication auth) {
    return login(auth).map(l -> logins.integrations(l.id())).orElse(List.of());
  }

  public Optional<Login> login(Authentication auth) {
    return auth == null ? Optional.empty() : logins.find(auth.getName());
  }

  /** Switches the session to one of the merchant's own integrations. */
  public void choose(Authentication auth, UUID integrationId, HttpSession session) {
    UUID id = integrationOf(auth, integrationId);
    session.setAttribute(CURRENT, id);
  }

  private static UUID chosenInSession() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
      return null;
    }
    HttpServletRequest request = attrs.getRequest();
    HttpSession session = request.getSession(false);
    return session == null || !(session.getAttribute(CURRENT) instanceof UUID id) ? null : id;
  }
}

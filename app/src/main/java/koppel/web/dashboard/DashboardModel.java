package koppel.web.dashboard;

import java.util.List;
import java.util.Map;
import koppel.integration.Installation;
import koppel.integration.Integration;
import koppel.integration.IntegrationAdmin;
import koppel.order.port.OrderQueries;
import koppel.web.Merchants;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the {@link DashboardShell} into the model of every page of the dashboard package, so the
 * layout (fragments/layout.html) can draw the top bar, the dots, the trial notice and the tabs.
 * Pages without a logged-in merchant (log in, sign-up) get none.
 */
@ControllerAdvice(basePackages = "koppel.web.dashboard")
class DashboardModel {

  private final Merchants merchants;
  private final Installation installation;
  private final OrderQueries orders;
  private final IntegrationAdmin admin;

  DashboardModel(
      Merchants merchants, Installation installation, OrderQueries orders, IntegrationAdmin admin) {
    this.merchants = merchants;
    this.installation = installation;
    this.orders = orders;
    this.admin = admin;
  }

  /** The page's own path, for forms that come back to it (the switcher). */
  @ModelAttribute("path")
  String path(jakarta.servlet.http.HttpServletRequest request) {
    return request.getRequestURI();
  }

  @ModelAttribute("shell")
  DashboardShell shell(Authentication auth) {
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      return null;
    }
    if (Merchants.isOperator(auth)) {
      return new DashboardShell(auth.getName(), true, null, List.of(), null, Map.of(), null);
    }
    List<Integration> own = merchants.integrations(auth);
    if (own.isEmpty()) {
      return new DashboardShell(auth.getName(), false, null, own, null, Map.of(), null);
    }
    Integration current = merchants.current(auth);
    return new DashboardShell(
        auth.getName(),
        false,
        current,
        own,
        installation.of(current),
        orders.countByState(current.id()),
        admin.installationLink(current));
  }
}

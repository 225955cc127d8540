package koppel.web.dashboard;

import java.util.EnumSet;
import koppel.integration.Integration;
import koppel.integration.IntegrationStore;
import koppel.order.domain.SyncState;
import koppel.order.port.OrderQueries;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** The dashboard pages, read from the same tables the pipeline writes. */
@Controller
class DashboardController {

  private final IntegrationStore integrations;
  private final OrderQueries orders;

  DashboardController(IntegrationStore integrations, OrderQueries orders) {
    this.integrations = integrations;
    this.orders = orders;
  }

  @GetMapping("/")
  String root() {
    return "redirect:/dashboard";
  }

  @GetMapping("/login")
  String login() {
    return "dashboard/login";
  }

  @GetMapping("/dashboard")
  String report(Authentication auth, Model model) {
    Integration integration =
        integrations
            .findByLogin(auth.getName())
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.FORBIDDEN, "This login has no integration"));
    model.addAttribute("integration", integration);
    model.addAttribute("counts", orders.countByState(integration.id()));
    model.addAttribute(
        "orders", orders.list(integration.id(), EnumSet.allOf(SyncState.class), 0, 200));
    return "dashboard/report";
  }
}

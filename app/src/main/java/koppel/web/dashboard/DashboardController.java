package koppel.web.dashboard;

import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import koppel.web.Merchants;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The way in: log in, the dashboard's front door and the integration switcher. */
@Controller
class DashboardController {

  private final Merchants merchants;

  DashboardController(Merchants merchants) {
    this.merchants = merchants;
  }

  @GetMapping("/")
  String root() {
    return "redirect:/dashboard";
  }

  @GetMapping("/login")
  String login() {
    return "dashboard/login";
  }

  /** The installation wizard until installation is complete, the Report tab after. */
  @GetMapping("/dashboard")
  String dashboard(
      @org.springframework.web.bind.annotation.ModelAttribute("shell") DashboardShell shell) {
    if (shell == null || shell.operator() || shell.integration() == null) {
      return "redirect:/dashboard/report";
    }
    return shell.status().complete()
        ? "redirect:/dashboard/report"
        : "redirect:/dashboard/installation";
  }

  /** The switcher: act for another of this login's integrations (licence keys). */
  @PostMapping("/dashboard/integration")
  String switchIntegration(
      Authentication auth,
      @RequestParam UUID integration,
      @RequestParam(required = false) String back,
      HttpSession session) {
    merchants.choose(auth, integration, session);
    return "redirect:" + (back != null && back.startsWith("/dashboard") ? back : "/dashboard");
  }
}

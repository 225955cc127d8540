package koppel.web.dashboard;

import java.util.Comparator;
import java.util.List;
import koppel.integration.ExactConnect;
import koppel.integration.IntegrationAdmin;
import koppel.order.port.MasterData;
import koppel.web.Merchants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Installation tab: the three steps of the manual — connect KMO Shops, connect Exact Online and
 * choose the administration, configure — with the two dots, their reasons and fixes, the licence
 * key and the installation link.
 */
@Controller
class InstallationController {

  private static final Logger log = LoggerFactory.getLogger(InstallationController.class);

  private final ExactConnect exact;
  private final Merchants merchants;
  private final int manyDivisions;

  InstallationController(
      ExactConnect exact,
      Merchants merchants,
      @Value("${koppel.exact.many-divisions-warning:3}") int manyDivisions) {
    this.exact = exact;
    this.merchants = merchants;
    this.manyDivisions = manyDivisions;
  }

  @GetMapping("/dashboard/installation")
  String installation(
      @ModelAttribute("shell") DashboardShell shell,
      @RequestParam(required = false) String exact,
      @RequestParam(required = false) String division,
      Model model) {
    if (shell == null || shell.integration() == null) {
      return "redirect:/dashboard/report";
    }
    String exactCode = shell.status().exact().code();
    boolean exactConnected =
        exactCode.equals("EXACT_CONNECTED") || exactCode.equals("EXACT_NO_DIVISION");
    boolean choose =
        exactConnected
            && (shell.status().division() == null
                || shell.status().division().isBlank()
                || "choose-division".equals(exact)
                || "change".equals(division));
    model.addAttribute("exactConnected", exactConnected);
    model.addAttribute("chooseDivision", choose);
    if (choose) {
      try {
        List<MasterData.Division> divisions =
            this.exact.divisions(shell.integration().id()).stream()
                .sorted(Comparator.comparingInt(MasterData.Division::code))
                .toList();
        model.addAttribute("divisions", divisions);
        model.addAttribute("manyDivisions", divisions.size() > manyDivisions);
      } catch (RuntimeException e) {
        log.warn(
            "integration={} divisions not read from Exact Online: {}",
            shell.integration().id(),
            e.toString());
        model.addAttribute("divisions", List.of());
        model.addAttribute("divisionsError", e.getMessage());
      }
    }
    model.addAttribute("manyDivisionsLimit", manyDivisions);
    return "account/installation";
  }

  /** The administration (division) the integration books into; one the Exact user can reach. */
  @PostMapping("/dashboard/installation/division")
  String chooseDivision(
      Authentication auth,
      @RequestParam(required = false) Integer division,
      RedirectAttributes redirect) {
    if (division == null) {
      redirect.addFlashAttribute("divisionError", "installation.division.error.missing");
      return "redirect:/dashboard/installation?division=change";
    }
    try {
      exact.chooseDivision(merchants.integrationOf(auth), division);
    } catch (IntegrationAdmin.BookingInProgress e) {
      redirect.addFlashAttribute("divisionError", "installation.division.error.busy");
      return "redirect:/dashboard/installation?division=change";
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("divisionError", "installation.division.error.unreachable");
      return "redirect:/dashboard/installation?division=change";
    } catch (RuntimeException e) {
      log.warn("division {} not saved: {}", division, e.toString());
      redirect.addFlashAttribute("divisionError", "installation.division.error.exact");
      return "redirect:/dashboard/installation?division=change";
    }
    return "redirect:/dashboard/installation?division=saved";
  }
}

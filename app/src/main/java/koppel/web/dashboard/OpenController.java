package koppel.web.dashboard;

import java.util.UUID;
import koppel.integration.Integration;
import koppel.tabs.OrderTabs;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Open tab: orders waiting (for payment, a status, a subscription), and when Koppel looks
 * again.
 */
@Controller
class OpenController {

  private final OrderPages pages;
  private final OrderTabs tabs;

  OpenController(OrderPages pages, OrderTabs tabs) {
    this.pages = pages;
    this.tabs = tabs;
  }

  @GetMapping("/dashboard/open")
  String open(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    Integration i = pages.integration(auth, integration);
    model.addAttribute("it", i);
    model.addAttribute("zone", i.zone());
    model.addAttribute("search", q == null ? "" : q.strip());
    model.addAttribute("open", tabs.open(i, q, page));
    return "dashboard/open";
  }
}

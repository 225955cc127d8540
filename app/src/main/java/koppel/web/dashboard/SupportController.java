package koppel.web.dashboard;

import java.util.UUID;
import koppel.integration.Integration;
import koppel.tabs.Ticket;
import koppel.tabs.TicketStore;
import koppel.tabs.Tickets;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Ask us": a question to support, stored and e-mailed, with the tickets sent before. */
@Controller
class SupportController {

  private final OrderPages pages;
  private final Tickets tickets;
  private final TicketStore store;

  SupportController(OrderPages pages, Tickets tickets, TicketStore store) {
    this.pages = pages;
    this.tickets = tickets;
    this.store = store;
  }

  @GetMapping("/dashboard/support")
  String support(
      Authentication auth, @RequestParam(required = false) UUID integration, Model model) {
    Integration i = pages.integration(auth, integration);
    model.addAttribute("it", i);
    model.addAttribute("zone", i.zone());
    model.addAttribute("tickets", store.recent(i.id(), 20));
    return "dashboard/support";
  }

  @PostMapping("/dashboard/support")
  String ask(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) String question,
      Model model,
      RedirectAttributes flash) {
    Integration i = pages.integration(auth, integration);
    if (question == null || question.isBlank()) {
      model.addAttribute("it", i);
      model.addAttribute("zone", i.zone());
      model.addAttribute("tickets", store.recent(i.id(), 20));
      model.addAttribute("subject", subject);
      model.addAttribute("questionMissing", true);
      return "dashboard/support";
    }
    Ticket t = tickets.ask(i, subject, question, auth.getName());
    flash.addFlashAttribute("ticket", t.number());
    return "redirect:/dashboard/support";
  }
}

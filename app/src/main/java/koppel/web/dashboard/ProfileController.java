package koppel.web.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import koppel.integration.Integration;
import koppel.integration.Login;
import koppel.integration.Profiles;
import koppel.integration.SubscriptionInvoices;
import koppel.web.Merchants;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Profile tab: the extra e-mail address for notifications, the language, the subscription's
 * invoices, and stopping or starting the integration.
 */
@Controller
class ProfileController {

  private final Merchants merchants;
  private final Profiles profiles;

  private final SubscriptionInvoices invoices;
  private final InvoicePdf pdf;

  ProfileController(
      Merchants merchants, Profiles profiles, SubscriptionInvoices invoices, InvoicePdf pdf) {
    this.merchants = merchants;
    this.profiles = profiles;
    this.invoices = invoices;
    this.pdf = pdf;
  }

  /** One row of the invoice list. */
  public record InvoiceRow(String month, String label, String number, BigDecimal totalIncl) {}

  @GetMapping("/dashboard/profile/invoices/{month}.pdf")
  ResponseEntity<byte[]> invoice(Authentication auth, @PathVariable String month, Locale locale) {
    Integration integration = merchants.current(auth);
    YearMonth m;
    try {
      m = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    SubscriptionInvoices.Invoice invoice =
        invoices
            .find(integration, m)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + invoice.number() + ".pdf\"")
        .body(pdf.render(integration, invoice, locale));
  }

  @GetMapping("/dashboard/profile")
  String profile(Authentication auth, Model model, Locale locale) {
    Integration integration = merchants.current(auth);
    Login login = merchants.login(auth).orElse(null);
    if (!model.containsAttribute("notificationEmail")) {
      model.addAttribute(
          "notificationEmail",
          integration.notificationEmail() == null ? "" : integration.notificationEmail());
    }
    model.addAttribute("login", login);
    model.addAttribute(
        "emailLanguage",
        login == null || login.language() == null ? locale.getLanguage() : login.language());
    DateTimeFormatter monthName = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
    model.addAttribute(
        "invoices",
        invoices.of(integration).stream()
            .map(
                i ->
                    new InvoiceRow(
                        i.month().toString(),
                        monthName.format(i.month().atDay(1)),
                        i.number(),
                        i.totalIncl()))
            .toList());
    return "dashboard/profile";
  }

  @PostMapping("/dashboard/profile/notifications")
  String notifications(
      Authentication auth, @RequestParam(defaultValue = "") String email, RedirectAttributes r) {
    Integration integration = merchants.current(auth);
    try {
      String saved = profiles.setNotificationEmail(integration.id(), email);
      r.addFlashAttribute("saved", saved == null ? "email-removed" : "email");
    } catch (Profiles.InvalidInput e) {
      r.addFlashAttribute("emailError", e.code());
      r.addFlashAttribute("notificationEmail", email);
    }
    return "redirect:/dashboard/profile";
  }

  @PostMapping("/dashboard/profile/language")
  String language(
      Authentication auth, @RequestParam(defaultValue = "") String language, RedirectAttributes r) {
    Login login = merchants.login(auth).orElseThrow();
    merchants.current(auth); // a merchant with an integration
    try {
      profiles.setLanguage(login.id(), language);
      r.addFlashAttribute("saved", "language");
      return "redirect:/dashboard/profile?lang=" + language;
    } catch (Profiles.InvalidInput e) {
      return "redirect:/dashboard/profile";
    }
  }

  @PostMapping("/dashboard/profile/stop")
  String stop(Authentication auth, RedirectAttributes r) {
    profiles.stop(merchants.current(auth).id());
    r.addFlashAttribute("saved", "stopped");
    return "redirect:/dashboard/profile";
  }

  @PostMapping("/dashboard/profile/start")
  String start(Authentication auth, RedirectAttributes r) {
    int queued = profiles.start(merchants.current(auth).id());
    r.addFlashAttribute("saved", "started");
    r.addFlashAttribute("queued", queued);
    return "redirect:/dashboard/profile";
  }
}

package koppel.web.dashboard;

import java.util.Locale;
import java.util.Map;
import koppel.account.SignupRules;
import koppel.account.Signups;
import koppel.integration.IntegrationAdmin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public trial sign-up ({@code /signup}, no login needed), its terms ({@code /signup/terms})
 * and the "check your mailbox" page ({@code /signup/sent}).
 */
@Controller
class SignupController {

  private final Signups signups;
  private final IntegrationAdmin admin;

  SignupController(Signups signups, IntegrationAdmin admin) {
    this.signups = signups;
    this.admin = admin;
  }

  @GetMapping("/signup")
  String form(Model model, Locale locale) {
    return page(
        model, locale, new SignupRules.Form("", "", defaultCountry(locale), false), Map.of());
  }

  @PostMapping("/signup")
  String submit(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String country,
      @RequestParam(required = false) String terms,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    SignupRules.Form form = new SignupRules.Form(name, email, country, terms != null);
    Signups.Outcome outcome = signups.signUp(form, locale);
    if (outcome instanceof Signups.Invalid invalid) {
      return page(model, locale, form, invalid.errors());
    }
    Signups.SignedUp done = (Signups.SignedUp) outcome;
    redirect.addFlashAttribute("email", done.email());
    redirect.addFlashAttribute("existingLogin", done.existingLogin());
    return "redirect:/signup/sent";
  }

  @GetMapping("/signup/sent")
  String sent() {
    return "account/signup-sent";
  }

  @GetMapping("/signup/terms")
  String terms() {
    return "account/terms";
  }

  private String page(
      Model model, Locale locale, SignupRules.Form form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("countries", SignupRules.countries(locale));
    model.addAttribute("trialDays", Math.max(1, admin.trialLength().toDays()));
    return "account/signup";
  }

  /**
   * The Netherlands for a Dutch browser (nl-NL), else Belgium: our shops are Belgian and Dutch; a
   * webshop elsewhere is chosen in the list.
   */
  static String defaultCountry(Locale locale) {
    return SignupRules.FIRST.contains(locale.getCountry()) ? locale.getCountry() : "BE";
  }
}

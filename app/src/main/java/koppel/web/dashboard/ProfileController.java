package koppel.web.dashboard;

import java.util.Locale;
import koppel.integration.Integration;
import koppel.integration.Login;
import koppel.integration.Profiles;
import koppel.web.Merchants;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Profile tab: the extra e-mail address for notifications, the language, the subscription's
 * invoices, and stopping or starting the integration.
 */
@Controller
class ProfileController {

  private final Merchants merchants;
  private final Profiles profiles;

  ProfileController(Merchants merchants, Profiles profiles) {
    this.merchants = merchants;
    this.profiles = profiles;
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

package koppel.web.dashboard;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.UUID;
import koppel.account.LicenceKeys;
import koppel.account.Passwords;
import koppel.integration.Integration;
import koppel.integration.Login;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
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
 * The installation link of the e-mail ({@code /install/{licenceKey}}) and the login's own page
 * ({@code /dashboard/account}): change the password, see the licence keys, remove a stale one.
 */
@Controller
class AccountController {

  private final Merchants merchants;
  private final Passwords passwords;
  private final LicenceKeys keys;

  AccountController(Merchants merchants, Passwords passwords, LicenceKeys keys) {
    this.merchants = merchants;
    this.passwords = passwords;
    this.keys = keys;
  }

  /**
   * The installation link: after logging in (Spring Security brings the merchant back here), the
   * integration of this key is chosen and its wizard opens. Another login's key is unknown (404).
   */
  @GetMapping("/install/{licenceKey}")
  String install(@PathVariable String licenceKey, Authentication auth, HttpSession session) {
    Integration integration =
        merchants.integrations(auth).stream()
            .filter(i -> i.licenceKey().equalsIgnoreCase(licenceKey.strip()))
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    merchants.choose(auth, integration.id(), session);
    return "redirect:/dashboard/installation";
  }

  @GetMapping("/dashboard/account")
  String account(Authentication auth, Model model) {
    Login login = login(auth);
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    model.addAttribute("login", login);
    model.addAttribute("keys", keys.of(login.id()));
    return "account/account";
  }

  @PostMapping("/dashboard/account/password")
  String changePassword(
      Authentication auth,
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String repeat,
      Model model,
      RedirectAttributes redirect) {
    Passwords.Result result = passwords.change(auth.getName(), current, password, repeat);
    if (result instanceof Passwords.Rejected rejected) {
      model.addAttribute("errors", rejected.errors());
      return account(auth, model);
    }
    if (!(result instanceof Passwords.Changed)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    redirect.addFlashAttribute("notice", "account.password.changed");
    return "redirect:/dashboard/account";
  }

  @PostMapping("/dashboard/account/keys/{integration}/remove")
  String remove(Authentication auth, @PathVariable UUID integration, RedirectAttributes redirect) {
    Login login = login(auth);
    try {
      keys.remove(login.id(), integration);
      redirect.addFlashAttribute("notice", "account.keys.removed");
    } catch (LicenceKeys.NotYours e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    } catch (LicenceKeys.Kept kept) {
      redirect.addFlashAttribute("keyError", kept.getMessage());
    }
    return "redirect:/dashboard/account";
  }

  private Login login(Authentication auth) {
    return merchants
        .login(auth)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}

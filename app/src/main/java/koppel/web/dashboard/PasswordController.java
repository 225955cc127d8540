package koppel.web.dashboard;

import java.util.Locale;
import java.util.Map;
import koppel.account.Passwords;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forgotten password ({@code /password/forgot}): a reset link by e-mail, valid one hour; the page
 * says the same whether the address is known or not. The link ({@code /password/reset/{token}})
 * asks for the new password twice.
 */
@Controller
class PasswordController {

  private final Passwords passwords;

  PasswordController(Passwords passwords) {
    this.passwords = passwords;
  }

  @GetMapping("/password/forgot")
  String forgot() {
    return "account/password-forgot";
  }

  @PostMapping("/password/forgot")
  String sendLink(@RequestParam(defaultValue = "") String email, Model model, Locale locale) {
    if (email.isBlank()) {
      model.addAttribute("error", "password.forgot.error.missing");
      return "account/password-forgot";
    }
    passwords.forgot(email, locale);
    model.addAttribute("sent", true);
    model.addAttribute("email", email.strip());
    return "account/password-forgot";
  }

  @GetMapping("/password/reset/{token}")
  String resetForm(@PathVariable String token, Model model) {
    model.addAttribute("valid", passwords.resetLink(token).isPresent());
    model.addAttribute("token", token);
    model.addAttribute("errors", Map.of());
    return "account/password-reset";
  }

  @PostMapping("/password/reset/{token}")
  String reset(
      @PathVariable String token,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String repeat,
      Model model) {
    Passwords.Result result = passwords.reset(token, password, repeat);
    if (result instanceof Passwords.Changed changed) {
      model.addAttribute("username", changed.username());
      return "account/password-changed";
    }
    model.addAttribute("valid", !(result instanceof Passwords.LinkInvalid));
    model.addAttribute("token", token);
    model.addAttribute(
        "errors", result instanceof Passwords.Rejected r ? r.errors() : Map.<String, String>of());
    return "account/password-reset";
  }
}

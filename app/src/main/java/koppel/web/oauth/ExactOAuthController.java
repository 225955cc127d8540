package koppel.web.oauth;

import koppel.integration.ExactConnect;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The red Connect button of Exact Online ({@code /connect/exact}) and Exact's redirect back ({@code
 * /oauth/exact/callback}).
 */
@Controller
class ExactOAuthController {

  private final ExactConnect connect;
  private final Merchants merchants;

  ExactOAuthController(ExactConnect connect, Merchants merchants) {
    this.connect = connect;
    this.merchants = merchants;
  }

  @GetMapping("/connect/exact")
  RedirectView start(Authentication auth) {
    RedirectView to = new RedirectView(connect.start(merchants.integrationOf(auth)));
    to.setStatusCode(HttpStatus.FOUND);
    return to;
  }

  @GetMapping("/oauth/exact/callback")
  String callback(
      Authentication auth,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String error,
      RedirectAttributes redirect) {
    ExactConnect.Outcome outcome =
        connect.callback(merchants.integrationOf(auth), state, code, error);
    if (outcome instanceof ExactConnect.Connected connected) {
      return connected.chosenDivision() == null
          ? "redirect:/dashboard/installation?exact=choose-division"
          : "redirect:/dashboard/installation?exact=connected";
    }
    ExactConnect.Refused refused = (ExactConnect.Refused) outcome;
    // the wizard shows the code in the merchant's words, and what was answered word for word
    redirect.addFlashAttribute("oauthMessage", refused.message());
    return "redirect:/dashboard/installation?error=" + refused.code();
  }
}

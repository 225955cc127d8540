package koppel.web.oauth;

import koppel.integration.ExactConnect;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
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
  Object callback(
      Authentication auth,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String error) {
    ExactConnect.Outcome outcome =
        connect.callback(merchants.integrationOf(auth), state, code, error);
    if (outcome instanceof ExactConnect.Connected connected) {
      return new RedirectView(
          connected.chosenDivision() == null
              ? "/dashboard?exact=choose-division"
              : "/dashboard?exact=connected");
    }
    ExactConnect.Refused refused = (ExactConnect.Refused) outcome;
    ModelAndView page = new ModelAndView("dashboard/oauth-error", HttpStatus.BAD_REQUEST);
    page.addObject("code", refused.code());
    page.addObject("message", refused.message());
    return page;
  }
}

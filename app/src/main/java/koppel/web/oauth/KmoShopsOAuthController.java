package koppel.web.oauth;

import koppel.integration.ShopConnect;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Connecting the shop: {@code /connect/kmoshops} and the shop's redirect back. */
@Controller
class KmoShopsOAuthController {

  private final ShopConnect connect;
  private final Merchants merchants;

  KmoShopsOAuthController(ShopConnect connect, Merchants merchants) {
    this.connect = connect;
    this.merchants = merchants;
  }

  @GetMapping("/connect/kmoshops")
  RedirectView start(Authentication auth) {
    RedirectView to = new RedirectView(connect.start(merchants.integrationOf(auth)));
    to.setStatusCode(HttpStatus.FOUND);
    return to;
  }

  @GetMapping("/oauth/kmoshops/callback")
  Object callback(
      Authentication auth,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String state,
      @RequestParam(name = "shop_id", required = false) String shopId,
      @RequestParam(required = false) String error) {
    ShopConnect.Outcome outcome =
        connect.callback(merchants.integrationOf(auth), state, code, shopId, error);
    if (outcome.connected()) {
      return new RedirectView("/dashboard?shop=connected");
    }
    ModelAndView page = new ModelAndView("dashboard/oauth-error", HttpStatus.BAD_REQUEST);
    page.addObject("code", outcome.code());
    page.addObject("message", outcome.message());
    return page;
  }
}

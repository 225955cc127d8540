package koppel.web.oauth;

import koppel.integration.ShopConnect;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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
  String callback(
      Authentication auth,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String state,
      @RequestParam(name = "shop_id", required = false) String shopId,
      @RequestParam(required = false) String error,
      RedirectAttributes redirect) {
    ShopConnect.Outcome outcome =
        connect.callback(merchants.integrationOf(auth), state, code, shopId, error);
    if (outcome.connected()) {
      return "redirect:/dashboard/installation?shop=connected";
    }
    // the wizard shows the code in the merchant's words, and what was answered word for word
    redirect.addFlashAttribute("oauthMessage", outcome.message());
    return "redirect:/dashboard/installation?error=" + outcome.code();
  }
}

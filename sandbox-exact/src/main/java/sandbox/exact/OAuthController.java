package sandbox.exact;

import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /api/oauth2/auth}: Exact's login and consent page, then the redirect with a single-use
 * code; {@code /api/oauth2/token}: the token endpoint for both grants.
 */
@Controller
class OAuthController {

  private final OAuthServer oauth;

  OAuthController(OAuthServer oauth) {
    this.oauth = oauth;
  }

  @GetMapping("/api/oauth2/auth")
  String authorize(
      @RequestParam(name = "client_id", required = false) String clientId,
      @RequestParam(name = "redirect_uri", required = false) String redirectUri,
      @RequestParam(name = "response_type", defaultValue = "code") String responseType,
      @RequestParam(required = false) String state,
      Model model) {
    Optional<String> problem = problem(clientId, redirectUri, responseType);
    model.addAttribute("problem", problem.orElse(null));
    model.addAttribute("clientId", clientId);
    model.addAttribute(
        "clientName",
        oauth
            .client(clientId == null ? "" : clientId)
            .map(OAuthServer.Client::name)
            .orElse(clientId));
    model.addAttribute("redirectUri", redirectUri);
    model.addAttribute("state", state);
    return "exact/authorize";
  }

  @PostMapping("/api/oauth2/auth")
  Object consent(
      @RequestParam(name = "client_id") String clientId,
      @RequestParam(name = "redirect_uri") String redirectUri,
      @RequestParam(required = false) String state,
      @RequestParam String username,
      @RequestParam String password,
      @RequestParam(defaultValue = "deny") String decision,
      Model model) {
    Optional<String> problem = problem(clientId, redirectUri, "code");
    if (problem.isPresent()) {
      model.addAttribute("problem", problem.get());
      return "exact/authorize";
    }
    Optional<OAuthServer.User> user = oauth.login(username, password);
    if (user.isEmpty()) {
      model.addAttribute("clientId", clientId);
      model.addAttribute(
          "clientName", oauth.client(clientId).map(OAuthServer.Client::name).orElse(clientId));
      model.addAttribute("redirectUri", redirectUri);
      model.addAttribute("state", state);
      model.addAttribute("loginError", "The username or password is incorrect.");
      return "exact/authorize";
    }
    UriComponentsBuilder target = UriComponentsBuilder.fromUriString(redirectUri);
    if (!"allow".equals(decision)) {
      target.queryParam("error", "access_denied");
    } else {
      target.queryParam("code", oauth.issueCode(clientId, username, redirectUri));
    }
    if (state != null) {
      target.queryParam("state", state);
    }
    return ResponseEntity.status(302)
        .header(HttpHeaders.LOCATION, target.encode().build().toUriString())
        .build();
  }

  @PostMapping(value = "/api/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> token(@RequestParam Map<String, String> form) {
    OAuthServer.TokenAnswer answer = oauth.token(form);
    ResponseEntity.BodyBuilder r =
        ResponseEntity.status(answer.status())
            .contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.CACHE_CONTROL, "no-store");
    if (answer.reason() != null) {
      r.header("Reason", answer.reason());
    }
    return r.body(answer.body());
  }

  private Optional<String> problem(String clientId, String redirectUri, String responseType) {
    if (clientId == null || oauth.client(clientId).isEmpty()) {
      return Optional.of("Client with identifier '" + clientId + "' not found.");
    }
    if (redirectUri == null || !redirectUri.equals(oauth.client(clientId).get().redirectUri())) {
      // Exact's wording, without a full stop (reference §2.2)
      return Optional.of("Callback URI '" + redirectUri + "' is not valid");
    }
    if (!"code".equals(responseType)) {
      return Optional.of("Only response_type=code is supported by this sandbox.");
    }
    return Optional.empty();
  }
}

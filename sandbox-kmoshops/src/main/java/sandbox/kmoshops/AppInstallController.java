package sandbox.kmoshops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The app install of contract §1, as a shop backend runs it: app registrations (admin), the approve
 * page where the merchant logs in with the shop's backend user and approves, the redirect with a
 * single-use code, and {@code POST /api/v1/oauth/token}, which exchanges the code for a token that
 * does not expire and the secret that signs the app's webhooks.
 */
@Controller
class AppInstallController {

  private static final String PAGE = "kmoshops/authorize";

  private final AppRegistry apps;
  private final ShopStore store;

  AppInstallController(AppRegistry apps, ShopStore store) {
    this.apps = apps;
    this.store = store;
  }

  record NewApp(String clientId, String clientSecret, String redirectUri, String name) {}

  @PostMapping("/admin/apps")
  @ResponseBody
  ResponseEntity<Object> register(@RequestBody NewApp r) {
    if (r.clientId() == null
        || r.clientId().isBlank()
        || r.clientSecret() == null
        || r.clientSecret().isBlank()
        || r.redirectUri() == null
        || !r.redirectUri().matches("https?://.+")) {
      return ApiController.error(
          422, "VALIDATION", "clientId, clientSecret and an http(s) redirectUri are required");
    }
    AppRegistry.App app = apps.register(r.clientId(), r.clientSecret(), r.redirectUri(), r.name());
    return ResponseEntity.status(HttpStatus.CREATED).body(view(app));
  }

  @GetMapping("/admin/apps")
  @ResponseBody
  List<Map<String, Object>> list() {
    return apps.apps().stream().map(AppInstallController::view).toList();
  }

  /**
   * Step 1–2: the approve page. Unknown client or redirect URI → an error page, never a redirect.
   */
  @GetMapping("/admin/apps/authorize")
  Object authorize(
      @RequestParam(name = "client_id", required = false) String clientId,
      @RequestParam(name = "redirect_uri", required = false) String redirectUri,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String state,
      @RequestParam(name = "shop_id", required = false) Long shopId,
      Model model,
      HttpServletResponse response) {
    Optional<String> problem = problem(clientId, redirectUri);
    if (problem.isPresent()) {
      return errorPage(problem.get(), model, response);
    }
    if (AppRegistry.normaliseScope(scope).isEmpty()) {
      // the client and its redirect are known, so the client hears about its bad request
      return redirect(redirectUri, Map.of("error", "invalid_scope"), state);
    }
    form(model, clientId, redirectUri, scope, state, shopId);
    return PAGE;
  }

  /** The merchant's answer: approve (after logging in) or deny. */
  @PostMapping("/admin/apps/authorize")
  Object decide(
      @RequestParam(name = "client_id", required = false) String clientId,
      @RequestParam(name = "redirect_uri", required = false) String redirectUri,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String state,
      @RequestParam(name = "shop_id", required = false) Long shopId,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String password,
      @RequestParam(defaultValue = "deny") String decision,
      Model model,
      HttpServletResponse response) {
    Optional<String> problem = problem(clientId, redirectUri);
    if (problem.isPresent()) {
      return errorPage(problem.get(), model, response);
    }
    Optional<String> granted = AppRegistry.normaliseScope(scope);
    if (granted.isEmpty()) {
      return redirect(redirectUri, Map.of("error", "invalid_scope"), state);
    }
    if (!"approve".equals(decision)) {
      return redirect(redirectUri, Map.of("error", "access_denied"), state);
    }
    List<Shop> shops =
        store.shops().stream()
            .filter(s -> s.backendUser.equals(username) && s.backendPassword.equals(password))
            .filter(s -> shopId == null || s.id == shopId)
            .toList();
    form(model, clientId, redirectUri, scope, state, shopId);
    if (shops.isEmpty()) {
      model.addAttribute("loginError", "The username or password is incorrect.");
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      return PAGE;
    }
    if (shops.size() > 1) {
      // one backend login for several shops: the merchant picks the shop to install the app in
      model.addAttribute("choices", shops);
      model.addAttribute("username", username);
      return PAGE;
    }
    Shop shop = shops.get(0);
    String code = apps.issueCode(clientId, redirectUri, shop.id, granted.get());
    Map<String, String> query = new LinkedHashMap<>();
    query.put("code", code);
    if (state != null) {
      query.put("state", state);
    }
    query.put("shop_id", Long.toString(shop.id));
    return redirect(redirectUri, query, null);
  }

  /** Step 3: code → token. Client credentials in the form, or as HTTP Basic. */
  @PostMapping("/api/v1/oauth/token")
  @ResponseBody
  ResponseEntity<Object> token(HttpServletRequest request, @RequestParam Map<String, String> form) {
    String clientId = form.get("client_id");
    String clientSecret = form.get("client_secret");
    String basic = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String[] pair =
          new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8)
              .split(":", 2);
      clientId = clientId == null ? pair[0] : clientId;
      clientSecret = clientSecret == null && pair.length > 1 ? pair[1] : clientSecret;
    }
    try {
      ShopStore.Installation i =
          apps.exchange(
              form.get("grant_type"),
              form.get("code"),
              clientId,
              clientSecret,
              form.get("redirect_uri"));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("access_token", i.accessToken());
      out.put("token_type", "bearer");
      out.put("shop_id", i.shopId());
      out.put("scope", i.scope());
      out.put("webhook_secret", i.webhookSecret());
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .body(out);
    } catch (ApiProblem p) {
      return ResponseEntity.status(p.status)
          .contentType(MediaType.APPLICATION_JSON)
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .body(ApiController.envelope(p.code, p.getMessage()));
    } catch (IllegalArgumentException e) {
      return ApiController.error(422, "VALIDATION", "Malformed Basic authorization header");
    }
  }

  private Optional<String> problem(String clientId, String redirectUri) {
    Optional<AppRegistry.App> app = apps.app(clientId);
    if (app.isEmpty()) {
      return Optional.of("There is no app with client_id '" + clientId + "'.");
    }
    if (redirectUri == null || !redirectUri.equals(app.get().redirectUri())) {
      return Optional.of(
          "The redirect_uri '" + redirectUri + "' is not the one registered for this app.");
    }
    return Optional.empty();
  }

  private String errorPage(String problem, Model model, HttpServletResponse response) {
    model.addAttribute("problem", problem);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return PAGE;
  }

  private void form(
      Model model, String clientId, String redirectUri, String scope, String state, Long shopId) {
    model.addAttribute("appName", apps.app(clientId).map(AppRegistry.App::name).orElse(clientId));
    model.addAttribute("clientId", clientId);
    model.addAttribute("redirectUri", redirectUri);
    model.addAttribute("scope", scope);
    model.addAttribute("scopes", AppRegistry.normaliseScope(scope).orElse("").split(" "));
    model.addAttribute("state", state);
    model.addAttribute("shopId", shopId);
  }

  /** A 302 to the app; the query is appended to any the redirect URI already has. */
  private static ResponseEntity<Void> redirect(
      String redirectUri, Map<String, String> params, String state) {
    StringBuilder url = new StringBuilder(redirectUri);
    char sep = redirectUri.contains("?") ? '&' : '?';
    Map<String, String> all = new LinkedHashMap<>(params);
    if (state != null) {
      all.put("state", state);
    }
    for (Map.Entry<String, String> e : all.entrySet()) {
      url.append(sep).append(e.getKey()).append('=').append(enc(e.getValue()));
      sep = '&';
    }
    return ResponseEntity.status(HttpStatus.FOUND)
        .header(HttpHeaders.LOCATION, url.toString())
        .build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Map<String, Object> view(AppRegistry.App app) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clientId", app.clientId());
    m.put("name", app.name());
    m.put("redirectUri", app.redirectUri());
    return m;
  }
}

package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The app install of contract §1 over real HTTP: the approve page of the shop backend, the redirect
 * with code, state and shop_id, the single-use code valid 10 minutes, the exact redirect URI, the
 * token exchange's answer (with the webhook secret), scopes enforced with 403, and removal: 401 and
 * one signed app.uninstalled.
 */
class AppInstallIT {

  static final String CLIENT = "koppel";
  static final String SECRET = "s3cret";
  static final String REDIRECT = "https://koppel.example/kmoshops/callback";
  static final String ALL = "orders:read shop:read webhooks:write";
  static final String USER = "jan@winkel.be";
  static final String PASSWORD = "geheim";

  private final Sandbox sandbox = Sandbox.shared();
  private long shopId;

  @BeforeEach
  void setUp() {
    sandbox.reset();
    sandbox.admin(
        "POST",
        "/admin/apps",
        Map.of(
            "clientId", CLIENT, "clientSecret", SECRET, "redirectUri", REDIRECT, "name", "Koppel"));
    shopId = sandbox.shop("BE", true, USER, PASSWORD);
  }

  @Test
  void approvePageThenARedirectWithCodeStateAndShopId() {
    String state = "st/8+ä x";
    Sandbox.Response page = sandbox.get(authorizeUrl(ALL, state), null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("Koppel")
        .contains("name=\"username\"")
        .contains("name=\"password\"")
        .contains("value=\"approve\"")
        .contains("value=\"deny\"")
        .contains("value=\"" + REDIRECT + "\"")
        .contains("orders:read", "shop:read", "webhooks:write");

    Sandbox.Response approved = sandbox.form("/admin/apps/authorize", approval(ALL, state));

    assertThat(approved.status()).isEqualTo(302);
    assertThat(approved.header("Location").orElseThrow()).startsWith(REDIRECT + "?code=");
    Map<String, String> q = approved.locationQuery();
    assertThat(q.keySet()).containsExactly("code", "state", "shop_id");
    assertThat(q.get("code")).isNotBlank();
    assertThat(q.get("state")).isEqualTo(state);
    assertThat(q.get("shop_id")).isEqualTo(Long.toString(shopId));
  }

  @Test
  void theCodeExchangesOnceForATokenThatDoesNotExpire() {
    String code = code(ALL);

    Sandbox.Response token = sandbox.form("/api/v1/oauth/token", exchange(code, SECRET, REDIRECT));

    assertThat(token.status()).as(token.body()).isEqualTo(200);
    JsonNode t = token.json();
    assertThat(t.propertyNames())
        .containsExactly("access_token", "token_type", "shop_id", "scope", "webhook_secret");
    assertThat(t.path("token_type").asString()).isEqualTo("bearer");
    assertThat(t.path("shop_id").asLong()).isEqualTo(shopId);
    assertThat(t.path("scope").asString()).isEqualTo(ALL);
    assertThat(t.path("webhook_secret").asString()).isNotBlank();
    String accessToken = t.path("access_token").asString();
    assertThat(sandbox.get("/api/v1/shop", accessToken).json().path("id").asLong())
        .isEqualTo(shopId);

    // single use
    Sandbox.Response again = sandbox.form("/api/v1/oauth/token", exchange(code, SECRET, REDIRECT));
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.errorCode()).isEqualTo("VALIDATION");

    // the token does not expire: a year later it still works
    sandbox.advance(365L * 24 * 3600);
    assertThat(sandbox.get("/api/v1/shop", accessToken).status()).isEqualTo(200);
  }

  @Test
  void aCodeIsValidTenMinutes() {
    sandbox.freezeAt("2026-11-03T09:00:00Z");
    String fresh = code(ALL);
    String stale = code(ALL);

    sandbox.advance(600);
    assertThat(sandbox.form("/api/v1/oauth/token", exchange(fresh, SECRET, REDIRECT)).status())
        .isEqualTo(200);
    sandbox.advance(1);
    Sandbox.Response expired =
        sandbox.form("/api/v1/oauth/token", exchange(stale, SECRET, REDIRECT));
    assertThat(expired.status()).isEqualTo(422);
    assertThat(expired.errorCode()).isEqualTo("VALIDATION");
    assertThat(expired.errorMessage()).contains("expired");
  }

  @Test
  void wrongSecretOrRedirectFailsInTheEnvelopeAndDoesNotUseTheCode() {
    String code = code(ALL);

    Sandbox.Response wrongSecret =
        sandbox.form("/api/v1/oauth/token", exchange(code, "not-it", REDIRECT));
    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(wrongSecret.errorCode()).isEqualTo("UNAUTHORIZED");
    assertThat(wrongSecret.json().propertyNames()).containsExactly("error");

    Sandbox.Response wrongRedirect =
        sandbox.form("/api/v1/oauth/token", exchange(code, SECRET, REDIRECT + "/other"));
    assertThat(wrongRedirect.status()).isEqualTo(422);
    assertThat(wrongRedirect.errorCode()).isEqualTo("VALIDATION");

    Map<String, String> grantType = exchange(code, SECRET, REDIRECT);
    grantType.put("grant_type", "client_credentials");
    assertThat(sandbox.form("/api/v1/oauth/token", grantType).errorCode()).isEqualTo("VALIDATION");

    Map<String, String> noCode = exchange(code, SECRET, REDIRECT);
    noCode.remove("code");
    assertThat(sandbox.form("/api/v1/oauth/token", noCode).status()).isEqualTo(422);

    assertThat(sandbox.form("/api/v1/oauth/token", exchange("made-up", SECRET, REDIRECT)).status())
        .isEqualTo(422);

    // none of that consumed the code
    assertThat(sandbox.form("/api/v1/oauth/token", exchange(code, SECRET, REDIRECT)).status())
        .isEqualTo(200);
  }

  @Test
  void anUnknownClientOrAForeignRedirectGetsAnErrorPageNeverARedirect() {
    Sandbox.Response unknown =
        sandbox.get(
            "/admin/apps/authorize?client_id=nope&redirect_uri="
                + Sandbox.enc(REDIRECT)
                + "&scope="
                + Sandbox.enc(ALL)
                + "&state=s",
            null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.header("Location")).isEmpty();
    assertThat(unknown.body()).contains("nope").doesNotContain("name=\"password\"");

    for (String foreign :
        List.of(REDIRECT + "/evil", REDIRECT + "?x=1", "https://evil.example/cb", "")) {
      Sandbox.Response page =
          sandbox.get(
              "/admin/apps/authorize?client_id="
                  + CLIENT
                  + "&redirect_uri="
                  + Sandbox.enc(foreign)
                  + "&scope="
                  + Sandbox.enc(ALL)
                  + "&state=s",
              null);
      assertThat(page.status()).as(foreign).isEqualTo(400);
      assertThat(page.header("Location")).isEmpty();
    }

    // the form POST is checked as well: approving with the right login does not redirect
    Map<String, String> form = approval(ALL, "s");
    form.put("redirect_uri", "https://evil.example/cb");
    Sandbox.Response post = sandbox.form("/admin/apps/authorize", form);
    assertThat(post.status()).isEqualTo(400);
    assertThat(post.header("Location")).isEmpty();
  }

  @Test
  void denyingRedirectsWithAccessDeniedAndAWrongPasswordStaysOnThePage() {
    Map<String, String> deny = approval(ALL, "st-1");
    deny.put("decision", "deny");
    Sandbox.Response denied = sandbox.form("/admin/apps/authorize", deny);
    assertThat(denied.status()).isEqualTo(302);
    assertThat(denied.locationQuery())
        .containsExactly(Map.entry("error", "access_denied"), Map.entry("state", "st-1"));

    Map<String, String> wrong = approval(ALL, "st-2");
    wrong.put("password", "raden");
    Sandbox.Response page = sandbox.form("/admin/apps/authorize", wrong);
    assertThat(page.status()).isEqualTo(401);
    assertThat(page.header("Location")).isEmpty();
    assertThat(page.body()).contains("incorrect").contains("name=\"password\"");

    // an unknown scope: the app hears invalid_scope
    Sandbox.Response badScope = sandbox.get(authorizeUrl("orders:write", "st-3"), null);
    assertThat(badScope.status()).isEqualTo(302);
    assertThat(badScope.locationQuery()).containsEntry("error", "invalid_scope");
  }

  @Test
  void oneLoginForTwoShopsLetsTheMerchantChoose() {
    long second = sandbox.shop("NL", true, USER, PASSWORD);
    Sandbox.Response choose = sandbox.form("/admin/apps/authorize", approval(ALL, "s"));
    assertThat(choose.status()).isEqualTo(200);
    assertThat(choose.body()).contains("name=\"shop_id\"").contains("#" + second);

    Map<String, String> picked = approval(ALL, "s");
    picked.put("shop_id", Long.toString(second));
    Sandbox.Response approved = sandbox.form("/admin/apps/authorize", picked);
    assertThat(approved.status()).isEqualTo(302);
    assertThat(approved.locationQuery()).containsEntry("shop_id", Long.toString(second));
  }

  @Test
  void scopesAreEnforcedWith403() {
    String shopOnly = token("shop:read");
    assertThat(sandbox.get("/api/v1/shop", shopOnly).status()).isEqualTo(200);
    for (Sandbox.Response r :
        List.of(
            sandbox.get("/api/v1/orders", shopOnly),
            sandbox.get("/api/v1/orders/1", shopOnly),
            sandbox.post(
                "/api/v1/webhooks",
                shopOnly,
                Map.of("event", "order.created", "url", "https://koppel.example/hook")),
            sandbox.send("DELETE", "/api/v1/webhooks/1", shopOnly, null))) {
      assertThat(r.status()).as(r.body()).isEqualTo(403);
      assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
    }

    String ordersOnly = token("orders:read");
    assertThat(sandbox.get("/api/v1/shop", ordersOnly).errorCode()).isEqualTo("FORBIDDEN");
    assertThat(sandbox.get("/api/v1/orders", ordersOnly).status()).isEqualTo(200);

    String hooks = token("orders:read webhooks:write");
    Sandbox.Response created =
        sandbox.post(
            "/api/v1/webhooks",
            hooks,
            Map.of("event", "order.created", "url", "https://koppel.example/hook"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(
            sandbox
                .send(
                    "DELETE", "/api/v1/webhooks/" + created.json().path("id").asLong(), hooks, null)
                .status())
        .isEqualTo(204);
  }

  @Test
  void removingTheAppRevokesTheTokenAndSendsOneSignedAppUninstalled() {
    JsonNode t = sandbox.form("/api/v1/oauth/token", exchange(code(ALL), SECRET, REDIRECT)).json();
    Sandbox.Installed app =
        new Sandbox.Installed(
            shopId,
            t.path("access_token").asString(),
            t.path("webhook_secret").asString(),
            t.path("scope").asString());
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      sandbox.subscribe(app, "order.created", receiver.url());
      sandbox.subscribe(app, "app.uninstalled", receiver.url());

      sandbox.admin("POST", "/admin/shops/" + shopId + "/uninstall", Map.of("clientId", CLIENT));

      WebhookReceiver.Received r = receiver.await(1).get(0);
      assertThat(r.event()).isEqualTo("app.uninstalled");
      assertThat(r.signedWith(app.webhookSecret())).isTrue();
      assertThat(r.json().propertyNames()).containsExactly("id", "event", "shopId", "occurredAt");
      assertThat(r.json().path("shopId").asLong()).isEqualTo(shopId);
      WebhookReceiver.sleep(200);
      assertThat(receiver.received()).hasSize(1);
    }
    Sandbox.Response after = sandbox.get("/api/v1/shop", app.token());
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.errorCode()).isEqualTo("UNAUTHORIZED");
    assertThat(sandbox.get("/api/v1/orders", app.token()).status()).isEqualTo(401);
  }

  // --- the browser's and the app's side of the dance -------------------------------------------

  private String authorizeUrl(String scope, String state) {
    return "/admin/apps/authorize?client_id="
        + CLIENT
        + "&redirect_uri="
        + Sandbox.enc(REDIRECT)
        + "&scope="
        + Sandbox.enc(scope)
        + "&state="
        + Sandbox.enc(state);
  }

  private static Map<String, String> approval(String scope, String state) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("client_id", CLIENT);
    f.put("redirect_uri", REDIRECT);
    f.put("scope", scope);
    f.put("state", state);
    f.put("username", USER);
    f.put("password", PASSWORD);
    f.put("decision", "approve");
    return f;
  }

  private static Map<String, String> exchange(String code, String secret, String redirect) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "authorization_code");
    f.put("code", code);
    f.put("client_id", CLIENT);
    f.put("client_secret", secret);
    f.put("redirect_uri", redirect);
    return f;
  }

  private String code(String scope) {
    Sandbox.Response r = sandbox.form("/admin/apps/authorize", approval(scope, "s"));
    assertThat(r.status()).as(r.body()).isEqualTo(302);
    return r.locationQuery().get("code");
  }

  private String token(String scope) {
    Sandbox.Response r =
        sandbox.form("/api/v1/oauth/token", exchange(code(scope), SECRET, REDIRECT));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("access_token").asString();
  }
}

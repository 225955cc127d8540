package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract §2: "Every response carries {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset} (epoch seconds)" — every one under {@code /api/v1}, whatever its status
 * and whether or not it belongs to a shop. A request with a shop's token reports (and uses up) that
 * shop's window; one without (no token, an unknown or revoked one, the token exchange) belongs to
 * no shop and reports the full limit with the current window's reset. Each header comes exactly
 * once.
 */
class RateLimitHeadersIT {

  private final Sandbox sandbox = Sandbox.shared();

  /** 09:01:00, the end of the window the frozen clock stands in. */
  private final long reset = Instant.parse("2026-11-03T09:01:00Z").getEpochSecond();

  private long shopId;
  private Sandbox.Installed app;

  @BeforeEach
  void setUp() {
    sandbox.reset();
    sandbox.freezeAt("2026-11-03T09:00:01Z"); // one second into a fresh window
    shopId = sandbox.shop("BE");
    app = sandbox.install(shopId);
  }

  @Test
  void unauthorisedAnswersCarryTheFullLimit() {
    Sandbox.Response noToken = sandbox.get("/api/v1/orders", null);
    expect(noToken, 401, "UNAUTHORIZED");
    headers(noToken, 120, reset);

    Sandbox.Response madeUp = sandbox.get("/api/v1/orders", "kmo_made_up");
    expect(madeUp, 401, "UNAUTHORIZED");
    headers(madeUp, 120, reset);

    Sandbox.Response basic =
        sandbox.send("GET", "/api/v1/shop", null, null, "Authorization", "Basic a29wcGVsOng=");
    expect(basic, 401, "UNAUTHORIZED");
    headers(basic, 120, reset);

    sandbox.admin("POST", "/admin/shops/" + shopId + "/uninstall", Map.of("clientId", "koppel"));
    Sandbox.Response revoked = sandbox.get("/api/v1/orders", app.token());
    expect(revoked, 401, "UNAUTHORIZED");
    headers(revoked, 120, reset);

    // in a later window the reset moves with it
    sandbox.advance(60);
    headers(sandbox.get("/api/v1/orders", null), 120, reset + 60);
  }

  @Test
  void anUnknownRoute() {
    Sandbox.Response anonymous = sandbox.get("/api/v1/nothing-here", null);
    expect(anonymous, 404, "NOT_FOUND");
    headers(anonymous, 120, reset);

    Sandbox.Response root = sandbox.get("/api/v1", null);
    expect(root, 404, "NOT_FOUND");
    headers(root, 120, reset);

    // with a shop's token it is one of that shop's requests
    Sandbox.Response withToken = sandbox.get("/api/v1/nothing-here", app.token());
    expect(withToken, 404, "NOT_FOUND");
    headers(withToken, 119, reset);
    Sandbox.Response wrongMethod = sandbox.send("DELETE", "/api/v1/orders", app.token(), null);
    expect(wrongMethod, 404, "NOT_FOUND");
    headers(wrongMethod, 118, reset);
  }

  @Test
  void anUnknownOrder() {
    Sandbox.Response r = sandbox.get("/api/v1/orders/42", app.token());
    expect(r, 404, "NOT_FOUND");
    assertThat(r.errorMessage()).isEqualTo("Order 42 does not exist");
    headers(r, 119, reset);
  }

  @Test
  void validationErrors() {
    Sandbox.Response limit = sandbox.get("/api/v1/orders?limit=999", app.token());
    expect(limit, 422, "VALIDATION");
    headers(limit, 119, reset);

    Sandbox.Response json = sandbox.post("/api/v1/webhooks", app.token(), "{not json");
    expect(json, 422, "VALIDATION");
    headers(json, 118, reset);
  }

  @Test
  void aNormalAnswer() {
    sandbox.order(shopId, "12.10");
    Sandbox.Response r = sandbox.get("/api/v1/orders", app.token());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("orders")).hasSize(1);
    headers(r, 119, reset);

    Sandbox.Response shop = sandbox.get("/api/v1/shop", app.token());
    assertThat(shop.status()).isEqualTo(200);
    headers(shop, 118, reset);
  }

  @Test
  void forbiddenAndServerErrors() {
    Sandbox.Installed shopOnly = sandbox.install(shopId, "reader", "shop:read");
    Sandbox.Response forbidden = sandbox.get("/api/v1/orders", shopOnly.token());
    expect(forbidden, 403, "FORBIDDEN");
    headers(forbidden, 119, reset);

    sandbox.admin("POST", "/admin/api/outage", Map.of("calls", 1, "status", 500));
    Sandbox.Response internal = sandbox.get("/api/v1/orders", app.token());
    expect(internal, 500, "INTERNAL");
    headers(internal, 118, reset);

    sandbox.admin("POST", "/admin/api/outage", Map.of("calls", 1, "status", 503));
    Sandbox.Response unavailable = sandbox.get("/api/v1/orders", app.token());
    expect(unavailable, 503, "UNAVAILABLE");
    headers(unavailable, 117, reset);
  }

  @Test
  void theTokenExchangeBelongsToNoShop() {
    Sandbox.Response r =
        sandbox.form(
            "/api/v1/oauth/token",
            Map.of(
                "grant_type", "authorization_code",
                "code", "made-up",
                "client_id", "koppel",
                "client_secret", "x",
                "redirect_uri", "http://localhost/callback"));
    assertThat(r.status()).as(r.body()).isBetween(400, 499);
    headers(r, 120, reset);
  }

  @Test
  void aTooManyRequestsAnswerAlsoCarriesRetryAfter() {
    try (Sandbox small = Sandbox.start(Map.of("sandbox.kmoshops.requests-per-minute", 2))) {
      small.freezeAt("2026-11-03T09:00:01Z");
      String token = small.install(small.shop("BE")).token();
      headers(small.get("/api/v1/shop", token), 2, 1, reset);
      headers(small.get("/api/v1/nothing-here", token), 2, 0, reset);
      Sandbox.Response limited = small.get("/api/v1/orders/42", token);
      expect(limited, 429, "RATE_LIMITED");
      headers(limited, 2, 0, reset);
      assertThat(limited.headers().allValues("Retry-After")).containsExactly("59");
      // an unknown route with the shop's token is limited too; without a token it is not
      expect(small.get("/api/v1/nothing-here", token), 429, "RATE_LIMITED");
      Sandbox.Response anonymous = small.get("/api/v1/nothing-here", null);
      expect(anonymous, 404, "NOT_FOUND");
      headers(anonymous, 2, 2, reset);
      assertThat(anonymous.header("Retry-After")).isEmpty();
    }
  }

  /** The three headers, once each: the default limit of 120. */
  private static void headers(Sandbox.Response r, int remaining, long reset) {
    headers(r, 120, remaining, reset);
    assertThat(r.header("Retry-After")).isEmpty();
  }

  private static void headers(Sandbox.Response r, int limit, int remaining, long reset) {
    assertThat(r.headers().allValues("X-RateLimit-Limit"))
        .as("X-RateLimit-Limit of %d %s", r.status(), r.body())
        .containsExactly(Integer.toString(limit));
    assertThat(r.headers().allValues("X-RateLimit-Remaining"))
        .as("X-RateLimit-Remaining of %d %s", r.status(), r.body())
        .containsExactly(Integer.toString(remaining));
    assertThat(r.headers().allValues("X-RateLimit-Reset"))
        .as("X-RateLimit-Reset of %d %s", r.status(), r.body())
        .containsExactly(Long.toString(reset));
  }

  private static void expect(Sandbox.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(r.errorCode()).isEqualTo(code);
  }
}

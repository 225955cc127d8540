package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Errors and the rate limit of contract §2: every error in the envelope {@code {"error": {"code",
 * "message"}}} with its status (401, 403, 404, 422, 429, 500, 503); 120 requests a minute per shop
 * in a fixed window, {@code X-RateLimit-*} on every answer, 429 with {@code Retry-After}; the
 * {@code requests-per-minute} knob.
 */
class ErrorsAndRateLimitIT {

  private final Sandbox sandbox = Sandbox.shared();
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
  void oneHundredTwentyRequestsAMinutePerShop() {
    long reset = Instant.parse("2026-11-03T09:01:00Z").getEpochSecond();
    for (int i = 1; i <= 120; i++) {
      Sandbox.Response r = sandbox.get("/api/v1/payment-methods", app.token());
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("X-RateLimit-Limit")).contains("120");
      assertThat(r.header("X-RateLimit-Remaining")).contains(Integer.toString(120 - i));
      assertThat(r.header("X-RateLimit-Reset")).contains(Long.toString(reset));
      assertThat(r.header("Retry-After")).isEmpty();
    }

    Sandbox.Response limited = sandbox.get("/api/v1/orders", app.token());
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(limited.header("Retry-After")).contains("59");
    assertThat(limited.header("X-RateLimit-Limit")).contains("120");
    assertThat(limited.header("X-RateLimit-Remaining")).contains("0");
    assertThat(limited.header("X-RateLimit-Reset")).contains(Long.toString(reset));

    // per shop: a second app in the same shop shares the window, another shop does not
    assertThat(
            sandbox
                .get("/api/v1/orders", sandbox.install(shopId, "other-app", null).token())
                .status())
        .isEqualTo(429);
    Sandbox.Installed elsewhere = sandbox.install(sandbox.shop("NL"));
    assertThat(sandbox.get("/api/v1/orders", elsewhere.token()).status()).isEqualTo(200);

    sandbox.advance(30);
    Sandbox.Response later = sandbox.get("/api/v1/orders", app.token());
    assertThat(later.status()).isEqualTo(429);
    assertThat(later.header("Retry-After")).contains("29");

    sandbox.advance(29); // 09:01:00, a new window
    Sandbox.Response fresh = sandbox.get("/api/v1/orders", app.token());
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(fresh.header("X-RateLimit-Remaining")).contains("119");
    assertThat(fresh.header("X-RateLimit-Reset")).contains(Long.toString(reset + 60));
  }

  @Test
  void theRequestsPerMinuteKnob() {
    try (Sandbox small = Sandbox.start(Map.of("sandbox.kmoshops.requests-per-minute", 5))) {
      small.freezeAt("2026-11-03T09:00:01Z");
      String token = small.install(small.shop("BE")).token();
      for (int i = 0; i < 5; i++) {
        assertThat(small.get("/api/v1/shop", token).status()).isEqualTo(200);
      }
      Sandbox.Response limited = small.get("/api/v1/shop", token);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("X-RateLimit-Limit")).contains("5");
      assertThat(limited.errorMessage()).contains("5 per minute");
    }
  }

  @Test
  void everyErrorInTheEnvelope() {
    expect(sandbox.get("/api/v1/orders", null), 401, "UNAUTHORIZED");
    expect(sandbox.get("/api/v1/orders", "kmo_made_up"), 401, "UNAUTHORIZED");
    expect(
        sandbox.send("GET", "/api/v1/orders", null, null, "Authorization", "Basic a29wcGVsOng="),
        401,
        "UNAUTHORIZED");
    Sandbox.Installed shopOnly = sandbox.install(shopId, "reader", "shop:read");
    expect(sandbox.get("/api/v1/orders", shopOnly.token()), 403, "FORBIDDEN");
    expect(sandbox.get("/api/v1/orders/42", app.token()), 404, "NOT_FOUND");
    expect(sandbox.get("/api/v1/nothing-here", app.token()), 404, "NOT_FOUND");
    expect(sandbox.send("DELETE", "/api/v1/orders", app.token(), null), 404, "NOT_FOUND");
    expect(sandbox.send("DELETE", "/api/v1/webhooks/999", app.token(), null), 404, "NOT_FOUND");
    expect(sandbox.get("/api/v1/orders?limit=999", app.token()), 422, "VALIDATION");
    expect(sandbox.post("/api/v1/webhooks", app.token(), "{not json"), 422, "VALIDATION");

    sandbox.admin("POST", "/admin/api/outage", Map.of("calls", 1, "status", 500));
    expect(sandbox.get("/api/v1/orders", app.token()), 500, "INTERNAL");
    sandbox.admin("POST", "/admin/api/outage", Map.of("calls", 2, "status", 503));
    expect(sandbox.get("/api/v1/orders", app.token()), 503, "UNAVAILABLE");
    expect(sandbox.get("/api/v1/shop", app.token()), 503, "UNAVAILABLE");
    assertThat(sandbox.get("/api/v1/orders", app.token()).status()).isEqualTo(200);
  }

  @Test
  void rateLimitHeadersAlsoOnErrors() {
    Sandbox.Installed shopOnly = sandbox.install(shopId, "reader", "shop:read");
    for (Sandbox.Response r :
        List.of(
            sandbox.get("/api/v1/orders/42", app.token()),
            sandbox.get("/api/v1/orders?page=0", app.token()),
            sandbox.get("/api/v1/orders", shopOnly.token()))) {
      assertThat(r.status()).isBetween(400, 499);
      assertThat(r.header("X-RateLimit-Limit")).contains("120");
      assertThat(r.header("X-RateLimit-Remaining")).isPresent();
      assertThat(r.header("X-RateLimit-Reset")).isPresent();
    }
    // three calls counted against the shop
    assertThat(sandbox.get("/api/v1/shop", app.token()).header("X-RateLimit-Remaining"))
        .contains("116");
  }

  private static void expect(Sandbox.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(r.json().propertyNames()).containsExactly("error");
    assertThat(r.json().path("error").propertyNames()).containsExactly("code", "message");
    assertThat(r.errorCode()).isEqualTo(code);
    assertThat(r.errorMessage()).isNotBlank();
  }
}

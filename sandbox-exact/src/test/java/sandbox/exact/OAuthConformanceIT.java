package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.CLIENT;
import static sandbox.exact.Sandbox.PASSWORD;
import static sandbox.exact.Sandbox.REDIRECT;
import static sandbox.exact.Sandbox.SECRET;
import static sandbox.exact.Sandbox.USER;
import static sandbox.exact.Sandbox.enc;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Exact's OAuth2 (reference §2, §10.2, §10.3): login and consent, single-use codes, the 600 s
 * access token, the 570 s refresh rule, rotation, the dead chain after an old refresh token, the
 * 30-day idle expiry, the lost token response and the 200 token calls per day.
 */
class OAuthConformanceIT {

  private static Sandbox sandbox;
  private int division;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(Map.of());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    sandbox.reset();
    sandbox.startOfAFreshWindow();
    division = sandbox.division("NL");
    sandbox.client(CLIENT, SECRET, REDIRECT);
    sandbox.user(USER, PASSWORD, division);
    sandbox.user("piet", "geheim2", division);
  }

  @Test
  void authorizePageShowsLoginAndConsentForAKnownClientAndExactRedirectUri() {
    Sandbox.Response page = sandbox.get(authorizeUrl(CLIENT, REDIRECT, "xyz"), null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("name=\"username\"", "name=\"password\"")
        .contains("name=\"decision\" value=\"allow\"", "name=\"decision\" value=\"deny\"")
        .contains("value=\"xyz\"")
        .doesNotContain("not found", "is not valid");
  }

  @Test
  void unknownClientIsNotFound() {
    Sandbox.Response page = sandbox.get(authorizeUrl("other-app", REDIRECT, "s"), null);

    assertThat(problem(page)).isEqualTo("Client with identifier 'other-app' not found.");
    assertThat(page.body()).doesNotContain("name=\"password\"");
  }

  @Test
  void redirectUriMustMatchExactly() {
    for (String wrong :
        new String[] {REDIRECT + "/", "http://koppel.example/exact/oauth", REDIRECT + "?x=1"}) {
      Sandbox.Response page = sandbox.get(authorizeUrl(CLIENT, wrong, "s"), null);

      assertThat(problem(page)).isEqualTo("Callback URI '" + wrong + "' is not valid");
      assertThat(page.body()).doesNotContain("name=\"password\"");
    }
  }

  @Test
  void consentRedirectsWithASingleUseCodeAndTheState() {
    Sandbox.Response consent = consent("allow", "st-123");

    assertThat(consent.status()).isEqualTo(302);
    String location = consent.header("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT + "?");
    Map<String, String> query = query(location);
    assertThat(query).containsEntry("state", "st-123").containsKey("code");

    Sandbox.Response first = exchange(query.get("code"), REDIRECT);
    assertThat(first.status()).isEqualTo(200);
    JsonNode tokens = first.json();
    assertThat(tokens.propertyNames())
        .containsExactlyInAnyOrder("access_token", "token_type", "expires_in", "refresh_token");
    assertThat(tokens.path("token_type").asString()).isEqualTo("bearer");
    assertThat(tokens.path("expires_in").isString()).as("expires_in is a JSON string").isTrue();
    assertThat(tokens.path("expires_in").asString()).isEqualTo("600");
    assertThat(sandbox.get("/api/v1/current/Me", tokens.path("access_token").asString()).status())
        .isEqualTo(200);

    Sandbox.Response reuse = exchange(query.get("code"), REDIRECT);
    assertThat(reuse.status()).isEqualTo(400);
    assertThat(reuse.json().path("access_token").isMissingNode()).isTrue();
  }

  @Test
  void denyRedirectsWithAccessDenied() {
    Sandbox.Response consent = consent("deny", "st-9");

    assertThat(consent.status()).isEqualTo(302);
    Map<String, String> query = query(consent.header("Location").orElseThrow());
    assertThat(query).containsEntry("error", "access_denied").containsEntry("state", "st-9");
    assertThat(query).doesNotContainKey("code");
  }

  @Test
  void codeExchangeNeedsTheSameRedirectUri() {
    String code = code();

    assertThat(exchange(code, REDIRECT + "/other").status()).isEqualTo(400);
  }

  @Test
  void codeExpiresAfterThreeMinutes() {
    String early = code();
    String late = code();

    sandbox.advance(170);
    assertThat(exchange(early, REDIRECT).status()).isEqualTo(200);
    sandbox.advance(11);
    assertThat(exchange(late, REDIRECT).status()).isEqualTo(400);
  }

  @Test
  void refreshWithin570SecondsIsTooEarly() {
    JsonNode tokens = exchange(code(), REDIRECT).json();

    sandbox.advance(569);
    Sandbox.Response early = refresh(tokens.path("refresh_token").asString());

    assertThat(early.status()).isEqualTo(400);
    assertThat(early.json().path("error").asString()).isEqualTo("access_denied");
    assertThat(early.json().path("error_description").asString())
        .isEqualTo("Rate limit exceeded: access_token not expired");
    assertThat(early.header("Reason"))
        .hasValue("TooEarlyToRefreshTokens: Rate limit exceeded: access_token not expired");
  }

  @Test
  void refreshAfter570SecondsRotatesBothTokens() {
    JsonNode first = exchange(code(), REDIRECT).json();

    sandbox.advance(570);
    Sandbox.Response refreshed = refresh(first.path("refresh_token").asString());

    assertThat(refreshed.status()).isEqualTo(200);
    JsonNode second = refreshed.json();
    assertThat(second.path("expires_in").asString()).isEqualTo("600");
    assertThat(second.path("access_token").asString())
        .isNotBlank()
        .isNotEqualTo(first.path("access_token").asString());
    assertThat(second.path("refresh_token").asString())
        .isNotBlank()
        .isNotEqualTo(first.path("refresh_token").asString());
    assertThat(sandbox.get("/api/v1/current/Me", second.path("access_token").asString()).status())
        .isEqualTo(200);

    // the new pair starts its own 570 s
    sandbox.advance(300);
    assertThat(refresh(second.path("refresh_token").asString()).status()).isEqualTo(400);
  }

  @Test
  void oldRefreshTokenKillsTheChainUntilANewConsent() {
    JsonNode first = exchange(code(), REDIRECT).json();
    sandbox.advance(580);
    JsonNode second = refresh(first.path("refresh_token").asString()).json();

    sandbox.advance(580);
    Sandbox.Response old = refresh(first.path("refresh_token").asString());

    assertThat(old.status()).isEqualTo(401);
    assertThat(old.json().path("error").asString()).isEqualTo("unauthorized_client");
    assertThat(old.json().path("error_description").asString())
        .isEqualTo("Old refresh token used.");

    Sandbox.Response newest = refresh(second.path("refresh_token").asString());
    assertThat(newest.status()).isEqualTo(401);
    assertThat(newest.json().path("error_description").asString())
        .isEqualTo("Old refresh token used.");

    JsonNode fresh = exchange(code(), REDIRECT).json();
    sandbox.advance(580);
    assertThat(refresh(fresh.path("refresh_token").asString()).status()).isEqualTo(200);
  }

  @Test
  void refreshTokenUnusedFor30DaysExpires() {
    JsonNode first = exchange(code(), REDIRECT).json();

    sandbox.advance(30L * 86_400 - 60);
    Sandbox.Response stillAlive = refresh(first.path("refresh_token").asString());
    assertThat(stillAlive.status()).isEqualTo(200);

    sandbox.advance(30L * 86_400 + 60);
    Sandbox.Response expired = refresh(stillAlive.json().path("refresh_token").asString());

    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.json().path("error").asString()).isEqualTo("invalid_request");
    assertThat(expired.json().path("error_description").asString())
        .matches(
            "The refresh token expired at \\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M"
                + " and it is now \\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M\\.");
  }

  @Test
  void accessTokenExpiresAfter600Seconds() {
    String access = exchange(code(), REDIRECT).json().path("access_token").asString();
    String accounts = "/api/v1/" + division + "/financial/Journals";

    sandbox.advance(599);
    assertThat(sandbox.get(accounts, access).status()).isEqualTo(200);
    sandbox.advance(2);
    assertThat(sandbox.get(accounts, access).status()).isEqualTo(401);
    assertThat(sandbox.get("/api/v1/current/Me", access).status()).isEqualTo(401);
    assertThat(sandbox.get(accounts, null).status()).isEqualTo(401);
    assertThat(sandbox.get(accounts, "not-a-token").status()).isEqualTo(401);
  }

  @Test
  void lostTokenResponseStillRotatesTheToken() {
    JsonNode first = exchange(code(), REDIRECT).json();
    sandbox.admin("POST", "/admin/faults/token-response-loss", Map.of("times", 1));

    sandbox.advance(580);
    Sandbox.Response lost = refresh(first.path("refresh_token").asString());

    assertThat(lost.status()).isEqualTo(500);
    JsonNode fault = lost.json().path("fault");
    assertThat(fault.path("faultstring").asString())
        .isEqualTo("Failed to execute the ExtractVariables: ExtractAccessToken");
    assertThat(fault.path("detail").path("errorcode").asString())
        .isEqualTo("steps.extractvariables.ExecutionFailed");

    // the token was consumed: retrying with it is "old refresh token used"
    sandbox.advance(580);
    Sandbox.Response retry = refresh(first.path("refresh_token").asString());
    assertThat(retry.status()).isEqualTo(401);
    assertThat(retry.json().path("error_description").asString())
        .isEqualTo("Old refresh token used.");
  }

  @Test
  void atMost200TokenCallsPerClientUserAndDay() {
    JsonNode tokens = exchange(code(), REDIRECT).json();
    String refreshToken = tokens.path("refresh_token").asString();

    // 199 more calls (too early, but each one is a token call)
    for (int i = 0; i < 199; i++) {
      assertThat(refresh(refreshToken).json().path("error_description").asString())
          .isEqualTo("Rate limit exceeded: access_token not expired");
    }
    sandbox.advance(600);
    Sandbox.Response capped = refresh(refreshToken);
    assertThat(capped.status()).isEqualTo(400);
    assertThat(capped.json().path("error").asString()).isEqualTo("access_denied");
    assertThat(capped.json().path("error_description").asString()).contains("Rate limit exceeded");
    assertThat(capped.json().path("access_token").isMissingNode()).isTrue();

    // another user of the same app has its own budget
    String pietCode = code("piet", "geheim2");
    assertThat(exchange(pietCode, REDIRECT).status()).isEqualTo(200);

    // a new UTC day, a new budget; the refresh token was not rotated by the refused call
    sandbox.advance(86_400);
    assertThat(refresh(refreshToken).status()).isEqualTo(200);
  }

  // --- the browser dance ---------------------------------------------------------------------

  /** The error text the login page shows instead of the form. */
  private static String problem(Sandbox.Response page) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<p[^>]*id=\"problem\"[^>]*>(.*?)</p>", java.util.regex.Pattern.DOTALL)
            .matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)).trim();
  }

  private static String authorizeUrl(String clientId, String redirectUri, String state) {
    return "/api/oauth2/auth?client_id="
        + enc(clientId)
        + "&redirect_uri="
        + enc(redirectUri)
        + "&response_type=code&state="
        + enc(state)
        + "&force_login=0";
  }

  private static Sandbox.Response consent(String decision, String state) {
    return consent(USER, PASSWORD, decision, state);
  }

  private static Sandbox.Response consent(
      String username, String password, String decision, String state) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", CLIENT);
    form.put("redirect_uri", REDIRECT);
    form.put("state", state);
    form.put("username", username);
    form.put("password", password);
    form.put("decision", decision);
    return sandbox.form("/api/oauth2/auth", form);
  }

  private static String code() {
    return code(USER, PASSWORD);
  }

  private static String code(String username, String password) {
    Sandbox.Response r = consent(username, password, "allow", "s");
    assertThat(r.status()).as(r.body()).isEqualTo(302);
    return query(r.header("Location").orElseThrow()).get("code");
  }

  private static Sandbox.Response exchange(String code, String redirectUri) {
    return sandbox.form(
        "/api/oauth2/token",
        Map.of(
            "grant_type", "authorization_code",
            "code", code,
            "redirect_uri", redirectUri,
            "client_id", CLIENT,
            "client_secret", SECRET));
  }

  private static Sandbox.Response refresh(String refreshToken) {
    return sandbox.form(
        "/api/oauth2/token",
        Map.of(
            "grant_type", "refresh_token",
            "refresh_token", refreshToken,
            "client_id", CLIENT,
            "client_secret", SECRET));
  }

  private static Map<String, String> query(String location) {
    Map<String, String> out = new LinkedHashMap<>();
    UriComponentsBuilder.fromUri(URI.create(location))
        .build(true)
        .getQueryParams()
        .forEach(
            (k, v) ->
                out.put(
                    k,
                    java.net.URLDecoder.decode(v.get(0), java.nio.charset.StandardCharsets.UTF_8)));
    return out;
  }
}

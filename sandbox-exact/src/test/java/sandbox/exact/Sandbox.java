package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One sandbox started in this JVM on a random port, and a small HTTP client for it: the conformance
 * tests talk to it over real HTTP, exactly as Koppel's Exact client does.
 */
final class Sandbox implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String CLIENT = "koppel-app";
  static final String SECRET = "s3cret";
  static final String REDIRECT = "https://koppel.example/exact/oauth";
  static final String USER = "jan";
  static final String PASSWORD = "geheim";

  /** An HTTP answer: status, headers, body text. */
  record Response(int status, java.net.http.HttpHeaders headers, String body) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** The value of Exact's error envelope: error.message.value. */
    String error() {
      return json().path("error").path("message").path("value").asString();
    }

    /** The results array of a d/results envelope, or the d object of a POST answer. */
    JsonNode d() {
      JsonNode d = json().path("d");
      return d.has("results") ? d.path("results") : d;
    }

    /** The body as a browser shows its text: HTML entities decoded. */
    String text() {
      return org.springframework.web.util.HtmlUtils.htmlUnescape(body);
    }

    /** The names of the X-RateLimit-* headers present, lower case and sorted. */
    List<String> rateLimitHeaders() {
      return headers.map().keySet().stream()
          .map(h -> h.toLowerCase(java.util.Locale.ROOT))
          .filter(h -> h.startsWith("x-ratelimit-"))
          .sorted()
          .toList();
    }
  }

  final ConfigurableApplicationContext context;
  final String url;
  final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Sandbox(ConfigurableApplicationContext context) {
    this.context = context;
    this.url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  static Sandbox start(Map<String, Object> knobs) {
    Map<String, Object> all = new HashMap<>(knobs);
    all.put("server.port", 0);
    all.put("logging.level.root", "WARN");
    all.put("spring.main.banner-mode", "off");
    return new Sandbox(ExactSandboxApplication.start(all));
  }

  @Override
  public void close() {
    context.close();
  }

  // --- plain HTTP ----------------------------------------------------------------------------

  Response send(String method, String pathOrUrl, String token, String body, String... headers) {
    String target = pathOrUrl.startsWith("http") ? pathOrUrl : url + pathOrUrl;
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(target))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response get(String path, String token) {
    return send("GET", path, token, null);
  }

  /** POST with {@code Prefer: return=representation}, as Koppel's client sends it. */
  Response post(String path, String token, Object body) {
    return send("POST", path, token, text(body), "Prefer", "return=representation");
  }

  Response form(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
      return new Response(a.statusCode(), a.headers(), a.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON body: a String is sent as it is, anything else through Jackson. */
  static String text(Object body) {
    return body instanceof String s ? s : JSON.writeValueAsString(body);
  }

  /** URL-encodes a query value the way OData clients do (spaces as %20). */
  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String filter(String expression) {
    return "$filter=" + enc(expression);
  }

  // --- admin API -----------------------------------------------------------------------------

  JsonNode admin(String method, String path, Object body) {
    Response r = send(method, path, null, body == null ? null : text(body));
    assertThat(r.status()).as("%s %s: %s", method, path, r.body()).isBetween(200, 299);
    return r.json();
  }

  void reset() {
    admin("POST", "/admin/reset", Map.of());
  }

  int division(String country) {
    return admin("POST", "/admin/divisions", Map.of("country", country)).path("code").asInt();
  }

  void client(String clientId, String secret, String redirectUri) {
    admin(
        "POST",
        "/admin/clients",
        Map.of("clientId", clientId, "clientSecret", secret, "redirectUri", redirectUri));
  }

  void user(String username, String password, Integer... divisions) {
    admin(
        "POST",
        "/admin/users",
        Map.of(
            "username",
            username,
            "password",
            password,
            "email",
            username + "@example.nl",
            "divisions",
            List.of(divisions)));
  }

  /** An access token without the browser dance. */
  String token(String clientId, String username) {
    return admin("POST", "/admin/tokens", Map.of("clientId", clientId, "username", username))
        .path("access_token")
        .asString();
  }

  List<JsonNode> rows(int division, String entity) {
    JsonNode rows = admin("GET", "/admin/divisions/" + division + "/" + entity, null);
    return rows.valueStream().toList();
  }

  // --- the sandbox clock ---------------------------------------------------------------------

  Instant now() {
    return Instant.parse(
        admin("POST", "/admin/clock", Map.of("seconds", 0)).path("now").asString());
  }

  void advance(long seconds) {
    admin("POST", "/admin/clock", Map.of("seconds", seconds));
  }

  /**
   * Moves the sandbox clock to just after 10:00:01 UTC on a coming day (a fresh UTC day, clock
   * minute and hour), so a test's windows cannot roll over while it runs.
   */
  Instant startOfAFreshWindow() {
    Instant now = now();
    Instant target =
        now.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(2)
            .atTime(10, 0, 1)
            .toInstant(ZoneOffset.UTC);
    // whole seconds only: one more than the truncated difference lands just after the target
    advance(ChronoUnit.SECONDS.between(now, target) + 1);
    return target;
  }

  // --- a standard setup: one NL division, one app, one user with a token ---------------------

  /** Reset, a fresh clock window, one division per country, the app and the user with a token. */
  Setup setup(String... countries) {
    reset();
    startOfAFreshWindow();
    Map<String, Integer> divisions = new LinkedHashMap<>();
    for (String c : countries.length == 0 ? new String[] {"NL"} : countries) {
      divisions.put(c, division(c));
    }
    client(CLIENT, SECRET, REDIRECT);
    user(USER, PASSWORD, divisions.values().toArray(Integer[]::new));
    return new Setup(divisions, token(CLIENT, USER));
  }

  record Setup(Map<String, Integer> divisions, String token) {
    int division() {
      return divisions.values().iterator().next();
    }

    String api(String entity) {
      return "/api/v1/" + division() + "/" + entity;
    }
  }

  /** Creates a record over the API (201 expected) and returns its d object. */
  JsonNode create(Setup s, String entity, Object body) {
    Response r = post(s.api(entity), s.token(), body);
    assertThat(r.status()).as("POST %s: %s", entity, r.body()).isEqualTo(201);
    return r.json().path("d");
  }

  /** The ID of a master-data row found by its code, via the admin API. */
  String idOf(int division, String entity, String code) {
    return rows(division, entity).stream()
        .filter(r -> r.path("Code").asString().trim().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + entity + " with code " + code))
        .path("ID")
        .asString();
  }
}

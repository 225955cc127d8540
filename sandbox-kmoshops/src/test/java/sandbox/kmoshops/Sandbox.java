package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
 * A KMO Shops sandbox started in this JVM on a random port, and a small HTTP client for it: the
 * conformance tests talk to it over real HTTP, as Koppel's connector does. {@link #shared()} is one
 * instance for all test classes (reset by each test); a test that needs other knobs starts its own
 * with {@link #start(Map)}.
 */
final class Sandbox implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Retries 10 000 times faster: 60 s → 6 ms, the whole 4¼ hours → 1.53 s. */
  static final double TIME_SCALE = 0.0001;

  private static Sandbox shared;

  /** An HTTP answer: status, headers, body text. */
  record Response(int status, java.net.http.HttpHeaders headers, String body) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    String errorCode() {
      return json().path("error").path("code").asString();
    }

    String errorMessage() {
      return json().path("error").path("message").asString();
    }

    /** The query parameters of the Location header, decoded. */
    Map<String, String> locationQuery() {
      String location = header("Location").orElseThrow();
      Map<String, String> out = new LinkedHashMap<>();
      int q = location.indexOf('?');
      for (String pair : location.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        out.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
      return out;
    }
  }

  /** What an install hands the app. */
  record Installed(long shopId, String token, String webhookSecret, String scope) {}

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

  static synchronized Sandbox shared() {
    if (shared == null) {
      shared = start(Map.of("sandbox.kmoshops.webhook-time-scale", TIME_SCALE));
    }
    return shared;
  }

  static Sandbox start(Map<String, Object> knobs) {
    Map<String, Object> all = new HashMap<>(knobs);
    all.put("server.port", 0);
    all.put("logging.level.root", "WARN");
    all.put("spring.main.banner-mode", "off");
    return new Sandbox(KmoShopsSandboxApplication.start(all));
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
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return exchange(b.build());
  }

  Response get(String path, String token) {
    return send("GET", path, token, null);
  }

  Response post(String path, String token, Object body) {
    return send("POST", path, token, text(body));
  }

  Response form(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return exchange(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private Response exchange(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String text(Object body) {
    return body instanceof String ? (String) body : JSON.writeValueAsString(body);
  }

  /** A query value, URL-encoded (a space as %20, a '+' as %2B). */
  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
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

  long shop(String country, boolean pricesIncludeTax, String user, String password) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Winkel " + user);
    body.put("country", country);
    body.put("pricesIncludeTax", pricesIncludeTax);
    body.put("backendUser", user);
    body.put("backendPassword", password);
    return admin("POST", "/admin/shops", body).path("id").asLong();
  }

  long shop(String country) {
    return shop(country, true, "merchant-" + System.nanoTime(), "pw");
  }

  Installed install(long shopId, String clientId, String scope) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clientId", clientId);
    if (scope != null) {
      body.put("scope", scope);
    }
    JsonNode i = admin("POST", "/admin/shops/" + shopId + "/install", body);
    return new Installed(
        shopId,
        i.path("access_token").asString(),
        i.path("webhook_secret").asString(),
        i.path("scope").asString());
  }

  Installed install(long shopId) {
    return install(shopId, "koppel", null);
  }

  /** The sandbox clock stopped at an instant (ISO-8601), so updatedAt seconds are the test's. */
  void freezeAt(String instant) {
    admin("POST", "/admin/clock", Map.of("at", instant, "frozen", true));
  }

  void advance(long seconds) {
    admin("POST", "/admin/clock", Map.of("seconds", seconds));
  }

  void subscribe(Installed app, String event, String url) {
    Response r = post("/api/v1/webhooks", app.token(), Map.of("event", event, "url", url));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  List<JsonNode> attempts() {
    return admin("GET", "/admin/webhooks/attempts", null).valueStream().toList();
  }

  /** Creates an order through the admin API (fires order.created) and returns its JSON. */
  JsonNode order(long shopId, Map<String, Object> draft) {
    return admin("POST", "/admin/shops/" + shopId + "/orders", draft);
  }

  /** A simple paid Belgian order: one line of {@code price} at 21 %. */
  JsonNode order(long shopId, String price) {
    return order(shopId, draft(price, null));
  }

  static Map<String, Object> draft(String price, String createdAt) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("status", "processing");
    d.put("paymentStatus", "paid");
    d.put("paymentMethodCode", "bancontact");
    d.put("paymentMethodTitle", "Bancontact");
    d.put(
        "customer",
        Map.of(
            "email",
            "jan@example.be",
            "firstName",
            "Jan",
            "lastName",
            "Peeters",
            "isCompany",
            false));
    d.put(
        "billingAddress",
        Map.of(
            "name",
            "Jan Peeters",
            "street",
            "Kerkstraat",
            "number",
            "12",
            "zipcode",
            "9000",
            "city",
            "Gent",
            "countryCode",
            "BE"));
    d.put(
        "lines",
        List.of(
            Map.of(
                "sku",
                "A-1",
                "name",
                "Artikel",
                "quantity",
                "1",
                "unitPrice",
                price,
                "vatRate",
                "21")));
    if (createdAt != null) {
      d.put("createdAt", createdAt);
    }
    return d;
  }

  /** Every order of the shop through the API, page by page (250 a page). */
  List<JsonNode> allOrders(String token, String query) {
    List<JsonNode> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      Response r =
          get(
              "/api/v1/orders?limit=250&page=" + page + (query.isEmpty() ? "" : "&" + query),
              token);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      r.json().path("orders").valueStream().forEach(out::add);
      if (page >= r.json().path("meta").path("pageCount").asInt()) {
        return out;
      }
    }
  }

  static BigDecimal dec(JsonNode n) {
    return new BigDecimal(n.asString());
  }
}

package sandbox.vies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A VIES sandbox started in this JVM on a random port, and a small HTTP client for it: the
 * conformance tests talk to it over real HTTP, as Koppel's client does. Each test class starts its
 * own with the knobs it needs and resets it before each test.
 */
final class Sandbox implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** An HTTP answer: status, content type, body text. */
  record Response(int status, String contentType, String body) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    String error() {
      return json().path("errorWrappers").path(0).path("error").asString();
    }
  }

  final ConfigurableApplicationContext context;
  final String url;
  final String api;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Sandbox(ConfigurableApplicationContext context) {
    this.context = context;
    this.url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    this.api = url + ViesSandboxApplication.BASE_PATH;
  }

  static Sandbox start(Map<String, Object> knobs) {
    Map<String, Object> all = new HashMap<>(knobs);
    all.put("server.port", 0);
    all.put("logging.level.root", "WARN");
    all.put("spring.main.banner-mode", "off");
    return new Sandbox(ViesSandboxApplication.start(all));
  }

  @Override
  public void close() {
    context.close();
  }

  // --- the VIES contract ---------------------------------------------------------------------

  Response check(Object body) {
    return send("POST", api + "/check-vat-number", body, Duration.ofSeconds(30));
  }

  Response testService(Object body) {
    return send("POST", api + "/check-vat-test-service", body, Duration.ofSeconds(30));
  }

  Response status() {
    return send("GET", api + "/check-status", null, Duration.ofSeconds(30));
  }

  /** A {@code CheckVatRequest}: the number, then further field/value pairs. */
  static Map<String, Object> request(String countryCode, String vatNumber, String... more) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("countryCode", countryCode);
    r.put("vatNumber", vatNumber);
    for (int i = 0; i < more.length; i += 2) {
      r.put(more[i], more[i + 1]);
    }
    return r;
  }

  /** Asserts VIES's error envelope: the status, {@code actionSucceed:false}, one error wrapper. */
  static void assertError(Response r, int status, String error) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode json = r.json();
    assertThat(json.path("actionSucceed").isBoolean()).isTrue();
    assertThat(json.path("actionSucceed").booleanValue()).isFalse();
    assertThat(json.path("errorWrappers").size()).isEqualTo(1);
    assertThat(r.error()).isEqualTo(error);
    assertThat(json.path("errorWrappers").path(0).path("message").asString()).isNotBlank();
  }

  // --- admin API -----------------------------------------------------------------------------

  JsonNode admin(String method, String path, Object body) {
    Response r = send(method, url + path, body, Duration.ofSeconds(30));
    assertThat(r.status()).as("%s %s: %s", method, path, r.body()).isBetween(200, 299);
    return r.json();
  }

  void reset() {
    admin("POST", "/admin/reset", Map.of());
  }

  void register(String countryCode, String vatNumber, boolean valid, String name, String address) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("countryCode", countryCode);
    body.put("vatNumber", vatNumber);
    body.put("valid", valid);
    body.put("name", name);
    body.put("address", address);
    admin("POST", "/admin/numbers", body);
  }

  /** An outage; {@code times} and {@code delayMillis} may be null. */
  JsonNode outage(String countryCode, String error, Integer times, Long delayMillis) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("countryCode", countryCode);
    body.put("error", error);
    if (times != null) {
      body.put("times", times);
    }
    if (delayMillis != null) {
      body.put("delayMillis", delayMillis);
    }
    return admin("POST", "/admin/outages", body);
  }

  long count() {
    return admin("GET", "/admin/requests/count", null).path("count").asLong();
  }

  // --- plain HTTP ----------------------------------------------------------------------------

  /** A request; a String body is sent as is, anything else as JSON. */
  Response send(String method, String target, Object body, Duration timeout) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(target)).timeout(timeout).header("Accept", "*/*");
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(
                body instanceof String s ? s : JSON.writeValueAsString(body)));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package koppel.connector.kmoshops;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.SystemConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP calls to one shop's API ({@code {baseUrl}/api/v1}), with the shop's errors typed. */
final class KmoShopsClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final KmoShopsSettings settings;
  private final Clock clock;

  KmoShopsClient(KmoShopsSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  JsonNode get(SystemConnection shop, String path) {
    return send(shop, path, request(shop, path).GET());
  }

  JsonNode post(SystemConnection shop, String path, Object body) {
    return send(
        shop,
        path,
        request(shop, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** A form POST without a token (the code exchange). */
  JsonNode postForm(String baseUrl, String path, String form) {
    return send(
        null,
        path,
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
            .timeout(settings.requestTimeout())
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpRequest.Builder request(SystemConnection shop, String path) {
    return HttpRequest.newBuilder(URI.create(shop.baseUrl() + "/api/v1" + path))
        .timeout(settings.requestTimeout())
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + shop.accessToken());
  }

  private JsonNode send(SystemConnection shop, String path, HttpRequest.Builder request) {
    HttpResponse<String> r;
    try {
      r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new ExternalSystemException.Unavailable(path + ": KMO Shops unreachable", e);
    } catch (IOException e) {
      throw new ExternalSystemException.Unavailable(path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExternalSystemException.Unavailable(path + ": interrupted", e);
    }
    if (r.statusCode() >= 200 && r.statusCode() < 300) {
      return r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }
    String message = errorMessage(r.body());
    String detail = path + ": " + (message == null ? "HTTP " + r.statusCode() : message);
    switch (r.statusCode()) {
      case 401, 403 -> throw new ExternalSystemException.NotAuthorized(detail);
      case 404 -> throw new ExternalSystemException.NotFound(detail);
      case 422 -> throw new ExternalSystemException.Rejected(detail);
      case 429 -> throw new ExternalSystemException.RateLimited(detail, retryAt(r));
      default -> throw new ExternalSystemException.Unavailable(detail, null);
    }
  }

  private Instant retryAt(HttpResponse<String> r) {
    Instant now = clock.instant();
    try {
      String retryAfter = r.headers().firstValue("Retry-After").orElse(null);
      if (retryAfter != null) {
        return now.plusSeconds(Long.parseLong(retryAfter.trim()));
      }
      String reset = r.headers().firstValue("X-RateLimit-Reset").orElse(null);
      if (reset != null) {
        return Instant.ofEpochSecond(Long.parseLong(reset.trim()));
      }
    } catch (NumberFormatException ignored) {
      // fall through to a safe default
    }
    return now.plusSeconds(60);
  }

  private static String errorMessage(String body) {
    try {
      JsonNode m = JSON.readTree(body).path("error").path("message");
      return m.isString() ? m.asString() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}

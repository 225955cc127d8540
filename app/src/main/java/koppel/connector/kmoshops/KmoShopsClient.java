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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.RateLimitStore;
import koppel.order.port.SystemConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP calls to one shop's API ({@code {baseUrl}/api/v1}), with the shop's errors typed. */
final class KmoShopsClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** KMO Shops allows 120 calls a minute per shop; no daily cap. */
  private static final int SHOP_MINUTE_LIMIT = 120;

  private final HttpClient http;
  private final KmoShopsSettings settings;
  private final RateLimitStore limits;
  private final Clock clock;

  /**
   * With {@code limits}, calls are spent from a budget per shop shared by all nodes and kept in
   * step with the shop's X-RateLimit headers: a spent budget is a retry at the reset, no call.
   */
  KmoShopsClient(KmoShopsSettings settings, RateLimitStore limits, Clock clock) {
    this.settings = settings;
    this.limits = limits;
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
    String scope = shop == null || limits == null ? null : "kmoshops:" + shop.externalId();
    if (scope != null) {
      Optional<Instant> back =
          limits.reserve(
              scope,
              new RateLimitStore.Defaults(
                  SHOP_MINUTE_LIMIT, Integer.MAX_VALUE, Duration.ofSeconds(1), 2),
              clock.instant());
      if (back.isPresent()) {
        throw new ExternalSystemException.RateLimited(
            path + ": Koppel's budget of calls to the shop is used up until " + back.get(),
            back.get(),
            false);
      }
    }
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
    if (scope != null) {
      observe(scope, r);
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
      case 429 -> throw new ExternalSystemException.RateLimited(detail, retryAt(r), true);
      default -> throw new ExternalSystemException.Unavailable(detail, null);
    }
  }

  private void observe(String scope, HttpResponse<String> r) {
    try {
      String limit = r.headers().firstValue("X-RateLimit-Limit").orElse(null);
      String remaining = r.headers().firstValue("X-RateLimit-Remaining").orElse(null);
      String reset = r.headers().firstValue("X-RateLimit-Reset").orElse(null);
      if (limit != null && remaining != null && reset != null) {
        limits.observe(
            scope,
            new RateLimitStore.Window(
                Integer.parseInt(limit.trim()),
                Integer.parseInt(remaining.trim()),
                Instant.ofEpochSecond(Long.parseLong(reset.trim()))),
            null,
            clock.instant());
      }
    } catch (NumberFormatException ignored) {
      // headers we cannot read do not stop the call
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

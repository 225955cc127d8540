package koppel.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for tests: real HTTP, no mocks. */
public final class Http {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private Http() {}

  public record Response(int status, String body, Map<String, java.util.List<String>> headers) {
    public JsonNode json() {
      return JSON.readTree(body);
    }
  }

  public static Response get(String url, String basicUser, String basicPassword) {
    return send(builder(url, basicUser, basicPassword).GET());
  }

  public static Response getBearer(String url, String token) {
    return send(builder(url, null, null).header("Authorization", "Bearer " + token).GET());
  }

  public static Response get(String url) {
    return get(url, null, null);
  }

  public static Response post(String url, Object body) {
    return post(url, body, null, null);
  }

  public static Response post(String url, Object body, String user, String password) {
    return send(
        builder(url, user, password)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** POST with a bearer token, as an OAuth client calls an API. */
  public static Response postBearer(String url, Object body, String token) {
    return send(
        builder(url, null, null)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public static Response delete(String url) {
    return send(builder(url, null, null).DELETE());
  }

  public static Response deleteBearer(String url, String token) {
    return send(builder(url, null, null).header("Authorization", "Bearer " + token).DELETE());
  }

  public static Response put(String url, Object body, String user, String password) {
    return send(
        builder(url, user, password)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public static Response postRaw(String url, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder b =
        builder(url, null, null).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return send(b);
  }

  private static HttpRequest.Builder builder(String url, String user, String password) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private static Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

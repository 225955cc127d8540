package koppel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client: the bench talks to everything through the public APIs. */
final class Http {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** An answer: the status and the body (parsed as JSON when it is JSON). */
  record Answer(int status, String body) {
    JsonNode json() {
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final String basicAuth;

  Http() {
    this(null, null);
  }

  /** A client that sends HTTP Basic credentials with every request. */
  Http(String user, String password) {
    this.basicAuth =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Answer send(String method, String url, Object body) {
    return send(method, url, body, "application/json");
  }

  private Answer send(String method, String url, Object body, String accept) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(120))
            .header("Accept", accept);
    if (basicAuth != null) {
      b.header("Authorization", basicAuth);
    }
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(
              method,
              HttpRequest.BodyPublishers.ofString(
                  body instanceof String s ? s : JSON.writeValueAsString(body)));
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Sends and insists on a 2xx answer; answers its JSON. */
  JsonNode call(String method, String url, Object body) {
    Answer a = send(method, url, body);
    if (!a.ok()) {
      throw new IllegalStateException(method + " " + url + " → " + a.status() + " " + a.body());
    }
    return a.json();
  }

  JsonNode get(String url) {
    return call("GET", url, null);
  }

  /** A GET that may fail (an endpoint another version does not have yet): null unless 2xx. */
  Answer tryGet(String url) {
    return tryGet(url, "application/json");
  }

  /** As {@link #tryGet(String)}, asking for this media type (Prometheus text: text/plain). */
  Answer tryGet(String url, String accept) {
    try {
      return send("GET", url, null, accept);
    } catch (RuntimeException e) {
      return new Answer(-1, e.getMessage());
    }
  }
}

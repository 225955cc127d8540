package koppel.connector.exact;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import koppel.order.port.ExternalSystemException;

/**
 * Sends requests to Exact and turns transport failures into typed ones: a request that never
 * reached Exact is {@link ExternalSystemException.Unavailable}; a write whose answer was lost is
 * {@link ExternalSystemException.OutcomeUnknown}.
 */
final class ExactHttp {

  private final HttpClient client;
  private final ExactSettings settings;

  ExactHttp(ExactSettings settings) {
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  ExactResponse send(HttpRequest.Builder request, boolean write, String what) {
    HttpRequest built = request.timeout(settings.requestTimeout()).build();
    try {
      HttpResponse<String> r =
          client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new ExactResponse(r.statusCode(), r.headers(), r.body());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new ExternalSystemException.Unavailable(what + ": Exact Online unreachable", e);
    } catch (HttpTimeoutException e) {
      throw write
          ? new ExternalSystemException.OutcomeUnknown(what + ": no answer in time", e)
          : new ExternalSystemException.Unavailable(what + ": no answer in time", e);
    } catch (IOException e) {
      throw write
          ? new ExternalSystemException.OutcomeUnknown(what + ": connection lost", e)
          : new ExternalSystemException.Unavailable(what + ": connection lost", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExternalSystemException.Unavailable(what + ": interrupted", e);
    }
  }

  static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
  }
}

package koppel.connector.vies;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import koppel.vat.ViesClient;
import koppel.vat.ViesResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST {base}/check-vat-number} of the official REST contract. With the requester's own VAT
 * number the answer carries a consultation number, kept as evidence. Member-state or VIES outages,
 * overload and timeouts are "unknown, try later" — never "invalid".
 */
public class ViesRestClient implements ViesClient {

  private static final Logger log = LoggerFactory.getLogger(ViesRestClient.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Errors that say something about the request, not about VIES's health. */
  private static final Set<String> INPUT_ERRORS = Set.of("INVALID_INPUT", "INVALID_REQUESTER_INFO");

  private final String baseUrl;
  private final String requesterCountry;
  private final String requesterNumber;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;

  public ViesRestClient(
      String baseUrl,
      String requesterCountry,
      String requesterNumber,
      Duration timeout,
      Clock clock) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.requesterCountry = blankToNull(requesterCountry);
    this.requesterNumber = blankToNull(requesterNumber);
    this.timeout = timeout;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public ViesResult check(String prefix, String number) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("countryCode", prefix);
    body.put("vatNumber", number);
    if (requesterCountry != null && requesterNumber != null) {
      body.put("requesterMemberStateCode", requesterCountry);
      body.put("requesterNumber", requesterNumber);
    }
    HttpResponse<String> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/check-vat-number"))
                  .timeout(timeout)
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return ViesResult.unknown("TIMEOUT", clock.instant());
    } catch (IOException e) {
      log.warn("VIES unreachable: {}", e.toString());
      return ViesResult.unknown("SERVICE_UNAVAILABLE", clock.instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ViesResult.unknown("INTERRUPTED", clock.instant());
    }
    JsonNode json;
    try {
      json = JSON.readTree(r.body());
    } catch (RuntimeException e) {
      return ViesResult.unknown("SERVICE_UNAVAILABLE", clock.instant());
    }
    if (r.statusCode() == 200 && json.has("valid")) {
      boolean valid = json.path("valid").asBoolean(false);
      return new ViesResult(
          valid ? ViesResult.Status.VALID : ViesResult.Status.INVALID,
          blankToNull(json.path("requestIdentifier").asString("")),
          blankToNull(json.path("name").asString("")),
          blankToNull(json.path("address").asString("")),
          clock.instant(),
          null);
    }
    String error = json.path("errorWrappers").path(0).path("error").asString("");
    if (error.isEmpty()) {
      error = "HTTP_" + r.statusCode();
    }
    ViesResult.Status status =
        INPUT_ERRORS.contains(error) ? ViesResult.Status.INPUT_ERROR : ViesResult.Status.UNKNOWN;
    return new ViesResult(status, null, null, null, clock.instant(), error);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() || s.equals("---") ? null : s.trim();
  }
}

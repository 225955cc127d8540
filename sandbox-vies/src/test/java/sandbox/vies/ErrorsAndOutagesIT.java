package sandbox.vies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sandbox.vies.Sandbox.assertError;
import static sandbox.vies.Sandbox.request;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Outages switched on through {@code POST /admin/outages}: every VIES error code in the official
 * {@code CommonResponse} with its status (400 for input errors, 500 for the rest), per member state
 * or {@code *}, counted by {@code times} or until cleared, {@code DELAY} to make a client's timeout
 * fire; {@code GET /check-status} showing an MS_UNAVAILABLE member state as "Unavailable".
 */
class ErrorsAndOutagesIT {

  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(Map.of("sandbox.vies.valid-numbers", "BE0123456749,DE136695976"));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  @ParameterizedTest
  @CsvSource({
    "INVALID_INPUT, 400",
    "INVALID_REQUESTER_INFO, 400",
    "SERVICE_UNAVAILABLE, 500",
    "MS_UNAVAILABLE, 500",
    "TIMEOUT, 500",
    "GLOBAL_MAX_CONCURRENT_REQ, 500",
    "MS_MAX_CONCURRENT_REQ, 500",
    "VAT_BLOCKED, 500",
    "IP_BLOCKED, 500",
  })
  void everyErrorCodeInTheEnvelopeWithItsStatus(String error, int status) {
    sandbox.outage("DE", error, 1, null);

    assertError(sandbox.check(request("DE", "136695976")), status, error);
    assertThat(sandbox.check(request("DE", "136695976")).status()).isEqualTo(200);
  }

  @Test
  void anOutageHitsItsMemberStateOnly() {
    sandbox.outage("DE", "MS_UNAVAILABLE", null, null);

    assertError(sandbox.check(request("DE", "136695976")), 500, "MS_UNAVAILABLE");
    assertError(sandbox.check(request("DE", "999999999")), 500, "MS_UNAVAILABLE");
    assertThat(sandbox.check(request("BE", "0123456749")).json().path("valid").booleanValue())
        .isTrue();
  }

  @Test
  void aStarOutageHitsEveryMemberState() {
    sandbox.outage("*", "SERVICE_UNAVAILABLE", null, null);

    assertError(sandbox.check(request("DE", "136695976")), 500, "SERVICE_UNAVAILABLE");
    assertError(sandbox.check(request("BE", "0123456749")), 500, "SERVICE_UNAVAILABLE");
    assertError(sandbox.check(request("XI", "123456782")), 500, "SERVICE_UNAVAILABLE");

    sandbox.admin("DELETE", "/admin/outages", null);
    assertThat(sandbox.check(request("BE", "0123456749")).status()).isEqualTo(200);
  }

  @Test
  void timesCountsDownThenTheOutageEnds() {
    sandbox.outage("BE", "MS_MAX_CONCURRENT_REQ", 2, null);

    assertError(sandbox.check(request("BE", "0123456749")), 500, "MS_MAX_CONCURRENT_REQ");
    JsonNode left = sandbox.admin("GET", "/admin/outages", null);
    assertThat(left.size()).isEqualTo(1);
    assertThat(left.path(0).path("remaining").asInt()).isEqualTo(1);
    assertError(sandbox.check(request("BE", "0123456749")), 500, "MS_MAX_CONCURRENT_REQ");
    assertThat(sandbox.check(request("BE", "0123456749")).status()).isEqualTo(200);
    assertThat(sandbox.admin("GET", "/admin/outages", null).size()).isZero();
  }

  @Test
  void withoutTimesAnOutageLastsUntilCleared() {
    sandbox.outage("BE", "TIMEOUT", null, null);
    for (int i = 0; i < 5; i++) {
      assertError(sandbox.check(request("BE", "0123456749")), 500, "TIMEOUT");
    }
    JsonNode cleared = sandbox.admin("DELETE", "/admin/outages", null);
    assertThat(cleared.path("cleared").asInt()).isEqualTo(1);
    assertThat(sandbox.check(request("BE", "0123456749")).status()).isEqualTo(200);
  }

  @Test
  void theOldestMatchingOutageAnswersFirst() {
    sandbox.outage("*", "GLOBAL_MAX_CONCURRENT_REQ", 1, null);
    sandbox.outage("DE", "MS_UNAVAILABLE", 1, null);

    assertError(sandbox.check(request("DE", "136695976")), 500, "GLOBAL_MAX_CONCURRENT_REQ");
    assertError(sandbox.check(request("DE", "136695976")), 500, "MS_UNAVAILABLE");
    assertThat(sandbox.check(request("DE", "136695976")).status()).isEqualTo(200);
  }

  @Test
  void inputErrorsComeBeforeAnOutageAndDoNotUseItUp() {
    sandbox.outage("DE", "MS_UNAVAILABLE", 1, null);

    assertError(sandbox.check(request("DE", "1")), 400, "INVALID_INPUT");
    assertError(
        sandbox.check(request("DE", "136695976", "requesterNumber", "0123456749")),
        400,
        "INVALID_REQUESTER_INFO");
    assertError(sandbox.check(request("DE", "136695976")), 500, "MS_UNAVAILABLE");
  }

  @Test
  void delayAnswersNormallyButLateSoAClientTimeoutFires() {
    sandbox.outage("BE", "DELAY", 2, 800L);

    assertThatThrownBy(
            () ->
                sandbox.send(
                    "POST",
                    sandbox.api + "/check-vat-number",
                    request("BE", "0123456749"),
                    Duration.ofMillis(300)))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(HttpTimeoutException.class);

    long start = System.nanoTime();
    Sandbox.Response late = sandbox.check(request("BE", "0123456749"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(790));
    assertThat(late.status()).isEqualTo(200);
    assertThat(late.json().path("valid").booleanValue()).isTrue();

    long fast = System.nanoTime();
    assertThat(sandbox.check(request("BE", "0123456749")).status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - fast)).isLessThan(Duration.ofMillis(700));
  }

  @Test
  void anErrorCanComeLateToo() {
    sandbox.outage("BE", "TIMEOUT", 1, 400L);

    long start = System.nanoTime();
    assertError(sandbox.check(request("BE", "0123456749")), 500, "TIMEOUT");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(400));
  }

  @Test
  void checkStatusListsEveryMemberStateAndXiAsAvailable() {
    Sandbox.Response r = sandbox.status();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode json = r.json();
    assertThat(json.path("vow").path("available").booleanValue()).isTrue();
    JsonNode countries = json.path("countries");
    assertThat(countries.size()).isEqualTo(28);
    assertThat(countries.valueStream().map(c -> c.path("countryCode").asString()))
        .containsExactlyElementsOf(MemberStates.CODES)
        .contains("EL", "XI")
        .doesNotContain("GR", "GB");
    assertThat(countries.valueStream().map(c -> c.path("availability").asString()))
        .containsOnly("Available");
  }

  @Test
  void checkStatusShowsAnMsUnavailableOutageWithoutUsingItUp() {
    sandbox.outage("DE", "MS_UNAVAILABLE", 1, null);
    sandbox.outage("FR", "TIMEOUT", null, null); // other errors leave the status alone

    JsonNode json = sandbox.status().json();
    assertThat(json.path("vow").path("available").booleanValue()).isTrue();
    for (JsonNode c : json.path("countries")) {
      assertThat(c.path("availability").asString())
          .as(c.path("countryCode").asString())
          .isEqualTo(c.path("countryCode").asString().equals("DE") ? "Unavailable" : "Available");
    }
    assertThat(sandbox.status().json().path("countries").path(5).path("availability").asString())
        .isEqualTo("Unavailable");

    assertError(sandbox.check(request("DE", "136695976")), 500, "MS_UNAVAILABLE");
    assertThat(sandbox.status().json().path("countries").path(5).path("availability").asString())
        .isEqualTo("Available");
  }

  @Test
  void checkStatusForStarOutages() {
    sandbox.outage("*", "MS_UNAVAILABLE", null, null);
    assertThat(
            sandbox
                .status()
                .json()
                .path("countries")
                .valueStream()
                .map(c -> c.path("availability").asString()))
        .containsOnly("Unavailable");

    sandbox.admin("DELETE", "/admin/outages", null);
    sandbox.outage("*", "SERVICE_UNAVAILABLE", null, null);
    JsonNode json = sandbox.status().json();
    assertThat(json.path("vow").path("available").booleanValue()).isFalse();
  }

  @Test
  void theAdminApiRefusesOutagesItCannotPlay() {
    List<Map<String, Object>> refused =
        List.of(
            Map.of("countryCode", "DE", "error", "BROKEN"),
            Map.of("countryCode", "GR", "error", "MS_UNAVAILABLE"),
            Map.of("countryCode", "DE", "error", "DELAY"),
            Map.of("countryCode", "DE", "error", "TIMEOUT", "times", 0),
            Map.of("countryCode", "DE", "error", "TIMEOUT", "delayMillis", -1));
    for (Map<String, Object> bad : refused) {
      assertError(
          sandbox.send("POST", sandbox.url + "/admin/outages", bad, Duration.ofSeconds(10)),
          400,
          "INVALID_INPUT");
    }
    assertThat(sandbox.admin("GET", "/admin/outages", null).size()).isZero();
  }
}

package sandbox.vies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sandbox.vies.Sandbox.assertError;
import static sandbox.vies.Sandbox.request;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The knobs other than {@code valid-numbers} (see {@link CheckVatNumberIT}): {@code
 * unknown-numbers-valid}, {@code error-status}, {@code test-service-official-table}, {@code
 * request-log-size}; and a malformed {@code valid-numbers} entry failing the start.
 */
class KnobsIT {

  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            Map.of(
                "sandbox.vies.unknown-numbers-valid", true,
                // as an environment or properties file would spell them
                "sandbox.vies.error-status.MS_UNAVAILABLE", 503,
                "sandbox.vies.error-status[INVALID_INPUT]", 422,
                "sandbox.vies.error-status.vat-blocked", 200,
                "sandbox.vies.test-service-official-table", true,
                "sandbox.vies.request-log-size", 3));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  @Test
  void unknownNumbersValidMakesEveryWellFormedNumberValid() {
    JsonNode json =
        sandbox
            .check(
                request(
                    "PL",
                    "5260250274",
                    "requesterMemberStateCode",
                    "BE",
                    "requesterNumber",
                    "0999999999"))
            .json();
    assertThat(json.path("valid").booleanValue()).isTrue();
    assertThat(json.path("name").asString()).isEqualTo("---");
    // the requester is as valid as anybody, so it gets a consultation number
    assertThat(json.path("requestIdentifier").asString()).startsWith("WAPI");

    sandbox.register("PL", "5260250274", false, null, null);
    assertThat(sandbox.check(request("PL", "5260250274")).json().path("valid").booleanValue())
        .isFalse();
    assertError(sandbox.check(request("PL", "5")), 422, "INVALID_INPUT");
  }

  @Test
  void errorStatusSetsTheStatusPerCode() {
    sandbox.outage("*", "MS_UNAVAILABLE", 1, null);
    sandbox.outage("*", "TIMEOUT", 1, null);
    sandbox.outage("*", "VAT_BLOCKED", 1, null);

    assertError(sandbox.check(request("BE", "0123456749")), 503, "MS_UNAVAILABLE");
    assertError(sandbox.check(request("BE", "0123456749")), 500, "TIMEOUT");
    // a VIES that answers an error with 200: the envelope still tells
    assertError(sandbox.check(request("BE", "0123456749")), 200, "VAT_BLOCKED");
    assertError(
        sandbox.check(request("BE", "0123456749", "requesterNumber", "1")),
        400,
        "INVALID_REQUESTER_INFO");
  }

  @Test
  void theOfficialTestServiceTable() {
    assertError(sandbox.testService(request("BE", "501")), 500, "GLOBAL_MAX_CONCURRENT_REQ_TIME");
    assertError(sandbox.testService(request("BE", "601")), 500, "MS_MAX_CONCURRENT_REQ_TIME");
    assertError(sandbox.testService(request("BE", "999")), 500, "SERVICE_UNAVAILABLE");
    assertError(sandbox.testService(request("BE", "201")), 422, "INVALID_INPUT");
  }

  @Test
  void requestLogSizeKeepsTheLastChecksButCountsAll() {
    for (int i = 1; i <= 5; i++) {
      sandbox.check(request("BE", "012345674" + i));
    }
    JsonNode log = sandbox.admin("GET", "/admin/requests", null);
    assertThat(log.size()).isEqualTo(3);
    assertThat(log.path(0).path("vatNumber").asString()).isEqualTo("0123456743");
    assertThat(log.path(0).path("seq").asLong()).isEqualTo(3);
    assertThat(sandbox.count()).isEqualTo(5);
  }

  @Test
  void aMalformedValidNumberFailsTheStart() {
    assertThatThrownBy(
            () ->
                Sandbox.start(
                    Map.of(
                        "sandbox.vies.valid-numbers",
                        "GR094259216",
                        // the expected failure need not fill the build log
                        "logging.level.org.springframework",
                        "OFF")))
        .hasStackTraceContaining("sandbox.vies.valid-numbers: 'GR094259216'");
  }
}

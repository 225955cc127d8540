package sandbox.vies;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.vies.Sandbox.assertError;
import static sandbox.vies.Sandbox.request;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /check-vat-test-service} (reference §8.2): the same contract as {@code
 * /check-vat-number} against VIES's fixed test numbers, for any member state, untouched by the
 * registry and by outages.
 */
class TestServiceIT {

  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(Map.of());
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
  void oneHundredIsValid() {
    Sandbox.Response r = sandbox.testService(request("BE", "100"));

    assertThat(r.status()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.path("countryCode").asString()).isEqualTo("BE");
    assertThat(json.path("vatNumber").asString()).isEqualTo("100");
    assertThat(json.path("valid").booleanValue()).isTrue();
    assertThat(json.path("name").asString()).isEqualTo("John Doe");
    assertThat(json.path("requestIdentifier").asString()).isEmpty();
    assertThat(json.path("requestDate").asString()).isNotBlank();
  }

  @Test
  void twoHundredIsInvalid() {
    Sandbox.Response r = sandbox.testService(request("EL", "200"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("valid").booleanValue()).isFalse();
    assertThat(r.json().path("name").asString()).isEqualTo("---");
  }

  @Test
  void aRequesterGetsAConsultationNumber() {
    JsonNode json =
        sandbox
            .testService(
                request("DE", "100", "requesterMemberStateCode", "BE", "requesterNumber", "100"))
            .json();
    assertThat(json.path("requestIdentifier").asString()).matches("WAPI[A-Za-z0-9]{12}");
  }

  @ParameterizedTest
  @CsvSource({
    "201, 400, INVALID_INPUT",
    "202, 400, INVALID_REQUESTER_INFO",
    "300, 500, SERVICE_UNAVAILABLE",
    "301, 500, MS_UNAVAILABLE",
    "302, 500, TIMEOUT",
    "400, 500, VAT_BLOCKED",
    "401, 500, IP_BLOCKED",
    "500, 500, GLOBAL_MAX_CONCURRENT_REQ",
    "501, 500, GLOBAL_MAX_CONCURRENT_REQ",
    "600, 500, MS_MAX_CONCURRENT_REQ",
    "601, 500, MS_MAX_CONCURRENT_REQ",
    "101, 400, INVALID_INPUT",
    "0123456749, 400, INVALID_INPUT",
  })
  void theFixedErrorTable(String vatNumber, int status, String error) {
    assertError(sandbox.testService(request("FR", vatNumber)), status, error);
  }

  @Test
  void theInputIsCheckedFirst() {
    assertError(sandbox.testService(request("GR", "100")), 400, "INVALID_INPUT");
    assertError(
        sandbox.testService(request("BE", "100", "requesterMemberStateCode", "BE")),
        400,
        "INVALID_REQUESTER_INFO");
  }

  @Test
  void outagesAndTheRegistryDoNotTouchTheTestService() {
    sandbox.outage("*", "MS_UNAVAILABLE", null, null);
    sandbox.register("BE", "200", true, "Registered", null);

    assertThat(sandbox.testService(request("BE", "100")).status()).isEqualTo(200);
    assertThat(sandbox.testService(request("BE", "200")).json().path("valid").booleanValue())
        .isFalse();
  }

  @Test
  void testChecksAreLoggedAsSuch() {
    sandbox.testService(request("BE", "100"));
    sandbox.testService(request("BE", "300"));

    JsonNode log = sandbox.admin("GET", "/admin/requests", null);
    assertThat(log.size()).isEqualTo(2);
    assertThat(log.path(0).path("service").asString()).isEqualTo("check-vat-test-service");
    assertThat(log.path(0).path("answer").asString()).isEqualTo("VALID");
    assertThat(log.path(1).path("answer").asString()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(log.path(1).path("status").asInt()).isEqualTo(500);
    assertThat(
            sandbox
                .admin("GET", "/admin/requests/count?service=check-vat-number", null)
                .path("count")
                .asLong())
        .isZero();
  }
}

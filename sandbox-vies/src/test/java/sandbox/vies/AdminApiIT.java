package sandbox.vies;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.vies.Sandbox.assertError;
import static sandbox.vies.Sandbox.request;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin API (not part of VIES): registering and listing numbers, the log of checks and its
 * count, reset back to the knobs, and the HTML page.
 */
class AdminApiIT {

  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(Map.of("sandbox.vies.valid-numbers", "BE0123456749"));
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
  void numbersListsTheKnobsAndTheRegistrations() {
    Sandbox.Response created =
        sandbox.send(
            "POST",
            sandbox.url + "/admin/numbers",
            Map.of("vatNumber", "NL002455799B11", "name", "Demo BV", "address", "Dam 1 Amsterdam"),
            Duration.ofSeconds(10));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("countryCode").asString()).isEqualTo("NL");
    assertThat(created.json().path("vatNumber").asString()).isEqualTo("002455799B11");
    assertThat(created.json().path("valid").booleanValue()).isTrue();
    sandbox.register("EL", "094259216", false, null, null);

    JsonNode numbers = sandbox.admin("GET", "/admin/numbers", null);
    assertThat(numbers.size()).isEqualTo(3);
    assertThat(numbers.path(0).path("countryCode").asString()).isEqualTo("BE");
    assertThat(numbers.path(0).path("source").asString()).isEqualTo("knob");
    assertThat(numbers.path(1).path("name").asString()).isEqualTo("Demo BV");
    assertThat(numbers.path(1).path("source").asString()).isEqualTo("admin");
    assertThat(numbers.path(2).path("valid").booleanValue()).isFalse();
  }

  @Test
  void numbersRefusesWhatViesCouldNeverCheck() {
    List<Map<String, Object>> refused =
        List.of(
            Map.of("countryCode", "GR", "vatNumber", "094259216"),
            Map.of("countryCode", "BE", "vatNumber", "1"),
            Map.of("vatNumber", "US123456789"),
            Map.of("countryCode", "BE"));
    for (Map<String, Object> bad : refused) {
      assertError(
          sandbox.send("POST", sandbox.url + "/admin/numbers", bad, Duration.ofSeconds(10)),
          400,
          "INVALID_INPUT");
    }
  }

  @Test
  void requestsLogsEveryCheckWithItsAnswer() {
    sandbox.check(request("BE", "0123456749"));
    sandbox.check(
        request(
            "DE", "136695976", "requesterMemberStateCode", "BE", "requesterNumber", "0123456749"));
    sandbox.check(request("BE", "x"));
    sandbox.outage("BE", "MS_UNAVAILABLE", 1, null);
    sandbox.check(request("BE", "0123456749"));

    JsonNode log = sandbox.admin("GET", "/admin/requests", null);
    assertThat(log.size()).isEqualTo(4);
    JsonNode first = log.path(0);
    assertThat(first.path("seq").asLong()).isEqualTo(1);
    assertThat(first.path("at").asString()).isNotBlank();
    assertThat(first.path("service").asString()).isEqualTo("check-vat-number");
    assertThat(first.path("countryCode").asString()).isEqualTo("BE");
    assertThat(first.path("vatNumber").asString()).isEqualTo("0123456749");
    assertThat(first.path("requester").booleanValue()).isFalse();
    assertThat(first.path("answer").asString()).isEqualTo("VALID");
    assertThat(first.path("status").asInt()).isEqualTo(200);
    assertThat(first.path("requestIdentifier").asString()).isEmpty();

    JsonNode second = log.path(1);
    assertThat(second.path("answer").asString()).isEqualTo("INVALID");
    assertThat(second.path("requester").booleanValue()).isTrue();
    assertThat(second.path("requesterMemberStateCode").asString()).isEqualTo("BE");
    assertThat(second.path("requesterNumber").asString()).isEqualTo("0123456749");
    assertThat(second.path("requestIdentifier").asString()).startsWith("WAPI");

    assertThat(log.path(2).path("answer").asString()).isEqualTo("INVALID_INPUT");
    assertThat(log.path(2).path("status").asInt()).isEqualTo(400);
    assertThat(log.path(3).path("answer").asString()).isEqualTo("MS_UNAVAILABLE");
    assertThat(log.path(3).path("status").asInt()).isEqualTo(500);

    assertThat(sandbox.count()).isEqualTo(4);
    assertThat(
            sandbox
                .admin("GET", "/admin/requests/count?countryCode=BE&vatNumber=0123456749", null)
                .path("count")
                .asLong())
        .isEqualTo(2);
  }

  @Test
  void resetForgetsRegistrationsOutagesAndTheLogButKeepsTheKnob() {
    sandbox.register("DE", "136695976", true, "Demo GmbH", null);
    sandbox.register("BE", "0123456749", false, null, null);
    sandbox.outage("*", "TIMEOUT", null, null);
    sandbox.check(request("DE", "136695976"));

    sandbox.reset();

    assertThat(sandbox.count()).isZero();
    assertThat(sandbox.admin("GET", "/admin/requests", null).size()).isZero();
    assertThat(sandbox.admin("GET", "/admin/outages", null).size()).isZero();
    JsonNode numbers = sandbox.admin("GET", "/admin/numbers", null);
    assertThat(numbers.size()).isEqualTo(1);
    assertThat(numbers.path(0).path("valid").booleanValue()).isTrue();
    assertThat(sandbox.check(request("DE", "136695976")).json().path("valid").booleanValue())
        .isFalse();
    assertThat(sandbox.check(request("BE", "0123456749")).json().path("valid").booleanValue())
        .isTrue();
  }

  @Test
  void thePageShowsNumbersOutagesAndChecks() {
    sandbox.register("NL", "002455799B11", true, "Demo <BV>", null);
    sandbox.outage("DE", "MS_UNAVAILABLE", 3, null);
    sandbox.check(request("FR", "40303265045"));

    for (String path : List.of("/admin", "/")) {
      Sandbox.Response page = sandbox.send("GET", sandbox.url + path, null, Duration.ofSeconds(10));
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.contentType()).startsWith("text/html");
      assertThat(page.body())
          .contains("VIES sandbox")
          .contains("BE0123456749")
          .contains("NL002455799B11")
          .contains("Demo &lt;BV&gt;")
          .contains("MS_UNAVAILABLE")
          .contains("FR40303265045")
          .contains("1 since reset");
    }
  }
}

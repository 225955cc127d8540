package sandbox.vies;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.vies.Sandbox.assertError;
import static sandbox.vies.Sandbox.request;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /check-vat-number} (reference §8.1): the official {@code CheckVatResponse} for valid
 * and invalid numbers, the consultation number only with a known requester, VIES's input checks
 * ({@code INVALID_INPUT}, {@code INVALID_REQUESTER_INFO} as 400 {@code CommonResponse}), the {@code
 * valid-numbers} knob and admin registrations, and the approximate trader matching.
 */
class CheckVatNumberIT {

  private static final List<String> RESPONSE_FIELDS =
      List.of(
          "countryCode",
          "vatNumber",
          "requestDate",
          "valid",
          "requestIdentifier",
          "name",
          "address",
          "traderName",
          "traderStreet",
          "traderPostalCode",
          "traderCity",
          "traderCompanyType",
          "traderNameMatch",
          "traderStreetMatch",
          "traderPostalCodeMatch",
          "traderCityMatch",
          "traderCompanyTypeMatch");

  private static final String CONSULTATION_NUMBER = "WAPI[A-Za-z0-9]{12}";

  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            Map.of(
                "sandbox.vies.valid-numbers",
                "BE0123456749, DE136695976, EL094259216, XI123456782, NL002455799B11"));
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
  void aKnownNumberIsValidInTheOfficialResponseShape() {
    Instant before = Instant.now().minusSeconds(1);
    Sandbox.Response r = sandbox.check(request("DE", "136695976"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode json = r.json();
    assertThat(json.propertyNames()).containsExactlyElementsOf(RESPONSE_FIELDS);
    assertThat(json.path("countryCode").asString()).isEqualTo("DE");
    assertThat(json.path("vatNumber").asString()).isEqualTo("136695976");
    assertThat(json.path("valid").isBoolean()).isTrue();
    assertThat(json.path("valid").booleanValue()).isTrue();
    Instant requestDate = OffsetDateTime.parse(json.path("requestDate").asString()).toInstant();
    assertThat(requestDate).isBetween(before, Instant.now().plusSeconds(1));
    // no requester, no consultation number; a knob number has no name or address
    assertThat(json.path("requestIdentifier").asString()).isEmpty();
    assertThat(json.path("name").asString()).isEqualTo("---");
    assertThat(json.path("address").asString()).isEqualTo("---");
    for (String field :
        List.of(
            "traderName", "traderStreet", "traderPostalCode", "traderCity", "traderCompanyType")) {
      assertThat(json.path(field).asString()).as(field).isEmpty();
      assertThat(json.path(field + "Match").asString()).as(field).isEqualTo("NOT_PROCESSED");
    }
  }

  @Test
  void anUnknownNumberIsInvalidWith200() {
    Sandbox.Response r = sandbox.check(request("BE", "0987654321"));

    assertThat(r.status()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.propertyNames()).containsExactlyElementsOf(RESPONSE_FIELDS);
    assertThat(json.path("valid").booleanValue()).isFalse();
    assertThat(json.path("name").asString()).isEqualTo("---");
    assertThat(json.path("address").asString()).isEqualTo("---");
    assertThat(json.path("requestIdentifier").asString()).isEmpty();
  }

  @Test
  void greeceIsElAndNorthernIrelandXi() {
    assertThat(sandbox.check(request("EL", "094259216")).json().path("valid").booleanValue())
        .isTrue();
    assertThat(sandbox.check(request("XI", "123456782")).json().path("valid").booleanValue())
        .isTrue();
    assertError(sandbox.check(request("GR", "094259216")), 400, "INVALID_INPUT");
    assertError(sandbox.check(request("GB", "123456782")), 400, "INVALID_INPUT");
  }

  @Test
  void theNumberIsCaseInsensitiveAndEchoedAsSent() {
    JsonNode json = sandbox.check(request("NL", "002455799b11")).json();
    assertThat(json.path("valid").booleanValue()).isTrue();
    assertThat(json.path("vatNumber").asString()).isEqualTo("002455799b11");
  }

  @Test
  void aKnownRequesterGetsAConsultationNumber() {
    Map<String, Object> withRequester =
        request(
            "DE", "136695976", "requesterMemberStateCode", "BE", "requesterNumber", "0123456749");

    JsonNode first = sandbox.check(withRequester).json();
    JsonNode second = sandbox.check(withRequester).json();

    assertThat(first.path("valid").booleanValue()).isTrue();
    assertThat(first.path("requestIdentifier").asString()).matches(CONSULTATION_NUMBER);
    assertThat(second.path("requestIdentifier").asString())
        .matches(CONSULTATION_NUMBER)
        .isNotEqualTo(first.path("requestIdentifier").asString());

    // the consultation number proves the check happened, whatever its outcome
    JsonNode invalid =
        sandbox
            .check(
                request(
                    "DE",
                    "999999999",
                    "requesterMemberStateCode",
                    "BE",
                    "requesterNumber",
                    "0123456749"))
            .json();
    assertThat(invalid.path("valid").booleanValue()).isFalse();
    assertThat(invalid.path("requestIdentifier").asString()).matches(CONSULTATION_NUMBER);
  }

  @Test
  void anUnknownRequesterGetsNoConsultationNumber() {
    Sandbox.Response r =
        sandbox.check(
            request(
                "DE",
                "136695976",
                "requesterMemberStateCode",
                "BE",
                "requesterNumber",
                "0999999999"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("valid").booleanValue()).isTrue();
    assertThat(r.json().path("requestIdentifier").asString()).isEmpty();
  }

  @Test
  void theSoapRequesterNamesAreNotTheContractAndAreIgnored() {
    // python-stdnum's REST client sends these; VIES ignores them, so no consultation number
    Sandbox.Response r =
        sandbox.check(
            request(
                "DE",
                "136695976",
                "requesterCountryCode",
                "BE",
                "requesterVatNumber",
                "0123456749"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("requestIdentifier").asString()).isEmpty();
  }

  @Test
  void halfARequesterIsInvalidRequesterInfo() {
    assertError(
        sandbox.check(request("DE", "136695976", "requesterMemberStateCode", "BE")),
        400,
        "INVALID_REQUESTER_INFO");
    assertError(
        sandbox.check(request("DE", "136695976", "requesterNumber", "0123456749")),
        400,
        "INVALID_REQUESTER_INFO");
    assertError(
        sandbox.check(
            request("DE", "136695976", "requesterMemberStateCode", "BE", "requesterNumber", "")),
        400,
        "INVALID_REQUESTER_INFO");
    assertError(
        sandbox.check(
            request(
                "DE",
                "136695976",
                "requesterMemberStateCode",
                "GR",
                "requesterNumber",
                "094259216")),
        400,
        "INVALID_REQUESTER_INFO");
    // empty requester fields are no requester at all
    Sandbox.Response none =
        sandbox.check(
            request("DE", "136695976", "requesterMemberStateCode", "", "requesterNumber", ""));
    assertThat(none.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "be, 0123456749",
        "BEL, 0123456749",
        "US, 123456789",
        "'', 0123456749",
        "NULL, 0123456749",
        "BE, ''",
        "BE, NULL",
        "BE, 1",
        "BE, 1234567890123",
        "BE, 0123 456 749",
        "BE, 0123-456-749",
      })
  void malformedInputIsInvalidInput(String countryCode, String vatNumber) {
    assertError(sandbox.check(request(countryCode, vatNumber)), 400, "INVALID_INPUT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[1, 2]", "{\"countryCode\": {\"x\": 1}}", "null"})
  void aBodyThatIsNoCheckVatRequestIsInvalidInput(String body) {
    assertError(
        sandbox.send("POST", sandbox.api + "/check-vat-number", body, Duration.ofSeconds(10)),
        400,
        "INVALID_INPUT");
  }

  @Test
  void theNumberPatternAllowsPlusStarAndDot() {
    Sandbox.Response r = sandbox.check(request("IE", "1+*.AB"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("valid").booleanValue()).isFalse();
    assertError(
        sandbox.check(request("BE", "0123456749", "traderCompanyType", "BV")),
        400,
        "INVALID_INPUT");
  }

  @Test
  void anAdminRegistrationAnswersNameAndAddressAndCanMakeANumberInvalid() {
    sandbox.register("BE", "0403170701", true, "NV Koppel Demo", "Kerkstraat 1\n9000 Gent");
    JsonNode json = sandbox.check(request("BE", "0403170701")).json();
    assertThat(json.path("valid").booleanValue()).isTrue();
    assertThat(json.path("name").asString()).isEqualTo("NV Koppel Demo");
    assertThat(json.path("address").asString()).isEqualTo("Kerkstraat 1\n9000 Gent");

    sandbox.register("DE", "136695976", false, null, null); // explicitly invalid wins over the knob
    JsonNode invalid = sandbox.check(request("DE", "136695976")).json();
    assertThat(invalid.path("valid").booleanValue()).isFalse();
    assertThat(invalid.path("name").asString()).isEqualTo("---");
  }

  @Test
  void traderFieldsAreEchoedAndMatchedCaseInsensitively() {
    sandbox.admin(
        "POST",
        "/admin/numbers",
        Map.of(
            "countryCode", "BE",
            "vatNumber", "0403170701",
            "name", "NV Koppel Demo",
            "address", "Kerkstraat 1\n9000 Gent",
            "companyType", "BE-1"));

    JsonNode json =
        sandbox
            .check(
                request(
                    "BE",
                    "0403170701",
                    "traderName",
                    "nv  KOPPEL demo",
                    "traderStreet",
                    "kerkstraat 1",
                    "traderPostalCode",
                    "1000",
                    "traderCompanyType",
                    "BE-2"))
            .json();

    assertThat(json.path("traderName").asString()).isEqualTo("nv  KOPPEL demo");
    assertThat(json.path("traderStreet").asString()).isEqualTo("kerkstraat 1");
    assertThat(json.path("traderPostalCode").asString()).isEqualTo("1000");
    assertThat(json.path("traderCity").asString()).isEmpty();
    assertThat(json.path("traderCompanyType").asString()).isEqualTo("BE-2");
    assertThat(json.path("traderNameMatch").asString()).isEqualTo("VALID");
    assertThat(json.path("traderStreetMatch").asString()).isEqualTo("VALID");
    assertThat(json.path("traderPostalCodeMatch").asString()).isEqualTo("INVALID");
    assertThat(json.path("traderCityMatch").asString()).isEqualTo("NOT_PROCESSED");
    assertThat(json.path("traderCompanyTypeMatch").asString()).isEqualTo("INVALID");
  }

  @Test
  void traderFieldsAreNotProcessedWithoutDataToCompare() {
    // a knob number shares no name or address (as Germany's never do)
    JsonNode known =
        sandbox
            .check(request("DE", "136695976", "traderName", "Any GmbH", "traderCity", "Berlin"))
            .json();
    assertThat(known.path("traderNameMatch").asString()).isEqualTo("NOT_PROCESSED");
    assertThat(known.path("traderCityMatch").asString()).isEqualTo("NOT_PROCESSED");

    sandbox.register("BE", "0403170701", false, "NV Koppel Demo", "Kerkstraat 1 9000 Gent");
    JsonNode invalid =
        sandbox.check(request("BE", "0403170701", "traderName", "NV Koppel Demo")).json();
    assertThat(invalid.path("valid").booleanValue()).isFalse();
    assertThat(invalid.path("traderNameMatch").asString()).isEqualTo("NOT_PROCESSED");
  }
}

package sandbox.vies;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One check, as VIES does it: input checks ({@code INVALID_INPUT}, {@code INVALID_REQUESTER_INFO}),
 * then a switched-on outage, then the registry (or the test service's fixed table); every check
 * lands in the {@link RequestLog}.
 */
@Component
class VatChecks {

  static final String LIVE = "check-vat-number";
  static final String TEST = "check-vat-test-service";

  /** What the test service answers for "100" (VIES's own test service says John Doe too). */
  private static final Registration TEST_TRADER =
      new Registration(
          null,
          "100",
          true,
          "John Doe",
          "123 Main St, Anytown, UK",
          null,
          null,
          null,
          null,
          "test");

  private static final DateTimeFormatter REQUEST_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** An answer: HTTP status, body, and for the log the outcome and the consultation number. */
  record Result(int status, Map<String, Object> body, String answer, String requestIdentifier) {}

  private final ViesSandboxProperties properties;
  private final VatRegistry registry;
  private final Outages outages;
  private final RequestLog log;
  private final SecureRandom random = new SecureRandom();

  VatChecks(
      ViesSandboxProperties properties, VatRegistry registry, Outages outages, RequestLog log) {
    this.properties = properties;
    this.registry = registry;
    this.outages = outages;
    this.log = log;
  }

  /** Checks a {@code CheckVatRequest} body for {@link #LIVE} or {@link #TEST}; never throws. */
  Result check(String service, String body) {
    long seq = log.nextSeq();
    Instant at = Instant.now();
    CheckVatRequest r = CheckVatRequest.EMPTY;
    long delay = 0;
    Result result;
    try {
      r = parse(body);
      boolean requester = validate(r);
      if (TEST.equals(service)) {
        result = testService(r, requester, at);
      } else {
        Optional<Outages.Outage> outage = outages.take(r.countryCode());
        if (outage.isPresent()) {
          delay = outage.get().delayMillis();
          sleep(delay);
          if (!outage.get().isDelay()) {
            throw new ViesProblem(ViesError.valueOf(outage.get().error()));
          }
        }
        result = live(r, requester, at);
      }
    } catch (ViesProblem p) {
      result = error(p);
    }
    log.add(
        new RequestLog.Check(
            seq,
            at.toString(),
            service,
            r.countryCode(),
            r.vatNumber(),
            r.hasRequester(),
            r.requesterMemberStateCode(),
            r.requesterNumber(),
            result.answer(),
            result.status(),
            result.requestIdentifier(),
            delay));
    return result;
  }

  private Result live(CheckVatRequest r, boolean requester, Instant at) {
    Registration found = registry.lookup(r.countryCode(), r.vatNumber());
    // a consultation number certifies who asked: only for a requester VIES knows as valid
    boolean knownRequester =
        requester && registry.lookup(r.requesterMemberStateCode(), r.requesterNumber()).valid();
    return answer(r, found, at, knownRequester ? newIdentifier() : "");
  }

  /** VIES's fixed test data (reference: the test service's WSDL documentation). */
  private Result testService(CheckVatRequest r, boolean requester, Instant at) {
    boolean official = properties.testServiceOfficialTable();
    String requestIdentifier = requester ? newIdentifier() : "";
    switch (r.vatNumber()) {
      case "100":
        return answer(r, TEST_TRADER, at, requestIdentifier);
      case "200":
        return answer(
            r, Registration.unknown(r.countryCode(), "200", false), at, requestIdentifier);
      case "201":
        throw new ViesProblem(ViesError.INVALID_INPUT);
      case "202":
        throw new ViesProblem(ViesError.INVALID_REQUESTER_INFO);
      case "300":
        throw new ViesProblem(ViesError.SERVICE_UNAVAILABLE);
      case "301":
        throw new ViesProblem(ViesError.MS_UNAVAILABLE);
      case "302":
        throw new ViesProblem(ViesError.TIMEOUT);
      case "400":
        throw new ViesProblem(ViesError.VAT_BLOCKED);
      case "401":
        throw new ViesProblem(ViesError.IP_BLOCKED);
      case "500":
        throw new ViesProblem(ViesError.GLOBAL_MAX_CONCURRENT_REQ);
      case "501":
        throw official
            ? new ViesProblem(ViesError.GLOBAL_MAX_CONCURRENT_REQ_TIME)
            : new ViesProblem(
                ViesError.GLOBAL_MAX_CONCURRENT_REQ,
                ViesError.GLOBAL_MAX_CONCURRENT_REQ_TIME.message);
      case "600":
        throw new ViesProblem(ViesError.MS_MAX_CONCURRENT_REQ);
      case "601":
        throw official
            ? new ViesProblem(ViesError.MS_MAX_CONCURRENT_REQ_TIME)
            : new ViesProblem(
                ViesError.MS_MAX_CONCURRENT_REQ, ViesError.MS_MAX_CONCURRENT_REQ_TIME.message);
      default:
        throw new ViesProblem(
            official ? ViesError.SERVICE_UNAVAILABLE : ViesError.INVALID_INPUT,
            "The test service knows only the VAT numbers 100, 200, 201, 202, 300, 301, 302, 400,"
                + " 401, 500, 501, 600 and 601");
    }
  }

  /** The official {@code CheckVatResponse}; every field present, as VIES sends them. */
  private static Result answer(
      CheckVatRequest r, Registration found, Instant at, String requestIdentifier) {
    boolean valid = found.valid();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("countryCode", r.countryCode());
    body.put("vatNumber", r.vatNumber());
    body.put("requestDate", REQUEST_DATE.format(at));
    body.put("valid", valid);
    body.put("requestIdentifier", requestIdentifier);
    body.put("name", valid ? orUnknown(found.name()) : Registration.UNKNOWN);
    body.put("address", valid ? orUnknown(found.address()) : Registration.UNKNOWN);
    body.put("traderName", orEmpty(r.traderName()));
    body.put("traderStreet", orEmpty(r.traderStreet()));
    body.put("traderPostalCode", orEmpty(r.traderPostalCode()));
    body.put("traderCity", orEmpty(r.traderCity()));
    body.put("traderCompanyType", orEmpty(r.traderCompanyType()));
    body.put("traderNameMatch", TraderMatch.exact(r.traderName(), found.name(), valid));
    body.put(
        "traderStreetMatch",
        TraderMatch.inAddress(r.traderStreet(), found.street(), found.address(), valid));
    body.put(
        "traderPostalCodeMatch",
        TraderMatch.inAddress(r.traderPostalCode(), found.postalCode(), found.address(), valid));
    body.put(
        "traderCityMatch",
        TraderMatch.inAddress(r.traderCity(), found.city(), found.address(), valid));
    body.put(
        "traderCompanyTypeMatch",
        TraderMatch.exact(r.traderCompanyType(), found.companyType(), valid));
    return new Result(200, body, valid ? "VALID" : "INVALID", requestIdentifier);
  }

  private Result error(ViesProblem p) {
    return new Result(
        properties.status(p.error), envelope(p.error.name(), p.getMessage()), p.error.name(), "");
  }

  /** The official {@code CommonResponse} of a failed action. */
  static Map<String, Object> envelope(String error, String message) {
    Map<String, Object> wrapper = new LinkedHashMap<>();
    wrapper.put("error", error);
    wrapper.put("message", message);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("actionSucceed", false);
    body.put("errorWrappers", List.of(wrapper));
    return body;
  }

  /** Input checks; true when a (complete, well-formed) requester was given. */
  private static boolean validate(CheckVatRequest r) {
    if (!MemberStates.isCountry(r.countryCode()) || !MemberStates.isNumber(r.vatNumber())) {
      throw new ViesProblem(ViesError.INVALID_INPUT);
    }
    if (!CheckVatRequest.blank(r.traderCompanyType())
        && !MemberStates.isCompanyType(r.traderCompanyType())) {
      throw new ViesProblem(
          ViesError.INVALID_INPUT, "traderCompanyType must look like XX-9 (e.g. BE-1)");
    }
    if (!r.hasRequester()) {
      return false;
    }
    if (!MemberStates.isCountry(r.requesterMemberStateCode())
        || !MemberStates.isNumber(r.requesterNumber())) {
      throw new ViesProblem(ViesError.INVALID_REQUESTER_INFO);
    }
    return true;
  }

  private static CheckVatRequest parse(String body) {
    if (CheckVatRequest.blank(body)) {
      throw new ViesProblem(ViesError.INVALID_INPUT, "The request body is empty");
    }
    try {
      CheckVatRequest r = JSON.readValue(body, CheckVatRequest.class);
      return r == null ? CheckVatRequest.EMPTY : r;
    } catch (JacksonException e) {
      throw new ViesProblem(ViesError.INVALID_INPUT, "The request body is not a CheckVatRequest");
    }
  }

  /** A consultation number in VIES's shape, e.g. {@code WAPIAAAAZ1b2c3d4}. */
  private String newIdentifier() {
    StringBuilder id = new StringBuilder("WAPIAAAA");
    for (int i = 0; i < 8; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down: answer now
    }
  }

  private static String orUnknown(String s) {
    return CheckVatRequest.blank(s) ? Registration.UNKNOWN : s;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}

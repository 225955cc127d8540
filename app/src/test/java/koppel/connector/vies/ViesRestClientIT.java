package koppel.connector.vies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import koppel.persistence.JdbcViesCache;
import koppel.support.Http;
import koppel.support.MigratedDatabase;
import koppel.vat.ViesResult;
import koppel.vat.ViesResult.Status;
import koppel.vat.ViesService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import sandbox.vies.ViesSandboxApplication;

/**
 * The VIES client against the VIES sandbox over real HTTP: verdicts with a consultation number,
 * every outage code as "unknown, try later" (never invalid), refused input, a timeout, and the
 * cache in PostgreSQL.
 */
class ViesRestClientIT {

  private static final Duration TIMEOUT = Duration.ofMillis(800);

  private static ConfigurableApplicationContext sandbox;
  private static String root;
  private static String api;
  private static MigratedDatabase db;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));

  @BeforeAll
  static void startSandbox() {
    sandbox = ViesSandboxApplication.start(Map.of("server.port", 0));
    root = "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
    api = root + ViesSandboxApplication.BASE_PATH;
    db = new MigratedDatabase();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    assertThat(Http.post(root + "/admin/reset", Map.of()).status()).isEqualTo(200);
    register("DE", "136695976", true, "Muster GmbH", "Hauptstr. 1, 10115 Berlin");
    register("NL", "002455799B11", false, null, null);
    // VIES gives a consultation number only to a requester with an active VAT number
    register("BE", "0403170701", true, "Koppel test shop", "Kerkstraat 1, 9000 Gent");
  }

  private ViesRestClient client() {
    return new ViesRestClient(api, "BE", "0403170701", TIMEOUT, clock);
  }

  @Test
  void registeredNumberIsValidWithConsultationNumberNameAndAddress() {
    ViesResult r = client().check("DE", "136695976");
    assertThat(r.status()).isEqualTo(Status.VALID);
    assertThat(r.requestIdentifier()).startsWith("WAPIAAAA").hasSize(16);
    assertThat(r.name()).isEqualTo("Muster GmbH");
    assertThat(r.address()).isEqualTo("Hauptstr. 1, 10115 Berlin");
    assertThat(r.checkedAt()).isEqualTo(clock.instant());
    assertThat(r.isVerdict()).isTrue();
    assertThat(lastRequest())
        .containsEntry("requesterMemberStateCode", "BE")
        .containsEntry("requesterNumber", "0403170701");
  }

  @Test
  void unknownOrDeregisteredNumberIsInvalidWithoutNameOrAddress() {
    ViesResult unknown = client().check("FR", "40303265045");
    assertThat(unknown.status()).isEqualTo(Status.INVALID);
    assertThat(unknown.name()).as("VIES's '---' is no name").isNull();
    assertThat(unknown.address()).isNull();
    assertThat(client().check("NL", "002455799B11").status()).isEqualTo(Status.INVALID);
  }

  @Test
  void withoutRequesterThereIsNoConsultationNumber() {
    ViesResult r = new ViesRestClient(api, null, null, TIMEOUT, clock).check("DE", "136695976");
    assertThat(r.status()).isEqualTo(Status.VALID);
    assertThat(r.requestIdentifier()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SERVICE_UNAVAILABLE",
        "MS_UNAVAILABLE",
        "TIMEOUT",
        "GLOBAL_MAX_CONCURRENT_REQ",
        "MS_MAX_CONCURRENT_REQ",
        "VAT_BLOCKED",
        "IP_BLOCKED"
      })
  void everyOutageIsUnknownNeverInvalid(String code) {
    outage("DE", code, null);
    ViesResult r = client().check("DE", "136695976");
    assertThat(r.status()).isEqualTo(Status.UNKNOWN);
    assertThat(r.error()).isEqualTo(code);
    assertThat(r.isVerdict()).isFalse();
    assertThat(client().check("DE", "136695976").status())
        .as("the outage is over: the verdict comes")
        .isEqualTo(Status.VALID);
  }

  @Test
  void anOutageOfOneMemberStateLeavesTheOthersAnswering() {
    outage("FR", "MS_UNAVAILABLE", 5);
    assertThat(client().check("FR", "40303265045").status()).isEqualTo(Status.UNKNOWN);
    assertThat(client().check("DE", "136695976").status()).isEqualTo(Status.VALID);
  }

  @Test
  void refusedInputIsAnInputErrorNotAVerdict() {
    ViesResult r = client().check("DE", "13669597#");
    assertThat(r.status()).isEqualTo(Status.INPUT_ERROR);
    assertThat(r.error()).isEqualTo("INVALID_INPUT");
    ViesResult requester =
        new ViesRestClient(api, "BE", "not a number!", TIMEOUT, clock).check("DE", "136695976");
    assertThat(requester.status()).isEqualTo(Status.INPUT_ERROR);
    assertThat(requester.error()).isEqualTo("INVALID_REQUESTER_INFO");
  }

  @Test
  void aSlowAnswerTimesOutAsUnknown() {
    outage("DE", "DELAY", 3000);
    long start = System.nanoTime();
    ViesResult r = client().check("DE", "136695976");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(r.status()).isEqualTo(Status.UNKNOWN);
    assertThat(r.error()).isEqualTo("TIMEOUT");
    assertThat(took).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void anUnreachableServiceIsUnknown() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    ViesResult r =
        new ViesRestClient("http://localhost:" + closed, "BE", "0403170701", TIMEOUT, clock)
            .check("DE", "136695976");
    assertThat(r.status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void verdictsAreCachedForTheConfiguredTimeAndUnknownsAreAskedAgain() {
    ViesService service =
        new ViesService(client(), new JdbcViesCache(db.jdbc), clock, Duration.ofDays(7));
    ViesResult first = service.check("DE136695976");
    assertThat(first.status()).isEqualTo(Status.VALID);
    clock.move(Duration.ofDays(6));
    ViesResult cached = service.check("DE136695976");
    assertThat(cached.status()).isEqualTo(Status.VALID);
    assertThat(cached.requestIdentifier())
        .as("the evidence of the first check")
        .isEqualTo(first.requestIdentifier());
    assertThat(requests("136695976")).isEqualTo(1);

    clock.move(Duration.ofDays(2));
    ViesResult fresh = service.check("DE136695976");
    assertThat(requests("136695976")).as("older than 7 days: asked again").isEqualTo(2);
    assertThat(fresh.requestIdentifier()).isNotEqualTo(first.requestIdentifier());

    outage("FR", "MS_UNAVAILABLE", 1);
    assertThat(service.check("FR40303265045").status()).isEqualTo(Status.UNKNOWN);
    assertThat(service.check("FR40303265045").status())
        .as("an unknown is not cached: the next order asks again")
        .isEqualTo(Status.INVALID);
    assertThat(service.check("FR40303265045").status()).isEqualTo(Status.INVALID);
    assertThat(requests("40303265045")).isEqualTo(2);
  }

  private static void register(
      String country, String number, boolean valid, String name, String address) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("countryCode", country);
    body.put("vatNumber", number);
    body.put("valid", valid);
    if (name != null) {
      body.put("name", name);
      body.put("address", address);
    }
    assertThat(Http.post(root + "/admin/numbers", body).status()).isEqualTo(201);
  }

  /** An outage; for DELAY {@code n} is the delay in ms, else how many answers it spoils. */
  private static void outage(String country, String error, Integer n) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("countryCode", country);
    body.put("error", error);
    if ("DELAY".equals(error)) {
      body.put("delayMillis", n);
      body.put("times", 1);
    } else {
      body.put("times", n == null ? 1 : n);
    }
    assertThat(Http.post(root + "/admin/outages", body).status()).isEqualTo(201);
  }

  private static int requests(String number) {
    return Http.get(root + "/admin/requests/count?vatNumber=" + number)
        .json()
        .path("count")
        .asInt();
  }

  private static Map<String, String> lastRequest() {
    var all = Http.get(root + "/admin/requests").json();
    var last = all.get(all.size() - 1);
    return Map.of(
        "requesterMemberStateCode", last.path("requesterMemberStateCode").asString(""),
        "requesterNumber", last.path("requesterNumber").asString(""));
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void move(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}

package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exact's call limits (reference §3.1, §3.4, §3.5, §10.8) with small knob values: 5 calls per clock
 * minute and 8 per UTC day per app and division. Every division call carries the six headers in
 * epoch milliseconds; a 429 carries only the headers of the exhausted window.
 */
class LimitsConformanceIT {

  private static final List<String> ALL_SIX =
      List.of(
          "x-ratelimit-limit",
          "x-ratelimit-minutely-limit",
          "x-ratelimit-minutely-remaining",
          "x-ratelimit-minutely-reset",
          "x-ratelimit-remaining",
          "x-ratelimit-reset");
  private static final List<String> MINUTELY =
      List.of(
          "x-ratelimit-minutely-limit",
          "x-ratelimit-minutely-remaining",
          "x-ratelimit-minutely-reset");
  private static final List<String> DAILY =
      List.of("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset");

  private static Sandbox sandbox;
  private Sandbox.Setup s;
  private Instant start;
  private String journals;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(Map.of("sandbox.exact.minutely-limit", 5, "sandbox.exact.daily-limit", 8));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    s = sandbox.setup("NL", "BE");
    start = sandbox.now();
    journals = s.api("financial/Journals");
  }

  @Test
  void everyDivisionCallCarriesAllSixHeadersInEpochMillis() {
    long minuteReset = start.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60).toEpochMilli();
    long dayReset =
        start
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .toEpochMilli();

    Sandbox.Response first = sandbox.get(journals, s.token());

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.rateLimitHeaders()).containsExactlyElementsOf(ALL_SIX);
    assertThat(first.header("X-RateLimit-Limit")).hasValue("8");
    assertThat(first.header("X-RateLimit-Remaining")).hasValue("7");
    assertThat(first.header("X-RateLimit-Reset")).hasValue(Long.toString(dayReset));
    assertThat(first.header("X-RateLimit-Minutely-Limit")).hasValue("5");
    assertThat(first.header("X-RateLimit-Minutely-Remaining")).hasValue("4");
    assertThat(first.header("X-RateLimit-Minutely-Reset")).hasValue(Long.toString(minuteReset));

    // also on errors
    Sandbox.Response error = sandbox.get(s.api("crm/Accounts"), s.token());
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.rateLimitHeaders()).containsExactlyElementsOf(ALL_SIX);
    assertThat(error.header("X-RateLimit-Minutely-Remaining")).hasValue("3");
  }

  @Test
  void callAfterTheMinutelyLimitIs429WithOnlyTheMinutelyHeaders() {
    for (int i = 4; i >= 0; i--) {
      Sandbox.Response ok = sandbox.get(journals, s.token());
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("X-RateLimit-Minutely-Remaining")).hasValue(Integer.toString(i));
    }

    Sandbox.Response refused = sandbox.get(journals, s.token());

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.rateLimitHeaders()).containsExactlyElementsOf(MINUTELY);
    assertThat(refused.header("X-RateLimit-Minutely-Remaining")).hasValue("0");
    assertThat(refused.header("X-RateLimit-Minutely-Reset"))
        .hasValue(
            Long.toString(start.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60).toEpochMilli()));
    assertThat(refused.header("Retry-After")).isEmpty();
    assertThat(refused.json().path("error").path("message").has("value")).isTrue();

    // the fixed window ends at the clock minute
    sandbox.advance(59);
    Sandbox.Response next = sandbox.get(journals, s.token());
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.header("X-RateLimit-Minutely-Remaining")).hasValue("4");
    assertThat(next.header("X-RateLimit-Remaining")).hasValue("2");
  }

  @Test
  void exhaustedDayIs429WithOnlyTheDailyHeadersUntilMidnightUtc() {
    for (int i = 0; i < 5; i++) {
      assertThat(sandbox.get(journals, s.token()).status()).isEqualTo(200);
    }
    sandbox.advance(60);
    for (int i = 2; i >= 0; i--) {
      Sandbox.Response ok = sandbox.get(journals, s.token());
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("X-RateLimit-Remaining")).hasValue(Integer.toString(i));
    }

    Sandbox.Response refused = sandbox.get(journals, s.token());

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.rateLimitHeaders()).containsExactlyElementsOf(DAILY);
    assertThat(refused.header("X-RateLimit-Remaining")).hasValue("0");
    Instant midnight =
        start
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    assertThat(refused.header("X-RateLimit-Reset"))
        .hasValue(Long.toString(midnight.toEpochMilli()));

    // still refused in the next minute; free again after 00:00 UTC
    sandbox.advance(120);
    assertThat(sandbox.get(journals, s.token()).status()).isEqualTo(429);
    Instant now = sandbox.now();
    sandbox.advance(ChronoUnit.SECONDS.between(now, midnight) + 1);
    String token = sandbox.token(Sandbox.CLIENT, Sandbox.USER);
    Sandbox.Response newDay = sandbox.get(journals, token);
    assertThat(newDay.status()).isEqualTo(200);
    assertThat(newDay.header("X-RateLimit-Remaining")).hasValue("7");
  }

  @Test
  void eachDivisionAndEachAppHasItsOwnBudget() {
    for (int i = 0; i < 5; i++) {
      sandbox.get(journals, s.token());
    }
    assertThat(sandbox.get(journals, s.token()).status()).isEqualTo(429);

    Sandbox.Response otherDivision =
        sandbox.get("/api/v1/" + s.divisions().get("BE") + "/financial/Journals", s.token());
    assertThat(otherDivision.status()).isEqualTo(200);
    assertThat(otherDivision.header("X-RateLimit-Minutely-Remaining")).hasValue("4");
    assertThat(otherDivision.header("X-RateLimit-Remaining")).hasValue("7");

    sandbox.client("other-app", "x", "https://other.example/cb");
    String otherApp = sandbox.token("other-app", Sandbox.USER);
    Sandbox.Response sameDivisionOtherApp = sandbox.get(journals, otherApp);
    assertThat(sameDivisionOtherApp.status()).isEqualTo(200);
    assertThat(sameDivisionOtherApp.header("X-RateLimit-Minutely-Remaining")).hasValue("4");
  }

  @Test
  void meIsNeverLimited() {
    for (int i = 0; i < 5; i++) {
      sandbox.get(journals, s.token());
    }
    assertThat(sandbox.get(journals, s.token()).status()).isEqualTo(429);

    for (int i = 0; i < 10; i++) {
      Sandbox.Response me = sandbox.get("/api/v1/current/Me", s.token());
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.rateLimitHeaders()).isEmpty();
    }
  }
}

package koppel.connector.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import koppel.order.port.ExternalSystemException;
import org.junit.jupiter.api.Test;

class ExactErrorsTest {

  private final Clock clock = Clock.fixed(Instant.parse("2023-05-12T08:18:25Z"), ZoneOffset.UTC);

  private static ExactResponse response(int status, String body, Map<String, String> headers) {
    Map<String, List<String>> h = new java.util.HashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    return new ExactResponse(status, HttpHeaders.of(h, (a, b) -> true), body);
  }

  @Test
  void validationAs500WithEnvelopeIsPermanentWithAllMessages() {
    ExactResponse r =
        response(
            500,
            "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\","
                + "\"value\":\"Verplicht: Factuur voor\\r\\nVerplicht: Besteld door\"}}}",
            Map.of());
    ExternalSystemException e = ExactErrors.toException(r, true, "SalesInvoice", clock);
    assertThat(e).isInstanceOf(ExternalSystemException.Rejected.class);
    assertThat(e.getMessage()).isEqualTo("Verplicht: Factuur voor; Verplicht: Besteld door");
  }

  @Test
  void html500OnAWriteMeansTheOutcomeIsUnknown() {
    ExactResponse r = response(500, "<html>Service Unavailable</html>", Map.of());
    assertThat(ExactErrors.toException(r, true, "SalesInvoice", clock))
        .isInstanceOf(ExternalSystemException.OutcomeUnknown.class);
    assertThat(ExactErrors.toException(r, false, "GET", clock))
        .isInstanceOf(ExternalSystemException.Unavailable.class);
  }

  @Test
  void minutely429RetriesAtTheMinutelyReset() {
    ExactResponse r =
        response(
            429,
            "",
            Map.of(
                "X-RateLimit-Minutely-Limit",
                "60",
                "X-RateLimit-Minutely-Remaining",
                "0",
                "X-RateLimit-Minutely-Reset",
                "1683879540000"));
    ExternalSystemException e = ExactErrors.toException(r, false, "GET", clock);
    assertThat(e)
        .isInstanceOfSatisfying(
            ExternalSystemException.RateLimited.class,
            l -> assertThat(l.retryAt()).isEqualTo(Instant.parse("2023-05-12T08:19:00.250Z")));
  }

  @Test
  void daily429RetriesAtMidnightUtc() {
    ExactResponse r =
        response(
            429,
            "",
            Map.of(
                "X-RateLimit-Limit",
                "5000",
                "X-RateLimit-Remaining",
                "0",
                "X-RateLimit-Reset",
                "1683936000000"));
    ExternalSystemException e = ExactErrors.toException(r, false, "GET", clock);
    assertThat(e)
        .isInstanceOfSatisfying(
            ExternalSystemException.RateLimited.class,
            l -> assertThat(l.retryAt()).isEqualTo(Instant.parse("2023-05-13T00:00:00.250Z")));
  }

  @Test
  void noDivisionAccessAsksForAReconnect() {
    ExactResponse r =
        response(
            403,
            "{\"error\":{\"message\":{\"value\":\"Forbidden\"}}}",
            Map.of("Reason", "NoDivisionAccess"));
    assertThat(ExactErrors.toException(r, false, "GET", clock))
        .isInstanceOf(ExternalSystemException.NotAuthorized.class);
  }

  @Test
  void filterValuesAreEscaped() {
    assertThat(ODataFilter.eq("Email", "o'brien@example.be"))
        .isEqualTo("Email eq 'o''brien@example.be'");
    assertThat(ODataFilter.encode("Email eq 'a b'")).isEqualTo("Email%20eq%20%27a%20b%27");
  }
}

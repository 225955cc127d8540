package koppel.connector.exact;

import java.time.Duration;

/**
 * The connector's knobs. The refresh rule follows Exact: a token may only be refreshed 570 s after
 * it was issued, and it expires after 600 s, so Koppel refreshes in the last 30 s (with a margin).
 */
public record ExactSettings(
    String clientId,
    String clientSecret,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration minTokenAge,
    Duration refreshBeforeExpiry) {

  public static ExactSettings of(
      String clientId, String clientSecret, Duration connect, Duration request) {
    return new ExactSettings(
        clientId, clientSecret, connect, request, Duration.ofSeconds(570), Duration.ofSeconds(25));
  }
}

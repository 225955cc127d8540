package koppel.order.port;

import java.time.Instant;
import java.util.UUID;
import koppel.order.domain.BookingError;

/**
 * The link of one integration to one external system, with its secrets decrypted in memory only.
 * {@code externalId} is the KMO shop id or the Exact division.
 */
public record SystemConnection(
    UUID integrationId,
    ExternalSystem system,
    ConnectionState state,
    String baseUrl,
    String externalId,
    String accessToken,
    String refreshToken,
    String webhookSecret,
    Instant accessExpiresAt,
    Instant tokenIssuedAt,
    BookingError status,
    Instant updatedAt) {

  public enum ExternalSystem {
    KMOSHOPS,
    EXACT
  }

  /** The connection dot: green (connected), red (broken), grey (not connected yet). */
  public enum ConnectionState {
    NOT_CONNECTED,
    CONNECTED,
    BROKEN
  }

  public SystemConnection withTokens(
      String accessToken, String refreshToken, Instant accessExpiresAt, Instant issuedAt) {
    return new SystemConnection(
        integrationId,
        system,
        ConnectionState.CONNECTED,
        baseUrl,
        externalId,
        accessToken,
        refreshToken,
        webhookSecret,
        accessExpiresAt,
        issuedAt,
        null,
        updatedAt);
  }

  public SystemConnection broken(BookingError why) {
    return new SystemConnection(
        integrationId,
        system,
        ConnectionState.BROKEN,
        baseUrl,
        externalId,
        accessToken,
        refreshToken,
        webhookSecret,
        accessExpiresAt,
        tokenIssuedAt,
        why,
        updatedAt);
  }
}

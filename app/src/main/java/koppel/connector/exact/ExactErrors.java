package koppel.connector.exact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import koppel.order.port.ExternalSystemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exact's error answers, typed. Validation failures come back as 500 (sometimes 400) with the
 * envelope {"error":{"message":{"value":"Verplicht: …"}}} and are permanent; a 500 without that
 * envelope (HTML, gateway fault) means the outcome is unknown.
 */
final class ExactErrors {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ExactErrors() {}

  /** The message of Exact's error envelope, or null when the body is not one. */
  static String message(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode value = root.path("error").path("message").path("value");
      if (value.isString()) {
        return value.asString().replace("\r\n", "; ").trim();
      }
      JsonNode description = root.path("error_description");
      return description.isString() ? description.asString() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  static ExternalSystemException toException(
      ExactResponse r, boolean write, String what, Clock clock) {
    String message = message(r.body());
    String reason = r.header("Reason");
    String detail =
        (message != null ? message : "HTTP " + r.status())
            + (reason != null ? " (Reason: " + reason + ")" : "");
    return typed(r, write, what, clock, message, reason, detail).withAnswer(answer(r, reason));
  }

  /** Exact's answer word for word: the status (and Exact's Reason header), then the body. */
  static String answer(ExactResponse r, String reason) {
    String body = r.body() == null ? "" : r.body();
    return "HTTP " + r.status() + (reason != null ? " (Reason: " + reason + ")" : "") + "\n" + body;
  }

  private static ExternalSystemException typed(
      ExactResponse r,
      boolean write,
      String what,
      Clock clock,
      String message,
      String reason,
      String detail) {
    return switch (r.status()) {
      case 401 ->
          new ExternalSystemException.NotAuthorized("Exact Online refused the access token");
      case 403 ->
          reason != null && reason.contains("NoDivisionAccess")
              ? new ExternalSystemException.NotAuthorized(
                  "the Exact Online user has no access to this division")
              : new ExternalSystemException.Rejected(what + ": " + detail);
      case 404 -> new ExternalSystemException.NotFound(what + ": " + detail);
      case 429 ->
          new ExternalSystemException.RateLimited(
              "Exact Online answered 429: too many calls", retryAt(r, clock), true);
      case 400 -> new ExternalSystemException.Rejected(detail);
      default -> {
        if (r.status() >= 500 && message != null) {
          yield new ExternalSystemException.Rejected(message);
        }
        yield write
            ? new ExternalSystemException.OutcomeUnknown(what + ": HTTP " + r.status(), null)
            : new ExternalSystemException.Unavailable(what + ": HTTP " + r.status(), null);
      }
    };
  }

  /** When a 429's window ends: the exhausted window's reset header (epoch ms), else a minute. */
  static Instant retryAt(ExactResponse r, Clock clock) {
    Instant now = clock.instant();
    Instant reset = epochMillis(r.header("X-RateLimit-Minutely-Reset"));
    String minutelyRemaining = r.header("X-RateLimit-Minutely-Remaining");
    if (reset == null
        || "0".equals(r.header("X-RateLimit-Remaining"))
            && (minutelyRemaining == null || !"0".equals(minutelyRemaining))) {
      Instant daily = epochMillis(r.header("X-RateLimit-Reset"));
      reset = daily != null ? daily : reset;
    }
    if (reset == null || reset.isBefore(now)) {
      return now.plus(Duration.ofMinutes(1));
    }
    return reset.plusMillis(250);
  }

  static Instant epochMillis(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Instant.ofEpochMilli(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

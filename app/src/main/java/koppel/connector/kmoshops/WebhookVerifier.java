package koppel.connector.kmoshops;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a KMO Shops webhook: {@code X-KMO-Signature = v1=hex(HMAC-SHA256(secret, timestamp + "." +
 * raw body))}, compared in constant time, and the timestamp within the tolerance of our clock.
 */
public final class WebhookVerifier {

  private WebhookVerifier() {}

  public enum Verdict {
    OK,
    MISSING_HEADERS,
    BAD_TIMESTAMP,
    STALE_TIMESTAMP,
    BAD_SIGNATURE
  }

  public static Verdict verify(
      String secret,
      String timestampHeader,
      String signatureHeader,
      byte[] rawBody,
      Instant now,
      Duration tolerance) {
    if (secret == null || timestampHeader == null || signatureHeader == null) {
      return Verdict.MISSING_HEADERS;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.trim());
    } catch (NumberFormatException e) {
      return Verdict.BAD_TIMESTAMP;
    }
    if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
      return Verdict.STALE_TIMESTAMP;
    }
    byte[] expected =
        ("v1=" + sign(secret, timestampHeader.trim(), rawBody)).getBytes(StandardCharsets.UTF_8);
    byte[] given = signatureHeader.trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given) ? Verdict.OK : Verdict.BAD_SIGNATURE;
  }

  /** Lower-case hex HMAC-SHA256 of {@code timestamp + "." + body}. */
  public static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}

package koppel.connector.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import koppel.connector.kmoshops.WebhookVerifier.Verdict;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

  private static final byte[] BODY =
      "{\"id\":\"5b0f\",\"event\":\"order.updated\",\"orderId\":48213}"
          .getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-03T09:20:00Z");
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private static Verdict verify(String secret, long ts, String signature, byte[] body) {
    return WebhookVerifier.verify(secret, Long.toString(ts), signature, body, NOW, FIVE_MINUTES);
  }

  @Test
  void signatureOverTimestampAndRawBodyIsAccepted() {
    long ts = NOW.getEpochSecond();
    String sig = "v1=" + WebhookVerifier.sign("whsec", Long.toString(ts), BODY);
    assertThat(verify("whsec", ts, sig, BODY)).isEqualTo(Verdict.OK);
  }

  @Test
  void matchesAnIndependentlyComputedHmac() {
    // python3: hmac.new(b"secret", b"1700000000.{}", hashlib.sha256).hexdigest()
    assertThat(WebhookVerifier.sign("secret", "1700000000", "{}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
  }

  @Test
  void changedBodyOrWrongSecretIsRefused() {
    long ts = NOW.getEpochSecond();
    String sig = "v1=" + WebhookVerifier.sign("whsec", Long.toString(ts), BODY);
    byte[] changed =
        new String(BODY, StandardCharsets.UTF_8)
            .replace("48213", "48214")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(verify("whsec", ts, sig, changed)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(verify("other", ts, sig, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(verify("whsec", ts, sig.toUpperCase(), BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void timestampOutsideFiveMinutesIsRefusedEvenWithValidSignature() {
    long old = NOW.minusSeconds(301).getEpochSecond();
    String sig = "v1=" + WebhookVerifier.sign("whsec", Long.toString(old), BODY);
    assertThat(verify("whsec", old, sig, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
    long edge = NOW.minusSeconds(300).getEpochSecond();
    String edgeSig = "v1=" + WebhookVerifier.sign("whsec", Long.toString(edge), BODY);
    assertThat(verify("whsec", edge, edgeSig, BODY)).isEqualTo(Verdict.OK);
  }

  @Test
  void missingHeadersAreRefused() {
    assertThat(WebhookVerifier.verify("whsec", null, "v1=00", BODY, NOW, FIVE_MINUTES))
        .isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(WebhookVerifier.verify("whsec", "abc", "v1=00", BODY, NOW, FIVE_MINUTES))
        .isEqualTo(Verdict.BAD_TIMESTAMP);
  }
}

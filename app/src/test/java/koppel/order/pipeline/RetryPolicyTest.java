package koppel.order.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(30));
  private final Instant now = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void backsOffExponentiallyAndCapsAtSixHours() {
    assertThat(policy.nextAttempt(1, now)).isEqualTo(now.plusSeconds(30));
    assertThat(policy.nextAttempt(2, now)).isEqualTo(now.plusSeconds(90));
    assertThat(policy.nextAttempt(3, now)).isEqualTo(now.plusSeconds(270));
    assertThat(policy.nextAttempt(20, now)).isEqualTo(now.plus(Duration.ofHours(6)));
  }

  @Test
  void stopsAfterMaxAttempts() {
    assertThat(policy.mayRetry(7)).isTrue();
    assertThat(policy.mayRetry(8)).isFalse();
  }
}

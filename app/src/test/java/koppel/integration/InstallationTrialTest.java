package koppel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The trial notice: warned from seven days before the end, over at the end, none when paying. */
class InstallationTrialTest {

  static final Instant ENDS = Instant.parse("2026-12-31T10:00:00Z");

  static Integration integration(boolean subscribed) {
    return new Integration(
        UUID.randomUUID(),
        "KOP-1",
        "Shop",
        "a@b.be",
        "a@b.be",
        "BE",
        Integration.State.ACTIVE,
        LocalDate.of(2026, 12, 1),
        ENDS,
        ENDS.minus(Duration.ofDays(30)),
        UUID.randomUUID(),
        subscribed,
        null,
        null);
  }

  @Test
  void quietUntilSevenDaysBeforeTheEnd() {
    Installation.Trial t =
        Installation.trial(integration(false), ENDS.minus(Duration.ofDays(7)).minusSeconds(1));
    assertThat(t.ending()).isFalse();
    assertThat(t.over()).isFalse();
  }

  @Test
  void endingInTheLastSevenDays() {
    Installation.Trial t =
        Installation.trial(integration(false), ENDS.minus(Duration.ofDays(7)).plusSeconds(1));
    assertThat(t.ending()).isTrue();
    assertThat(t.over()).isFalse();
    assertThat(integration(false).mayRun(ENDS.minusSeconds(1))).isTrue();
  }

  @Test
  void overAtTheEndAndOrdersWait() {
    Installation.Trial t = Installation.trial(integration(false), ENDS);
    assertThat(t.over()).isTrue();
    assertThat(t.ending()).isFalse();
    assertThat(integration(false).mayRun(ENDS)).isFalse();
  }

  @Test
  void aSubscriptionSilencesTheNoticeAndKeepsBooking() {
    Installation.Trial t = Installation.trial(integration(true), ENDS.plus(Duration.ofDays(90)));
    assertThat(t.over()).isFalse();
    assertThat(t.ending()).isFalse();
    assertThat(integration(true).mayRun(ENDS.plus(Duration.ofDays(90)))).isTrue();
  }
}

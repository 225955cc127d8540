package koppel.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The pure rules of the account: sign-up fields, passwords, and when a trial e-mail is due. */
class AccountRulesTest {

  @Test
  void aSignUpNamesEveryWrongFieldInTheFormsOrder() {
    assertThat(SignupRules.check(new SignupRules.Form(" ", "jan@shop", "US", false)))
        .containsExactly(
            java.util.Map.entry("name", "signup.error.name.missing"),
            java.util.Map.entry("email", "signup.error.email.invalid"),
            java.util.Map.entry("country", "signup.error.country"),
            java.util.Map.entry("terms", "signup.error.terms"));
    assertThat(SignupRules.check(new SignupRules.Form("Fietsen", " Jan@Shop.be ", "BE", true)))
        .isEmpty();
    assertThat(SignupRules.email(" Jan@Shop.BE ")).isEqualTo("jan@shop.be");
    assertThat(SignupRules.nameKey("  Fietsen   Janssens ")).isEqualTo("fietsen janssens");
  }

  @Test
  void belgiumAndTheNetherlandsComeFirstThenTheOthersByNameInTheLanguage() {
    var nl = SignupRules.countries(Locale.forLanguageTag("nl"));
    assertThat(nl.get(0).name()).isEqualTo("België");
    assertThat(nl.get(1).name()).isEqualTo("Nederland");
    assertThat(nl.get(2).code()).isEqualTo("BG"); // Bulgarije
  }

  @Test
  void aPasswordIsLongEnoughTypedTwiceAndNotTheLogin() {
    assertThat(PasswordRules.check("short", "short", "jan")).contains("password.error.short");
    assertThat(PasswordRules.check("jan@shop.be", "jan@shop.be", "jan@shop.be"))
        .contains("password.error.username");
    assertThat(PasswordRules.check("a long sentence", "a long sentense", "jan"))
        .contains("password.error.mismatch");
    assertThat(PasswordRules.check("a long sentence", "a long sentence", "jan")).isEmpty();
    String generated = PasswordRules.generate(new SecureRandom());
    assertThat(generated).matches("[a-zA-Z2-9]{5}-[a-zA-Z2-9]{5}-[a-zA-Z2-9]{5}");
    assertThat(generated).doesNotContainAnyWhitespaces().doesNotContain("0", "O", "l", "1", "I");
  }

  @Test
  void theFirstTrialMailIsDueInTheLastWeekTheSecondFromTheLastDayOnForAWeek() {
    Instant ends = Instant.parse("2026-12-20T10:00:00Z");
    LocalDate endDay = LocalDate.of(2026, 12, 20);
    assertThat(TrialNotices.due(ends, endDay, Instant.parse("2026-12-12T10:00:00Z"), day(12)))
        .isNull();
    assertThat(TrialNotices.due(ends, endDay, Instant.parse("2026-12-13T10:00:00Z"), day(13)))
        .isEqualTo(TrialNoticeStore.Kind.ENDING);
    assertThat(TrialNotices.due(ends, endDay, Instant.parse("2026-12-19T23:00:00Z"), day(19)))
        .isEqualTo(TrialNoticeStore.Kind.ENDING);
    assertThat(TrialNotices.due(ends, endDay, Instant.parse("2026-12-20T06:00:00Z"), day(20)))
        .isEqualTo(TrialNoticeStore.Kind.ENDED);
    assertThat(TrialNotices.due(ends, endDay, Instant.parse("2026-12-26T10:00:00Z"), day(26)))
        .isEqualTo(TrialNoticeStore.Kind.ENDED);
    assertThat(TrialNotices.due(ends, endDay, Instant.parse("2026-12-28T10:00:00Z"), day(28)))
        .isNull();
  }

  @Test
  void theTrialMailsRunEveryMorningOnTheBelgianClock() {
    var task =
        new TrialNotices(null, null, null, null, null, null, "DAILY|08:00|Europe/Brussels").task();
    assertThat(task.getName()).isEqualTo("trial-notices");
    assertThat(
            com.github.kagkarlsson.scheduler.task.schedule.Schedules.parseSchedule(
                    "DAILY|08:00|Europe/Brussels")
                .getNextExecutionTime(
                    com.github.kagkarlsson.scheduler.task.ExecutionComplete.simulatedSuccess(
                        Instant.parse("2026-12-20T06:00:00Z"))))
        .isEqualTo(Instant.parse("2026-12-20T07:00:00Z"));
  }

  private static LocalDate day(int d) {
    return LocalDate.of(2026, 12, d);
  }
}

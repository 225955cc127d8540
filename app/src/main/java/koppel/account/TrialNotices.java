package koppel.account;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import koppel.integration.Integration;
import koppel.integration.IntegrationStore;
import koppel.integration.Login;
import koppel.integration.LoginStore;
import koppel.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells the merchant ahead that the trial ends: one e-mail in the last seven days before the day it
 * ends, one on that day (the shop's calendar). Each is recorded in {@code trial_notice} and never
 * sent twice, however often the job runs and on however many nodes. A run that was missed catches
 * up: the second mail still goes out up to {@link #LATE} after the end. Integrations with an active
 * subscription, stopped ones and keys removed from their login get none.
 */
@Component
public class TrialNotices {

  private static final Logger log = LoggerFactory.getLogger(TrialNotices.class);

  static final int DAYS_AHEAD = 7;
  static final Duration LATE = Duration.ofDays(7);

  private final IntegrationStore integrations;
  private final LoginStore logins;
  private final TrialNoticeStore notices;
  private final AccountMails mails;
  private final Outbox outbox;
  private final Clock clock;
  private final String schedule;

  TrialNotices(
      IntegrationStore integrations,
      LoginStore logins,
      TrialNoticeStore notices,
      AccountMails mails,
      Outbox outbox,
      Clock clock,
      @Value("${koppel.trial.notice-schedule:DAILY|08:00|Europe/Brussels}") String schedule) {
    this.integrations = integrations;
    this.logins = logins;
    this.notices = notices;
    this.mails = mails;
    this.outbox = outbox;
    this.clock = clock;
    this.schedule = schedule;
  }

  public RecurringTask<Void> task() {
    return Tasks.recurring("trial-notices", Schedules.parseSchedule(schedule))
        .execute((instance, context) -> run());
  }

  /** Which notice is due for a trial ending at {@code endsAt}, on {@code today}, if any. */
  static TrialNoticeStore.Kind due(Instant endsAt, LocalDate endDay, Instant now, LocalDate today) {
    if (today.isBefore(endDay) && !today.isBefore(endDay.minusDays(DAYS_AHEAD))) {
      return TrialNoticeStore.Kind.ENDING;
    }
    if (!today.isBefore(endDay) && now.isBefore(endsAt.plus(LATE))) {
      return TrialNoticeStore.Kind.ENDED;
    }
    return null;
  }

  /** Sends the notices that are due; returns how many mails it wrote. */
  public int run() {
    Instant now = clock.instant();
    Map<UUID, Set<UUID>> visible = new HashMap<>();
    Map<UUID, Login> owners = new HashMap<>();
    int sent = 0;
    for (Integration i : integrations.all()) {
      if (i.subscriptionActive() || i.trialEndsAt() == null || i.isStopped()) {
        continue;
      }
      LocalDate endDay = i.trialEndsAt().atZone(i.zone()).toLocalDate();
      TrialNoticeStore.Kind kind =
          due(i.trialEndsAt(), endDay, now, now.atZone(i.zone()).toLocalDate());
      if (kind == null) {
        continue;
      }
      if (i.loginId() != null) {
        Set<UUID> own =
            visible.computeIfAbsent(
                i.loginId(),
                l ->
                    logins.integrations(l).stream()
                        .map(Integration::id)
                        .collect(Collectors.toSet()));
        if (!own.contains(i.id())) {
          continue; // removed from the switcher: stale
        }
      }
      if (!notices.claim(i.id(), kind, now)) {
        continue; // sent before
      }
      try {
        Login owner =
            i.loginId() == null
                ? null
                : owners.computeIfAbsent(i.loginId(), l -> logins.findById(l).orElse(null));
        var locale = AccountMails.localeOf(owner);
        UUID mail =
            outbox.send(
                kind == TrialNoticeStore.Kind.ENDING
                    ? mails.trialEnding(i, locale)
                    : mails.trialEnded(i, !now.isBefore(i.trialEndsAt()), locale));
        notices.mailed(i.id(), kind, mail);
        sent++;
        log.info("integration={} trial notice {} written (mail {})", i.id(), kind, mail);
      } catch (RuntimeException e) {
        notices.release(i.id(), kind);
        log.warn("integration={} trial notice {} not written: {}", i.id(), kind, e.toString());
      }
    }
    return sent;
  }
}

package koppel.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import koppel.mail.Mail;
import koppel.mail.MailStore;
import koppel.mail.Outbox;
import koppel.mail.StoredMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The outbox: a mail is stored and queued ({@code send-mail}, one task per mail), then sent through
 * the SMTP server of {@code spring.mail.host}. A refusal or an unreachable server is retried with a
 * growing pause (30 s, 45 s, …) up to 20 times; the last error stays on the row. Without a
 * configured server the mail waits in the outbox with that reason.
 */
@Component
public class MailOutboxJob implements Outbox {

  private static final Logger log = LoggerFactory.getLogger(MailOutboxJob.class);

  public static final TaskDescriptor<String> SEND_MAIL =
      TaskDescriptor.of("send-mail", String.class);

  private final MailStore store;
  private final SchedulerClient scheduler;
  private final ObjectProvider<JavaMailSender> sender;
  private final Clock clock;
  private final String from;
  private final Duration firstRetry;

  MailOutboxJob(
      MailStore store,
      @Lazy SchedulerClient scheduler,
      ObjectProvider<JavaMailSender> sender,
      Clock clock,
      @Value("${koppel.mail.from:Koppel <no-reply@koppel.example>}") String from,
      @Value("${koppel.mail.first-retry:30s}") Duration firstRetry) {
    this.firstRetry = firstRetry;
    this.store = store;
    this.scheduler = scheduler;
    this.sender = sender;
    this.clock = clock;
    this.from = from;
  }

  public OneTimeTask<String> task() {
    return Tasks.oneTime(SEND_MAIL)
        .onFailure(
            new FailureHandler.MaxRetriesFailureHandler<>(
                20, new FailureHandler.ExponentialBackoffFailureHandler<>(firstRetry)))
        .execute((instance, context) -> deliver(UUID.fromString(instance.getData())));
  }

  @Override
  public UUID send(Mail mail) {
    UUID id = UUID.randomUUID();
    store.add(id, mail, clock.instant());
    scheduler.scheduleIfNotExists(
        SEND_MAIL.instance(id.toString()).data(id.toString()).scheduledTo(clock.instant()));
    return id;
  }

  /** Sends one stored mail; throws (and so is retried) while the server does not take it. */
  void deliver(UUID id) {
    StoredMail stored = store.find(id).orElse(null);
    if (stored == null || stored.sentAt() != null) {
      return;
    }
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      store.failed(id, "No mail server configured (spring.mail.host)");
      throw new IllegalStateException("No mail server configured; mail " + id + " waits");
    }
    Mail mail = stored.mail();
    try {
      MimeMessage message = smtp.createMimeMessage();
      MimeMessageHelper m = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
      m.setFrom(from);
      m.setTo(mail.to());
      m.setSubject(mail.subject());
      if (mail.html() != null) {
        m.setText(mail.text(), mail.html());
      } else {
        m.setText(mail.text());
      }
      smtp.send(message);
    } catch (MailException | MessagingException e) {
      store.failed(id, e.getMessage());
      log.warn("mail {} ({}) to {} not sent yet: {}", id, mail.kind(), mail.to(), e.getMessage());
      throw new IllegalStateException("Mail " + id + " not sent: " + e.getMessage(), e);
    }
    store.sent(id, clock.instant());
    log.info("mail {} ({}) sent to {}", id, mail.kind(), mail.to());
  }
}

package koppel.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import koppel.integration.Integration;
import koppel.integration.IntegrationStore;
import koppel.integration.Login;
import koppel.integration.LoginStore;
import koppel.mail.Mail;
import koppel.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The daily digest of new errors. Checked regularly (see the task in SchedulerConfig); for each
 * integration it is due once a day, at {@code koppel.digest.time} on the shop's calendar. It mails
 * the owner (the login's e-mail address) and the extra notification address the orders that failed
 * and were not reported yet — code, words, order number and a link to the Errors tab — and sends
 * nothing when there are none.
 */
@Service
public class DailyDigest {

  private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

  /** At most this many orders are listed one by one; the rest is counted. */
  static final int LISTED = 50;

  private final IntegrationStore integrations;
  private final LoginStore logins;
  private final DigestStore store;
  private final Outbox outbox;
  private final MessageSource messages;
  private final Clock clock;
  private final LocalTime time;
  private final String publicUrl;

  DailyDigest(
      IntegrationStore integrations,
      LoginStore logins,
      DigestStore store,
      Outbox outbox,
      MessageSource messages,
      Clock clock,
      @Value("${koppel.digest.time:07:00}") LocalTime time,
      @Value("${koppel.public-url:http://localhost:8080}") String publicUrl) {
    this.integrations = integrations;
    this.logins = logins;
    this.store = store;
    this.outbox = outbox;
    this.messages = messages;
    this.clock = clock;
    this.time = time;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** Runs the digest of every integration that is due now; returns how many e-mails were sent. */
  public int run() {
    return runAt(clock.instant());
  }

  /** As {@link #run()}, for the moment {@code now}. */
  public int runAt(Instant now) {
    int sent = 0;
    for (Integration i : integrations.all()) {
      try {
        sent += runFor(i, now);
      } catch (RuntimeException e) {
        log.error("integration={} digest failed", i.id(), e);
      }
    }
    return sent;
  }

  /** The latest digest moment at or before {@code now} on the shop's calendar. */
  Instant lastDue(ZoneId zone, Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime today = local.toLocalDate().atTime(time).atZone(zone);
    return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
  }

  private int runFor(Integration integration, Instant now) {
    Instant due = lastDue(integration.zone(), now);
    Instant since = store.lastRun(integration.id()).orElse(integration.createdAt());
    if (since != null && !since.isBefore(due)) {
      return 0; // ran since the last digest moment, or created after it
    }
    List<DigestStore.Failure> failures = store.unreported(integration.id());
    if (failures.isEmpty()) {
      store.ran(integration.id(), now, failures, false);
      return 0;
    }
    Login login =
        integration.loginId() == null ? null : logins.findById(integration.loginId()).orElse(null);
    Set<String> to = new LinkedHashSet<>();
    to.add(login != null && login.email() != null ? login.email() : integration.ownerEmail());
    if (integration.notificationEmail() != null && !integration.notificationEmail().isBlank()) {
      to.add(integration.notificationEmail());
    }
    Locale locale =
        Locale.forLanguageTag(login != null && "nl".equals(login.language()) ? "nl" : "en");
    int sent = 0;
    for (String address : to) {
      if (address != null && address.contains("@")) {
        outbox.send(mail(address, integration, failures, locale));
        sent++;
      }
    }
    store.ran(integration.id(), now, failures, true);
    log.info(
        "integration={} digest: {} new errors sent to {} addresses",
        integration.id(),
        failures.size(),
        sent);
    return sent;
  }

  private Mail mail(
      String to, Integration integration, List<DigestStore.Failure> failures, Locale locale) {
    String link = publicUrl + "/dashboard/errors?integration=" + integration.id();
    String subject = msg("digest.subject", locale, failures.size(), integration.name());
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    text.append(msg("digest.intro", locale, failures.size(), integration.name())).append("\n\n");
    html.append("<p>")
        .append(esc(msg("digest.intro", locale, failures.size(), integration.name())))
        .append("</p><table cellpadding=\"6\" style=\"border-collapse:collapse\"><tr>")
        .append("<th align=\"left\">")
        .append(esc(msg("digest.order", locale)))
        .append("</th><th align=\"left\">")
        .append(esc(msg("digest.code", locale)))
        .append("</th><th align=\"left\">")
        .append(esc(msg("digest.message", locale)))
        .append("</th></tr>");
    List<DigestStore.Failure> listed =
        new ArrayList<>(failures.subList(0, Math.min(LISTED, failures.size())));
    for (DigestStore.Failure f : listed) {
      String number = f.orderNumber() == null ? "#" + f.shopOrderId() : f.orderNumber();
      text.append("- ")
          .append(msg("digest.order", locale))
          .append(' ')
          .append(number)
          .append(" · ")
          .append(f.code())
          .append(": ")
          .append(f.message() == null ? "" : f.message())
          .append('\n');
      html.append("<tr><td>")
          .append(esc(number))
          .append("</td><td><code>")
          .append(esc(f.code()))
          .append("</code></td><td>")
          .append(esc(f.message() == null ? "" : f.message()))
          .append("</td></tr>");
    }
    html.append("</table>");
    if (failures.size() > listed.size()) {
      String more = msg("digest.more", locale, failures.size() - listed.size());
      text.append(more).append('\n');
      html.append("<p>").append(esc(more)).append("</p>");
    }
    String open = msg("digest.open", locale);
    text.append('\n').append(open).append(' ').append(link).append("\n\n");
    text.append(msg("digest.footer", locale)).append('\n');
    html.append("<p><a href=\"")
        .append(esc(link))
        .append("\">")
        .append(esc(open))
        .append("</a></p><p style=\"color:#555\">")
        .append(esc(msg("digest.footer", locale)))
        .append("</p>");
    return new Mail(to, subject, text.toString(), html.toString(), "DIGEST", integration.id());
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s);
  }
}

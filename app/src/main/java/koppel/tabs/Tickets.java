package koppel.tabs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.mail.Mail;
import koppel.mail.Outbox;
import koppel.order.domain.BookingError;
import koppel.order.port.EventLog;
import koppel.order.port.OrderSync;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Tickets to support: "Report problem" on a failed order and "Ask us". Each is stored with
 * everything support needs and e-mailed to support through the outbox in the same transaction.
 */
@Service
public class Tickets {

  /** The longest note or question kept. */
  public static final int MAX_TEXT = 5000;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TicketStore store;
  private final OrderTabs tabs;
  private final Outbox outbox;
  private final Clock clock;
  private final String supportEmail;

  Tickets(
      TicketStore store,
      OrderTabs tabs,
      Outbox outbox,
      Clock clock,
      @Value("${koppel.support.email:support@koppel.example}") String supportEmail) {
    this.store = store;
    this.tabs = tabs;
    this.outbox = outbox;
    this.clock = clock;
    this.supportEmail = supportEmail;
  }

  /** A problem with one order; empty when the integration has no such order. */
  public Optional<Ticket> reportProblem(
      Integration integration, long shopOrderId, String note, String by) {
    return tabs.details(integration, shopOrderId)
        .map(
            d -> {
              OrderSync o = d.row().order();
              BookingError error = o.error();
              ZoneId zone = integration.zone();
              StringBuilder s = new StringBuilder();
              head(s, integration, by);
              s.append("Order: ")
                  .append(o.orderNumber() == null ? "" : o.orderNumber())
                  .append(" (shop order id ")
                  .append(o.key().shopOrderId())
                  .append(")\nState: ")
                  .append(o.state())
                  .append('\n');
              if (error != null) {
                s.append("Code: ")
                    .append(error.code())
                    .append("\nMessage: ")
                    .append(error.message())
                    .append("\nResolution: ")
                    .append(error.resolution())
                    .append('\n');
              }
              s.append("\nHistory:\n");
              for (EventLog.Entry e : d.history()) {
                s.append(WHEN.format(e.at().atZone(zone)))
                    .append("  ")
                    .append(e.kind())
                    .append("  ")
                    .append(e.message())
                    .append('\n');
              }
              if (d.answer() != null) {
                s.append("\nWhat the other system answered:\n").append(d.answer()).append('\n');
              }
              String subject =
                  "Problem with order "
                      + (o.orderNumber() == null ? o.key().shopOrderId() : o.orderNumber())
                      + (error == null ? "" : " (" + error.code() + ")");
              return save(
                  integration,
                  o.key().shopOrderId(),
                  o.orderNumber(),
                  error == null ? null : error.code(),
                  subject,
                  clip(note),
                  s.toString(),
                  by);
            });
  }

  /** A question from "Ask us". */
  public Ticket ask(Integration integration, String subject, String question, String by) {
    StringBuilder s = new StringBuilder();
    head(s, integration, by);
    return save(
        integration,
        null,
        null,
        null,
        subject == null || subject.isBlank() ? "Question" : clip(subject.strip()),
        clip(question),
        s.toString(),
        by);
  }

  private Ticket save(
      Integration integration,
      Long shopOrderId,
      String orderNumber,
      String code,
      String subject,
      String remark,
      String snapshot,
      String by) {
    Instant now = clock.instant();
    Ticket t =
        store.save(
            new Ticket(
                UUID.randomUUID(),
                0,
                integration.id(),
                shopOrderId,
                orderNumber,
                code,
                subject,
                remark,
                snapshot,
                by,
                now));
    String text =
        "Ticket #"
            + t.number()
            + ": "
            + subject
            + "\n\nThe merchant wrote:\n"
            + (remark == null || remark.isBlank() ? "(nothing)" : remark)
            + "\n\n"
            + snapshot;
    outbox.send(
        new Mail(
            supportEmail,
            "[Koppel #" + t.number() + "] " + subject,
            text,
            null,
            "TICKET",
            integration.id()));
    return t;
  }

  private static void head(StringBuilder s, Integration integration, String by) {
    s.append("Integration: ")
        .append(integration.name())
        .append(" (")
        .append(integration.id())
        .append(")\nLicence key: ")
        .append(integration.licenceKey())
        .append("\nOwner: ")
        .append(integration.ownerEmail())
        .append("\nSent by login: ")
        .append(by)
        .append("\n\n");
  }

  private static String clip(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT);
  }
}

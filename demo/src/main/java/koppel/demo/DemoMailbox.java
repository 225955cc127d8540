package koppel.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The demo's mail server and mailbox: every e-mail Koppel sends (installation, password reset,
 * tickets, the daily digest) goes to a real SMTP server in this JVM (GreenMail) and is shown,
 * newest first, on a small web page — so the sign-up can be followed from the form to the
 * installation link without a real mailbox.
 */
final class DemoMailbox implements AutoCloseable {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Brussels"));

  private final GreenMail smtp;
  private final HttpServer web;
  final int smtpPort;
  final String url;

  DemoMailbox(int smtpPort, int webPort) throws IOException {
    this.smtpPort = smtpPort;
    this.smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    this.web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
    web.createContext("/", this::page);
    web.start();
    this.url = "http://localhost:" + webPort;
  }

  /** What the mailbox holds, newest first. */
  MimeMessage[] messages() {
    MimeMessage[] all = smtp.getReceivedMessages();
    MimeMessage[] newestFirst = new MimeMessage[all.length];
    for (int i = 0; i < all.length; i++) {
      newestFirst[i] = all[all.length - 1 - i];
    }
    return newestFirst;
  }

  private void page(HttpExchange exchange) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append(
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="10">
        <title>Demo mailbox · Koppel</title>
        <style>
          body{font-family:system-ui,sans-serif;margin:0;background:#f3f5f8;color:#1b2430}
          header{background:#17365d;color:#fff;padding:.8rem 1.25rem}
          main{max-width:60rem;margin:0 auto;padding:1.25rem}
          article{background:#fff;border:1px solid #d9dee6;border-radius:8px;margin:0 0 1rem;padding:1rem 1.25rem}
          h2{font-size:1.1rem;margin:0 0 .4rem} .meta{color:#4a5566;font-size:.9rem;margin:0 0 .6rem}
          pre{white-space:pre-wrap;background:#f6f7f9;border:1px solid #d9dee6;border-radius:6px;padding:.6rem}
          iframe{width:100%;height:22rem;border:1px solid #d9dee6;border-radius:6px;background:#fff}
          details{margin-top:.5rem}
        </style></head><body>
        <header><strong>Demo mailbox</strong> — every e-mail Koppel sent in this demo</header><main>
        """);
    MimeMessage[] messages = messages();
    if (messages.length == 0) {
      html.append("<p>No e-mail yet. Sign up for a trial on Koppel's /signup page, or ask for a")
          .append(" password reset, and the e-mail appears here.</p>");
    }
    for (MimeMessage m : messages) {
      try {
        html.append("<article><h2>")
            .append(escape(m.getSubject()))
            .append("</h2><p class=\"meta\">To ")
            .append(escape(addresses(m.getAllRecipients())))
            .append(" · from ")
            .append(escape(addresses(m.getFrom())))
            .append(" · ")
            .append(m.getSentDate() == null ? "" : WHEN.format(m.getSentDate().toInstant()))
            .append("</p>");
        String text = part(m, "text/plain");
        String rich = part(m, "text/html");
        if (rich != null) {
          html.append("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" title=\"")
              .append(escape(m.getSubject()))
              .append("\" srcdoc=\"")
              .append(escape(rich.replace("<a ", "<a target=\"_blank\" ")))
              .append("\"></iframe>");
          if (text != null) {
            html.append("<details><summary>Plain text</summary><pre>")
                .append(linked(text))
                .append("</pre></details>");
          }
        } else {
          html.append("<pre>").append(linked(text == null ? "" : text)).append("</pre>");
        }
        html.append("</article>");
      } catch (MessagingException e) {
        html.append("<article><p>An e-mail that could not be read: ")
            .append(escape(e.getMessage()))
            .append("</p></article>");
      }
    }
    html.append("</main></body></html>");
    byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The first part of this type, searched through multiparts; null when there is none. */
  static String part(Part p, String type) throws MessagingException {
    try {
      if (p.isMimeType(type)) {
        return p.getContent().toString();
      }
      if (p.isMimeType("multipart/*")) {
        Multipart mp = (Multipart) p.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart b = mp.getBodyPart(i);
          String found = part(b, type);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (IOException e) {
      throw new MessagingException("unreadable part", e);
    }
  }

  private static String addresses(Address[] a) {
    return a == null
        ? ""
        : Arrays.stream(a).map(Address::toString).collect(Collectors.joining(", "));
  }

  private static String linked(String text) {
    return escape(text)
        .replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\" target=\"_blank\">$1</a>");
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public void close() {
    web.stop(0);
    smtp.stop();
  }
}

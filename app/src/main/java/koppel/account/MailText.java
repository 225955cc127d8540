package koppel.account;

import java.util.List;

/**
 * One e-mail written once and given as plain text (every client reads it) and as simple HTML:
 * paragraphs, labelled values, numbered steps and links. Everything is escaped for the HTML.
 */
final class MailText {

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder html = new StringBuilder();

  MailText() {
    html.append(
        "<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;"
            + "font-size:15px;line-height:1.5;color:#1b2430;max-width:36rem\">");
  }

  MailText heading(String s) {
    text.append(s).append("\n\n");
    html.append("<h2 style=\"font-size:18px;color:#17365d\">").append(esc(s)).append("</h2>");
    return this;
  }

  MailText para(String s) {
    text.append(s).append("\n\n");
    html.append("<p>").append(esc(s)).append("</p>");
    return this;
  }

  /** A link on a line of its own, the URL written out in the text. */
  MailText link(String label, String url) {
    text.append(label).append(":\n").append(url).append("\n\n");
    html.append("<p><a href=\"")
        .append(esc(url))
        .append(
            "\" style=\"display:inline-block;background:#1f5fbf;color:#fff;"
                + "padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:bold\">")
        .append(esc(label))
        .append("</a><br><span style=\"font-size:13px;color:#4a5566\">")
        .append(esc(url))
        .append("</span></p>");
    return this;
  }

  /** Labelled values, e.g. the login and password. */
  MailText values(List<String[]> rows) {
    html.append("<table style=\"border-collapse:collapse;margin:0 0 12px\">");
    for (String[] r : rows) {
      text.append(r[0]).append(": ").append(r[1]).append('\n');
      html.append("<tr><td style=\"padding:2px 12px 2px 0;color:#4a5566\">")
          .append(esc(r[0]))
          .append("</td><td style=\"padding:2px 0;font-family:Consolas,Menlo,monospace\">")
          .append(esc(r[1]))
          .append("</td></tr>");
    }
    text.append('\n');
    html.append("</table>");
    return this;
  }

  MailText steps(List<String> steps) {
    html.append("<ol>");
    int n = 1;
    for (String s : steps) {
      text.append(n++).append(". ").append(s).append('\n');
      html.append("<li style=\"margin-bottom:6px\">").append(esc(s)).append("</li>");
    }
    text.append('\n');
    html.append("</ol>");
    return this;
  }

  String text() {
    return text.toString().stripTrailing() + "\n";
  }

  String html() {
    return html + "</body></html>";
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}

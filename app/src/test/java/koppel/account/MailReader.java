package koppel.account;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a merchant reads in a received mail: its plain-text and HTML parts. */
final class MailReader {

  private MailReader() {}

  static String text(Part part) throws Exception {
    return find(part, "text/plain");
  }

  static String html(Part part) throws Exception {
    return find(part, "text/html");
  }

  private static String find(Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multi) {
      for (int i = 0; i < multi.getCount(); i++) {
        BodyPart p = multi.getBodyPart(i);
        String found = find(p, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The first group of the pattern in the text; fails when it is not there. */
  static String match(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new AssertionError("no " + regex + " in:\n" + text);
    }
    return m.group(1);
  }
}

package koppel.mail;

import java.util.Objects;
import java.util.UUID;

/**
 * One e-mail: plain text always (every client reads it), HTML optionally. {@code kind} says what it
 * is for (INSTALLATION, PASSWORD_RESET, TICKET, DIGEST, …); {@code integrationId} whose it is, or
 * null.
 */
public record Mail(
    String to, String subject, String text, String html, String kind, UUID integrationId) {

  public Mail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    if (to.isBlank() || !to.contains("@")) {
      throw new IllegalArgumentException("Not an e-mail address: '" + to + "'");
    }
  }
}

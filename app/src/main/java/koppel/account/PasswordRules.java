package koppel.account;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * What a password must be: at least {@value #MIN} characters (a phrase is fine), typed the same
 * twice, and not the login name. And the initial password Koppel makes up for a new login.
 */
public final class PasswordRules {

  public static final int MIN = 10;
  public static final int MAX = 200;

  /** Letters and digits that cannot be mistaken for one another when typed over from a mail. */
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private PasswordRules() {}

  /** The message key of what is wrong with the new password, or empty. */
  public static Optional<String> check(String password, String repeated, String username) {
    if (password == null || password.length() < MIN) {
      return Optional.of("password.error.short");
    }
    if (password.length() > MAX) {
      return Optional.of("password.error.long");
    }
    if (password.isBlank()) {
      return Optional.of("password.error.short");
    }
    if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
      return Optional.of("password.error.username");
    }
    if (!password.equals(repeated)) {
      return Optional.of("password.error.mismatch");
    }
    return Optional.empty();
  }

  /**
   * A new random password: three groups of five, e.g. {@code h7Kqa-3xNbe-PwT9m} (about 95 bits).
   */
  public static String generate(SecureRandom random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 15; i++) {
      if (i > 0 && i % 5 == 0) {
        b.append('-');
      }
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}

package koppel.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import koppel.integration.IntegrationAdmin;
import koppel.integration.Login;
import koppel.integration.LoginStore;
import koppel.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Passwords: the reset by e-mail (a random token, stored only as its SHA-256, valid one hour, used
 * once; whether an address is known is never told) and the change by a logged-in merchant.
 */
@Service
public class Passwords {

  private static final Logger log = LoggerFactory.getLogger(Passwords.class);

  public static final Duration RESET_VALID = Duration.ofHours(1);

  private final LoginStore logins;
  private final PasswordEncoder encoder;
  private final AccountMails mails;
  private final Outbox outbox;
  private final IntegrationAdmin admin;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Passwords(
      LoginStore logins,
      PasswordEncoder encoder,
      AccountMails mails,
      Outbox outbox,
      IntegrationAdmin admin,
      Clock clock) {
    this.logins = logins;
    this.encoder = encoder;
    this.mails = mails;
    this.outbox = outbox;
    this.admin = admin;
    this.clock = clock;
  }

  /**
   * Sends a reset link to the login with this address (or login name), if there is one. Says
   * nothing about whether there is.
   */
  public void forgot(String emailOrLogin, Locale locale) {
    String typed = SignupRules.email(emailOrLogin);
    if (typed.isEmpty()) {
      return;
    }
    Optional<Login> login = logins.find(typed).or(() -> logins.findByEmail(typed));
    if (login.isEmpty()) {
      log.info("password reset asked for an unknown address");
      return;
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    logins.setResetToken(login.get().id(), hash(token), clock.instant().plus(RESET_VALID));
    outbox.send(
        mails.passwordReset(login.get(), admin.publicUrl() + "/password/reset/" + token, locale));
    log.info("password reset link sent for login {}", login.get().username());
  }

  /** The login a reset link is for, while it is valid (the link is not used up by looking). */
  public Optional<Login> resetLink(String token) {
    return token == null || token.isBlank()
        ? Optional.empty()
        : logins.findByResetToken(hash(token), clock.instant());
  }

  /** What a reset did: field errors (field → message key), or done, or the link was not valid. */
  public sealed interface Result {}

  public record Rejected(Map<String, String> errors) implements Result {}

  public record Changed(String username) implements Result {}

  public record LinkInvalid() implements Result {}

  public Result reset(String token, String password, String repeated) {
    Optional<Login> login = resetLink(token);
    if (login.isEmpty()) {
      return new LinkInvalid();
    }
    Optional<String> wrong = PasswordRules.check(password, repeated, login.get().username());
    if (wrong.isPresent()) {
      return new Rejected(Map.of(field(wrong.get()), wrong.get()));
    }
    Optional<Login> used = logins.consumeResetToken(hash(token), clock.instant());
    if (used.isEmpty()) {
      return new LinkInvalid();
    }
    logins.setPassword(used.get().id(), encoder.encode(password));
    log.info("password of login {} reset by e-mail link", used.get().username());
    return new Changed(used.get().username());
  }

  /** A logged-in merchant changes their password: the current one first. */
  public Result change(String username, String current, String password, String repeated) {
    Optional<Login> login = logins.find(username);
    if (login.isEmpty()) {
      return new LinkInvalid();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String hash = logins.passwordHash(username).orElse("");
    if (current == null || current.isEmpty() || !encoder.matches(current, hash)) {
      errors.put("current", "password.error.current");
    }
    PasswordRules.check(password, repeated, username).ifPresent(e -> errors.put(field(e), e));
    if (errors.isEmpty() && encoder.matches(password, hash)) {
      errors.put("password", "password.error.same");
    }
    if (!errors.isEmpty()) {
      return new Rejected(errors);
    }
    logins.setPassword(login.get().id(), encoder.encode(password));
    log.info("password of login {} changed", username);
    return new Changed(username);
  }

  /** The field a rule's message belongs next to. */
  static String field(String messageKey) {
    return messageKey.equals("password.error.mismatch") ? "repeat" : "password";
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package koppel.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.integration.IntegrationAdmin;
import koppel.integration.Login;
import koppel.integration.LoginStore;
import koppel.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The trial sign-up: a login (the e-mail address; an existing login with that address gets the new
 * integration), an integration with its licence key and trial, an initial password (stored only as
 * a hash, in clear only in the mail) and the installation e-mail. The same e-mail and name again
 * within {@code koppel.signup.double-submit-window} (5 minutes) is the same sign-up.
 */
@Service
public class Signups {

  private static final Logger log = LoggerFactory.getLogger(Signups.class);

  /** The version of the terms a sign-up accepts (see /signup/terms). */
  public static final String TERMS_VERSION = "2026-12";

  private final SignupStore store;
  private final LoginStore logins;
  private final IntegrationAdmin admin;
  private final PasswordEncoder passwords;
  private final AccountMails mails;
  private final Outbox outbox;
  private final Clock clock;
  private final Duration window;
  private final SecureRandom random = new SecureRandom();

  Signups(
      SignupStore store,
      LoginStore logins,
      IntegrationAdmin admin,
      PasswordEncoder passwords,
      AccountMails mails,
      Outbox outbox,
      Clock clock,
      @Value("${koppel.signup.double-submit-window:5m}") Duration window) {
    this.store = store;
    this.logins = logins;
    this.admin = admin;
    this.passwords = passwords;
    this.mails = mails;
    this.outbox = outbox;
    this.clock = clock;
    this.window = window;
  }

  /** What happened: the form's errors, or the sign-up (done now, or already by a submit before). */
  public sealed interface Outcome {}

  public record Invalid(Map<String, String> errors) implements Outcome {}

  public record SignedUp(String email, boolean existingLogin, boolean repeated)
      implements Outcome {}

  public Outcome signUp(SignupRules.Form form, Locale locale) {
    Map<String, String> errors = SignupRules.check(form);
    if (!errors.isEmpty()) {
      return new Invalid(errors);
    }
    String email = SignupRules.email(form.email());
    String name = form.name().strip().replaceAll("\\s+", " ");
    String language = "nl".equals(locale.getLanguage()) ? "nl" : "en";
    Instant now = clock.instant();
    UUID signupId = UUID.randomUUID();
    UUID integrationId = UUID.randomUUID();
    Optional<UUID> earlier =
        store.claim(
            new SignupStore.SignupRecord(
                signupId,
                email,
                SignupRules.nameKey(name),
                integrationId,
                form.country(),
                language,
                TERMS_VERSION,
                now),
            now.minus(window));
    if (earlier.isPresent()) {
      log.info(
          "sign-up of {} for '{}' submitted again: integration={}", email, name, earlier.get());
      return new SignedUp(email, false, true);
    }
    try {
      Optional<Login> existing = existingLogin(email);
      String password = null;
      Login owner;
      if (existing.isPresent()) {
        owner = existing.get();
      } else {
        password = PasswordRules.generate(random);
        owner = new Login(UUID.randomUUID(), email, email, language, now);
        try {
          logins.create(owner, passwords.encode(password));
        } catch (RuntimeException taken) {
          // another sign-up with this address (another shop name) created it a moment ago
          owner = existingLogin(email).orElseThrow(() -> taken);
          password = null;
        }
      }
      Integration integration =
          admin.createUnder(owner, integrationId, name, email, form.country(), today(form));
      outbox.send(mails.installation(integration, owner, password, locale));
      log.info(
          "sign-up: integration={} key={} login={} ({})",
          integration.id(),
          integration.licenceKey(),
          owner.username(),
          password == null ? "existing login" : "new login");
      return new SignedUp(email, password == null, false);
    } catch (RuntimeException e) {
      store.release(signupId);
      throw e;
    }
  }

  private Optional<Login> existingLogin(String email) {
    return logins.find(email).or(() -> logins.findByEmail(email));
  }

  /** The sign-up day on the shop's calendar: orders placed before it are not booked. */
  private LocalDate today(SignupRules.Form form) {
    Integration probe =
        new Integration(null, null, null, null, null, form.country(), null, null, null, null);
    return clock.instant().atZone(probe.zone()).toLocalDate();
  }
}

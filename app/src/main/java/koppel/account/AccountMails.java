package koppel.account;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import koppel.integration.Integration;
import koppel.integration.IntegrationAdmin;
import koppel.integration.Login;
import koppel.mail.Mail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The account's e-mails in the merchant's language (bundle i18n/account, keys {@code mail.*}). */
@Component
public class AccountMails {

  public static final String INSTALLATION = "INSTALLATION";
  public static final String PASSWORD_RESET = "PASSWORD_RESET";
  public static final String TRIAL_ENDING = "TRIAL_ENDING";
  public static final String TRIAL_ENDED = "TRIAL_ENDED";

  private final MessageSource messages;
  private final IntegrationAdmin admin;

  AccountMails(MessageSource messages, IntegrationAdmin admin) {
    this.messages = messages;
    this.admin = admin;
  }

  /**
   * The installation e-mail: the link, the login (with the initial password for a new login; for an
   * existing one, the advice to use it) and the three steps.
   */
  public Mail installation(Integration i, Login owner, String password, Locale locale) {
    M m = new M(locale);
    long days = Math.max(1, admin.trialLength().toDays());
    MailText t = new MailText();
    t.heading(m.get("mail.install.heading", i.name()));
    t.para(m.get("mail.install.intro", days, date(i.trialEndsAt(), i, locale)));
    t.link(m.get("mail.install.link"), admin.installationLink(i));
    if (password != null) {
      t.para(m.get("mail.install.login.new"));
      t.values(
          List.of(
              new String[] {m.get("mail.install.username"), owner.username()},
              new String[] {m.get("mail.install.password"), password}));
      t.para(m.get("mail.install.login.change"));
    } else {
      t.para(m.get("mail.install.login.existing"));
      t.values(List.<String[]>of(new String[] {m.get("mail.install.username"), owner.username()}));
      t.para(m.get("mail.install.login.forgot", admin.publicUrl() + "/password/forgot"));
    }
    t.values(List.<String[]>of(new String[] {m.get("mail.install.key"), i.licenceKey()}));
    t.heading(m.get("mail.install.steps"));
    t.steps(
        List.of(
            m.get("mail.install.step1"), m.get("mail.install.step2"), m.get("mail.install.step3")));
    t.para(m.get("mail.install.dedicated"));
    t.para(m.get("mail.install.accountant"));
    t.para(m.get("mail.install.complete"));
    t.para(m.get("mail.signature"));
    return new Mail(
        i.ownerEmail(),
        m.get("mail.install.subject", i.name()),
        t.text(),
        t.html(),
        INSTALLATION,
        i.id());
  }

  /** The password-reset e-mail with its one-hour link. */
  public Mail passwordReset(Login login, String link, Locale locale) {
    M m = new M(locale);
    MailText t = new MailText();
    t.heading(m.get("mail.reset.heading"));
    t.para(m.get("mail.reset.intro", login.username()));
    t.link(m.get("mail.reset.link"), link);
    t.para(m.get("mail.reset.valid"));
    t.para(m.get("mail.reset.notYou"));
    t.para(m.get("mail.signature"));
    return new Mail(
        login.email(), m.get("mail.reset.subject"), t.text(), t.html(), PASSWORD_RESET, null);
  }

  /** Seven days ahead: the trial ends on this day; ask for the subscription. */
  public Mail trialEnding(Integration i, Locale locale) {
    M m = new M(locale);
    String day = date(i.trialEndsAt(), i, locale);
    MailText t = new MailText();
    t.heading(m.get("mail.trialEnding.heading", i.name()));
    t.para(m.get("mail.trialEnding.text", day));
    t.para(m.get("mail.trial.subscribe"));
    t.values(List.<String[]>of(new String[] {m.get("mail.install.key"), i.licenceKey()}));
    t.link(m.get("mail.trial.dashboard"), admin.publicUrl() + "/dashboard");
    t.para(m.get("mail.signature"));
    return new Mail(
        i.ownerEmail(),
        m.get("mail.trialEnding.subject", i.name(), day),
        t.text(),
        t.html(),
        TRIAL_ENDING,
        i.id());
  }

  /** On the day it ends (or after, when the run was late): orders wait until it is active. */
  public Mail trialEnded(Integration i, boolean over, Locale locale) {
    M m = new M(locale);
    String key = over ? "mail.trialEnded" : "mail.trialEndsToday";
    MailText t = new MailText();
    t.heading(m.get(key + ".heading", i.name()));
    t.para(m.get(key + ".text", date(i.trialEndsAt(), i, locale)));
    t.para(m.get("mail.trial.subscribe"));
    t.values(List.<String[]>of(new String[] {m.get("mail.install.key"), i.licenceKey()}));
    t.link(m.get("mail.trial.dashboard"), admin.publicUrl() + "/dashboard");
    t.para(m.get("mail.signature"));
    return new Mail(
        i.ownerEmail(), m.get(key + ".subject", i.name()), t.text(), t.html(), TRIAL_ENDED, i.id());
  }

  static String date(Instant at, Integration i, Locale locale) {
    return at == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(locale)
            .format(at.atZone(i.zone()));
  }

  /** The login's language, English when it has none. */
  public static Locale localeOf(Login login) {
    return login != null && "nl".equals(login.language())
        ? Locale.forLanguageTag("nl")
        : Locale.ENGLISH;
  }

  private final class M {
    private final Locale locale;

    M(Locale locale) {
      this.locale = locale;
    }

    String get(String key, Object... args) {
      return messages.getMessage(key, args, locale);
    }
  }
}

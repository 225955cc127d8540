package koppel.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import koppel.support.Chrome;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The merchant's way in, in a real browser against a real SMTP server (GreenMail) and the two
 * sandboxes: the sign-up (and its field errors), the installation e-mail, logging in with the
 * password from that mail through the installation link, and the wizard: connect KMO Shops, connect
 * Exact Online with an accountant's login (the many-administrations warning), choose the
 * administration, two green dots. In English and in Dutch.
 */
class SignupIT {

  static GreenMail smtp;
  static KoppelSystem system;
  static List<Integer> divisions = new ArrayList<>();

  @BeforeAll
  static void start() {
    int port = KoppelSystem.freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    system =
        KoppelSystem.start(
            Map.of(),
            Map.of(),
            Map.of(
                "spring.mail.host",
                "127.0.0.1",
                "spring.mail.port",
                port,
                "koppel.mail.first-retry",
                "1s"));
    Http.post(
        system.shopsUrl + "/admin/apps",
        Map.of(
            "clientId",
            KoppelSystem.CLIENT_ID,
            "clientSecret",
            KoppelSystem.CLIENT_SECRET,
            "redirectUri",
            system.appUrl() + "/oauth/kmoshops/callback",
            "name",
            "Koppel"));
    Http.post(
        system.exactUrl + "/admin/clients",
        Map.of(
            "clientId",
            KoppelSystem.CLIENT_ID,
            "clientSecret",
            KoppelSystem.CLIENT_SECRET,
            "redirectUri",
            system.appUrl() + "/oauth/exact/callback",
            "name",
            "Koppel"));
    for (String country : List.of("BE", "NL", "BE", "BE")) {
      divisions.add(
          Http.post(system.exactUrl + "/admin/divisions", Map.of("country", country))
              .json()
              .path("code")
              .asInt());
    }
    // an accountant's login reaching four administrations, and a dedicated one reaching one
    Http.post(
        system.exactUrl + "/admin/users",
        Map.of("username", "accountant", "password", "geheim", "divisions", divisions));
    Http.post(
        system.exactUrl + "/admin/users",
        Map.of(
            "username", "webshop", "password", "geheim", "divisions", List.of(divisions.get(1))));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
    smtp.stop();
  }

  @Test
  void aMerchantSignsUpInEnglishGetsTheMailAndInstallsWithTwoGreenDots() throws Exception {
    try (Chrome en = Chrome.start("en-GB")) {
      en.open(system.appUrl() + "/signup");
      assertThat(en.text(By.tagName("h1"))).isEqualTo("Start your free trial");
      assertThat(new Select(en.find(By.id("country"))).getFirstSelectedOption().getText())
          .isEqualTo("Belgium");
      en.screenshot("signup-en");

      // nothing right: every field says what is wrong, and what was typed stays
      en.type(By.id("email"), "jan@fietsen");
      en.click(By.id("signup"));
      assertThat(en.text(By.id("name-error"))).contains("name of your shop");
      assertThat(en.text(By.id("email-error"))).contains("not a valid e-mail address");
      assertThat(en.text(By.id("terms-error"))).contains("accept the terms");
      assertThat(en.find(By.id("email")).getAttribute("value")).isEqualTo("jan@fietsen");
      assertThat(en.find(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(en.present(By.id("country-error"))).isFalse();
      en.screenshot("signup-errors-en");
      assertThat(smtp.getReceivedMessages()).isEmpty();

      en.type(By.id("name"), "Fietsen Janssens");
      en.type(By.id("email"), "Jan@Fietsen-Janssens.be ");
      new Select(en.find(By.id("country"))).selectByValue("BE");
      en.click(By.id("terms"));
      en.click(By.id("signup"));
      en.waitUntil(d -> d.getCurrentUrl().endsWith("/signup/sent"));
      assertThat(en.text(By.id("signup-sent"))).contains("jan@fietsen-janssens.be");
      en.screenshot("signup-sent-en");

      // the same sign-up again a moment later (a double click, a reload) is the same sign-up
      en.open(system.appUrl() + "/signup");
      en.type(By.id("name"), "fietsen  janssens");
      en.type(By.id("email"), "jan@fietsen-janssens.be");
      en.click(By.id("terms"));
      en.click(By.id("signup"));
      en.waitUntil(d -> d.getCurrentUrl().endsWith("/signup/sent"));
      assertThat(integrationsOf("jan@fietsen-janssens.be")).isEqualTo(1);

      Received mail = mailTo("jan@fietsen-janssens.be");
      assertThat(mail.subject()).contains("Fietsen Janssens");
      assertThat(mail.text()).contains("Login: jan@fietsen-janssens.be").contains("KOP-");
      assertThat(mail.html()).contains("<a href=\"" + system.appUrl() + "/install/KOP-");
      String password = MailReader.match(mail.text(), "Password: (\\S+)");
      String link = MailReader.match(mail.text(), "(http://\\S+/install/KOP-\\S+)");

      // the installation link asks for the login, then opens the installation tab
      en.open(link);
      en.waitUntil(d -> d.getCurrentUrl().contains("/login"));
      en.type(By.id("username"), "jan@fietsen-janssens.be");
      en.type(By.id("password"), password);
      en.click(By.id("login"));
      en.waitUntil(d -> d.getCurrentUrl().endsWith("/dashboard/installation"));
      assertThat(en.find(By.id("dot-shop")).getAttribute("class")).doesNotContain("green");
      assertThat(en.text(By.id("state-shop"))).contains("not connected yet");
      assertThat(en.find(By.id("installation-link")).getAttribute("value")).isEqualTo(link);
      assertThat(en.find(By.id("licence-key-value")).getAttribute("value"))
          .isEqualTo(link.substring(link.lastIndexOf('/') + 1));
      assertThat(en.pageSource()).doesNotContain("??");
      en.screenshot("installation-start-en");

      install(en, "jan@fietsen-janssens.be", "accountant", divisions.get(2));
      assertThat(en.text(By.id("notice-division"))).isEqualTo("The administration is saved.");
      assertThat(en.text(By.id("state-division"))).contains(Integer.toString(divisions.get(2)));
      en.screenshot("installation-connected-en");
    }
  }

  @Test
  void eenHandelaarMeldtZichInHetNederlandsAanEnInstalleert() throws Exception {
    try (Chrome nl = Chrome.start("nl-BE")) {
      nl.open(system.appUrl() + "/signup");
      assertThat(nl.text(By.tagName("h1"))).isEqualTo("Start je gratis proefperiode");
      nl.click(By.id("signup"));
      assertThat(nl.text(By.id("name-error"))).contains("Vul de naam");
      assertThat(nl.text(By.id("email-error"))).contains("Vul je e-mailadres in");
      nl.screenshot("signup-errors-nl");

      nl.type(By.id("name"), "Bakkerij De Smet");
      nl.type(By.id("email"), "an@desmet.be");
      nl.click(By.id("terms"));
      nl.click(By.id("signup"));
      nl.waitUntil(d -> d.getCurrentUrl().endsWith("/signup/sent"));
      assertThat(nl.text(By.tagName("h1"))).isEqualTo("Kijk in je mailbox");
      nl.screenshot("signup-sent-nl");

      Received mail = mailTo("an@desmet.be");
      assertThat(mail.subject()).contains("Bakkerij De Smet").contains("proefperiode");
      String password = MailReader.match(mail.text(), "Wachtwoord: (\\S+)");
      String link = MailReader.match(mail.text(), "(http://\\S+/install/KOP-\\S+)");

      nl.open(link);
      nl.waitUntil(d -> d.getCurrentUrl().contains("/login"));
      nl.type(By.id("username"), "an@desmet.be");
      nl.type(By.id("password"), password);
      nl.click(By.id("login"));
      nl.waitUntil(d -> d.getCurrentUrl().endsWith("/dashboard/installation"));
      assertThat(nl.text(By.tagName("h1"))).isEqualTo("Installatie");
      nl.screenshot("installation-start-nl");

      install(nl, "an@desmet.be", "webshop", divisions.get(1));
      // one administration only: chosen by itself, no warning, no choice to make
      assertThat(nl.text(By.id("notice-exact"))).isEqualTo("Exact Online is verbonden.");
      assertThat(nl.pageSource()).doesNotContain("??");
      nl.screenshot("installation-connected-nl");
      nl.phone(true);
      nl.screenshot("installation-connected-nl-phone");
    }
  }

  /**
   * Connects the shop and Exact Online from the wizard, through the sandboxes' own pages, and
   * chooses {@code division} when there is a choice; ends with both dots green.
   */
  private static void install(Chrome b, String owner, String exactUser, int division) {
    String backendUser = "owner-" + owner.replaceAll("[^a-z]", "");
    Http.post(
        system.shopsUrl + "/admin/shops",
        Map.of(
            "name",
            "Shop of " + owner,
            "country",
            "BE",
            "backendUser",
            backendUser,
            "backendPassword",
            "winkel"));
    b.click(By.id("connect-shop"));
    b.waitUntil(d -> d.getCurrentUrl().startsWith(system.shopsUrl));
    b.type(By.id("username"), backendUser);
    b.type(By.id("password"), "winkel");
    b.click(By.id("approve"));
    b.waitUntil(d -> d.getCurrentUrl().contains("/dashboard/installation?shop=connected"));
    assertThat(b.find(By.id("dot-shop")).getAttribute("class")).contains("green");
    assertThat(b.find(By.id("step-shop")).getAttribute("class")).contains("done");
    assertThat(b.find(By.id("dot-exact")).getAttribute("class")).doesNotContain("green");

    if (exactUser.equals("webshop")) {
      // first the merchant refuses at Exact: the wizard says so in words, and nothing changed
      b.click(By.id("connect-exact"));
      b.waitUntil(d -> d.getCurrentUrl().startsWith(system.exactUrl));
      b.type(By.id("username"), exactUser);
      b.type(By.id("password"), "geheim");
      b.click(By.id("deny"));
      b.waitUntil(d -> d.getCurrentUrl().contains("/dashboard/installation?error="));
      assertThat(b.text(By.id("error-code"))).isEqualTo("EXACT_ACCESS_DENIED");
      assertThat(b.text(By.id("notice-error"))).contains("Toestaan");
      assertThat(b.find(By.id("dot-exact")).getAttribute("class")).doesNotContain("green");
      b.screenshot("installation-oauth-refused-nl");
    }
    b.click(By.id("connect-exact"));
    b.waitUntil(d -> d.getCurrentUrl().startsWith(system.exactUrl));
    b.type(By.id("username"), exactUser);
    b.type(By.id("password"), "geheim");
    b.click(By.id("allow"));
    b.waitUntil(d -> d.getCurrentUrl().contains("/dashboard/installation?"));
    if (b.url().contains("exact=choose-division")) {
      assertThat(b.find(By.id("dot-exact")).getAttribute("class")).doesNotContain("green");
      assertThat(b.text(By.id("many-divisions"))).contains("4");
      assertThat(new Select(b.find(By.id("division"))).getOptions()).hasSize(4);
      b.screenshot(
          "installation-choose-division-" + b.find(By.tagName("html")).getAttribute("lang"));
      new Select(b.find(By.id("division"))).selectByValue(Integer.toString(division));
      b.click(By.id("choose-division"));
      b.waitUntil(d -> d.getCurrentUrl().contains("division=saved"));
    } else {
      assertThat(b.url()).contains("exact=connected");
      assertThat(b.present(By.id("many-divisions"))).isFalse();
    }
    assertThat(b.find(By.id("dot-shop")).getAttribute("class")).contains("green");
    assertThat(b.find(By.id("dot-exact")).getAttribute("class")).contains("green");
    assertThat(b.find(By.id("step-division")).getAttribute("class")).contains("done");
    assertThat(b.text(By.id("state-division"))).contains(Integer.toString(division));
  }

  static int integrationsOf(String email) throws Exception {
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(system.dbUrl, "postgres", "");
        java.sql.PreparedStatement ps =
            db.prepareStatement("select count(*) from integration where owner_email = ?")) {
      ps.setString(1, email);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  record Received(String subject, String text, String html) {}

  /** Waits for the mail to this address and reads it. */
  static Received mailTo(String address) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      for (MimeMessage m : smtp.getReceivedMessages()) {
        if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
          return new Received(m.getSubject(), MailReader.text(m), MailReader.html(m));
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no mail to " + address);
  }
}

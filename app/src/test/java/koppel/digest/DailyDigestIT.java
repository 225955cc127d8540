package koppel.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The daily digest against a real SMTP server (GreenMail): at the digest time the owner and the
 * extra address get the new errors (order number, code, words, a link to the Errors tab); not twice
 * on one day; nothing on a day without new errors; an error reported once is not reported again, a
 * new one is.
 */
class DailyDigestIT {

  private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  static KoppelSystem system;
  static GreenMail smtp;
  static KoppelSystem.Seeded shop;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    system =
        KoppelSystem.start(
            Map.of(),
            Map.of(),
            Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", port,
                "koppel.mail.first-retry", "1s"));
    shop = system.seedIntegration("digest");
  }

  @AfterAll
  static void stop() {
    system.close();
    smtp.stop();
  }

  /** An order with a line at 12 %, a rate the seeded VAT table has no Exact code for: FAILED. */
  private static long brokenOrder(String email) {
    long id = ShopOrders.twelvePercentOrder(system, shop, email).path("id").asLong();
    ShopOrders.awaitState(system, shop, id, "FAILED", 60);
    return id;
  }

  private static String number(long id) {
    return ShopOrders.koppelView(system, shop, id).path("order").path("orderNumber").asString();
  }

  private static String recipient(MimeMessage m) {
    try {
      return GreenMailUtil.getAddressList(m.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<MimeMessage> received() {
    return Arrays.asList(smtp.getReceivedMessages());
  }

  private static List<MimeMessage> waitForMails(int total) {
    assertThat(smtp.waitForIncomingEmail(30_000, total)).isTrue();
    return received();
  }

  @Test
  void newErrorsAreMailedOnceAtTheDigestTimeAndNothingOnADayWithout() throws Exception {
    Http.Response set =
        Http.put(
            system.appUrl() + "/api/profile/notification-email",
            Map.of("email", "boekhouder@example.be"),
            shop.login(),
            shop.password());
    assertThat(set.status()).isEqualTo(200);
    long first = brokenOrder("els@example.be");
    String firstNumber = number(first);
    String code =
        ShopOrders.koppelView(system, shop, first)
            .path("order")
            .path("error")
            .path("code")
            .asString();
    assertThat(code).isNotBlank();

    DailyDigest digest = system.node(0).getBean(DailyDigest.class);
    Instant tomorrowAtSeven =
        LocalDate.now(BRUSSELS).plusDays(1).atTime(7, 5).atZone(BRUSSELS).toInstant();

    assertThat(digest.runAt(tomorrowAtSeven)).isEqualTo(2);
    List<MimeMessage> mails = waitForMails(2);
    assertThat(mails).hasSize(2);
    assertThat(mails.stream().map(DailyDigestIT::recipient).toList())
        .containsExactlyInAnyOrder("digest@example.be", "boekhouder@example.be");
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).contains("1 new error").contains("Shop digest");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body)
        .contains(firstNumber)
        .contains(code)
        .contains(system.appUrl() + "/dashboard/errors");

    // not twice on one day
    assertThat(digest.runAt(tomorrowAtSeven.plus(Duration.ofHours(3)))).isZero();
    // the next day: no new errors, no e-mail
    assertThat(digest.runAt(tomorrowAtSeven.plus(Duration.ofDays(1)))).isZero();
    assertThat(received()).hasSize(2);

    // a new error: reported the day after, alone
    long second = brokenOrder("jan@example.be");
    String secondNumber = number(second);
    assertThat(digest.runAt(tomorrowAtSeven.plus(Duration.ofDays(2)))).isEqualTo(2);
    List<MimeMessage> all = waitForMails(4);
    String later = GreenMailUtil.getBody(all.get(3));
    assertThat(later).contains(secondNumber).doesNotContain(firstNumber);
  }
}

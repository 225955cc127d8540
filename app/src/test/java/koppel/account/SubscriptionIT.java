package koppel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After the trial: the operator's subscription flag (activating it books the orders that waited for
 * it), and the trial e-mails — seven days ahead and at the end, each once, none with a
 * subscription.
 */
class SubscriptionIT {

  static GreenMail smtp;
  static KoppelSystem system;

  @BeforeAll
  static void start() {
    int port = KoppelSystem.freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    system =
        KoppelSystem.start(
            Map.of(), Map.of(), Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
    smtp.stop();
  }

  @Test
  void activatingTheSubscriptionBooksTheOrdersThatWaitedForIt() throws Exception {
    KoppelSystem.Seeded seeded = system.seedIntegration("abo");
    sql(
        "update integration set trial_ends_at = now() - interval '1 day' where id = ?",
        seeded.integrationId());
    long order = ShopOrders.paidOrder(system, seeded, "k@example.be").path("id").asLong();
    await().atMost(Duration.ofSeconds(30)).until(() -> "OPEN".equals(state(order)));
    assertThat(orderJson(order).path("reason").asString()).contains("trial period is over");

    String path = "/api/operator/integrations/" + seeded.integrationId() + "/subscription";
    // a merchant may not set it
    assertThat(Http.put(system.appUrl() + path, Map.of("active", true), "abo", "pw-abo").status())
        .isEqualTo(403);
    assertThat(state(order)).isEqualTo("OPEN");
    Map<String, Object> empty = new HashMap<>();
    empty.put("active", null);
    assertThat(asOperator(path, empty).status()).isEqualTo(400);
    assertThat(
            asOperator(
                    "/api/operator/integrations/" + UUID.randomUUID() + "/subscription",
                    Map.of("active", true))
                .status())
        .isEqualTo(404);

    Http.Response on = system.operatorPut(path, Map.of("active", true));
    assertThat(on.status()).isEqualTo(200);
    assertThat(on.json().path("active").asBoolean()).isTrue();
    assertThat(on.json().path("resumed").asInt()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(60)).until(() -> "BOOKED".equals(state(order)));

    Http.Response off = system.operatorPut(path, Map.of("active", false));
    assertThat(off.json().path("active").asBoolean()).isFalse();
    assertThat(off.json().path("resumed").asInt()).isZero();
    long later = ShopOrders.paidOrder(system, seeded, "l@example.be").path("id").asLong();
    await().atMost(Duration.ofSeconds(30)).until(() -> "OPEN".equals(state(later)));
  }

  @Test
  void theTrialEmailsGoOutSevenDaysAheadAndAtTheEndEachOnce() throws Exception {
    String trial = newIntegration("proef", "Proefwinkel");
    String subscribed = newIntegration("betaald", "Betaalde winkel");
    system.operatorPut(
        "/api/operator/integrations/" + subscribed + "/subscription", Map.of("active", true));
    sql(
        "update integration set trial_ends_at = now() + interval '3 days' where id in (?, ?)",
        trial,
        subscribed);
    TrialNotices notices = system.node(0).getBean(TrialNotices.class);

    notices.run();
    notices.run();
    assertThat(mailKinds(trial)).containsExactly("TRIAL_ENDING");
    assertThat(mailKinds(subscribed)).isEmpty();
    MimeMessage ending = received("proef@example.be", 1);
    assertThat(ending.getSubject()).contains("Proefwinkel").contains("ends on");
    assertThat(MailReader.text(ending)).contains("KOP-").contains("subscription");

    sql(
        "update integration set trial_ends_at = now() - interval '1 hour' where id in (?, ?)",
        trial,
        subscribed);
    notices.run();
    notices.run();
    assertThat(mailKinds(trial)).containsExactly("TRIAL_ENDING", "TRIAL_ENDED");
    assertThat(mailKinds(subscribed)).isEmpty();
    MimeMessage ended = received("proef@example.be", 2);
    assertThat(ended.getSubject()).contains("Proefwinkel").contains("has ended");
  }

  private static Http.Response asOperator(String path, Object body) {
    return Http.put(
        system.appUrl() + path, body, KoppelSystem.OPERATOR, KoppelSystem.OPERATOR_PASSWORD);
  }

  private static String newIntegration(String login, String name) {
    return system
        .operatorPost(
            "/api/operator/integrations",
            Map.of(
                "name",
                name,
                "ownerEmail",
                login + "@example.be",
                "login",
                login,
                "password",
                "pw-" + login,
                "shopCountry",
                "BE"))
        .json()
        .path("id")
        .asString();
  }

  /** The n-th mail to this address, waiting for it. */
  private static MimeMessage received(String address, int n) {
    List<MimeMessage> found = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              found.clear();
              for (MimeMessage m : smtp.getReceivedMessages()) {
                if (Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(address))) {
                  found.add(m);
                }
              }
              return found.size() >= n;
            });
    return found.get(n - 1);
  }

  private static String state(long order) {
    return orderJson(order).path("state").asString();
  }

  private static tools.jackson.databind.JsonNode orderJson(long order) {
    Http.Response r = Http.get(system.appUrl() + "/api/orders/" + order, "abo", "pw-abo");
    return r.status() == 200
        ? r.json().path("order")
        : tools.jackson.databind.node.MissingNode.getInstance();
  }

  private static List<String> mailKinds(String integration) throws Exception {
    try (Connection db = DriverManager.getConnection(system.dbUrl, "postgres", "");
        PreparedStatement ps =
            db.prepareStatement(
                "select kind from mail_outbox where integration_id = ?::uuid"
                    + " and kind like 'TRIAL%' order by created_at")) {
      ps.setString(1, integration);
      List<String> kinds = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          kinds.add(rs.getString(1));
        }
      }
      return kinds;
    }
  }

  private static void sql(String statement, String... ids) throws Exception {
    try (Connection db = DriverManager.getConnection(system.dbUrl, "postgres", "");
        PreparedStatement ps = db.prepareStatement(statement.replace("?", "?::uuid"))) {
      for (int i = 0; i < ids.length; i++) {
        ps.setString(i + 1, ids[i]);
      }
      ps.executeUpdate();
    }
  }
}

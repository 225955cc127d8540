package koppel.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import koppel.mail.Mail;
import koppel.mail.MailStore;
import koppel.mail.Outbox;
import koppel.mail.StoredMail;
import koppel.support.KoppelSystem;
import org.junit.jupiter.api.Test;

/**
 * The outbox against a real SMTP server in the JVM (GreenMail): a mail is delivered with its text
 * and HTML; a mail written while the server is down waits with the reason and goes out once the
 * server is up.
 */
class MailOutboxIT {

  @Test
  void aMailWaitsWhileTheServerIsDownAndIsDeliveredWhenItComesUp() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (KoppelSystem system =
        KoppelSystem.start(
            Map.of(),
            Map.of(),
            Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", port,
                "koppel.mail.first-retry", "1s",
                "koppel.mail.from", "Koppel <koppel@example.be>"))) {
      Outbox outbox = system.node(0).getBean(Outbox.class);
      MailStore store = system.node(0).getBean(MailStore.class);

      UUID id =
          outbox.send(
              new Mail(
                  "merchant@example.be",
                  "Welkom bij Koppel",
                  "Je installatielink: https://koppel.example/install/KOP-1",
                  "<p>Je <a href=\"https://koppel.example/install/KOP-1\">installatielink</a></p>",
                  "INSTALLATION",
                  null));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> store.find(id).map(StoredMail::lastError).orElse(null) != null);
      assertThat(store.find(id).orElseThrow().sentAt()).isNull();

      GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      try {
        assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Welkom bij Koppel");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("merchant@example.be");
        assertThat(received.getFrom()[0].toString()).contains("koppel@example.be");
        assertThat(GreenMailUtil.getBody(received)).contains("installatielink");
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> store.find(id).orElseThrow().sentAt() != null);
        assertThat(store.find(id).orElseThrow().lastError()).isNull();
      } finally {
        smtp.stop();
      }
    }
  }
}

package koppel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import koppel.jobs.WebhookDeliveryPruneJob;
import koppel.support.MigratedDatabase;
import org.junit.jupiter.api.Test;

/** Delivery ids are kept for the dedupe window (3 days by default), then pruned at night. */
class WebhookDeliveryPruneIT {

  @Test
  void deliveryIdsOlderThanTheWindowArePrunedAndNewerOnesStillDedupe() {
    MigratedDatabase db = new MigratedDatabase();
    UUID integration = UUID.randomUUID();
    UUID login = UUID.randomUUID();
    db.jdbc
        .sql(
            "insert into login (id, username, email, password_hash, created_at)"
                + " values (:id, 'l', 'a@b.be', 'x', now())")
        .param("id", login)
        .update();
    db.jdbc
        .sql(
            "insert into integration (id, licence_key, name, owner_email, owner_login,"
                + " login_id, state, created_at, updated_at)"
                + " values (:id, 'K', 'Shop', 'a@b.be', 'l', :login, 'ACTIVE', now(), now())")
        .param("id", integration)
        .param("login", login)
        .update();
    JdbcWebhookDeliveries deliveries = new JdbcWebhookDeliveries(db.jdbc);
    Instant now = Instant.parse("2026-12-05T04:11:00Z");
    assertThat(
            deliveries.firstTime(
                "old", integration, "order.created", now.minus(Duration.ofDays(4))))
        .isTrue();
    assertThat(
            deliveries.firstTime(
                "recent", integration, "order.created", now.minus(Duration.ofHours(5))))
        .isTrue();

    int pruned =
        new WebhookDeliveryPruneJob(
                deliveries, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(3))
            .run();

    assertThat(pruned).isEqualTo(1);
    assertThat(deliveries.firstTime("recent", integration, "order.created", now)).isFalse();
    assertThat(deliveries.firstTime("old", integration, "order.created", now)).isTrue();
  }
}

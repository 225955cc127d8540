package koppel.persistence;

import static koppel.persistence.Sql.ts;

import java.time.Instant;
import java.util.UUID;
import koppel.order.port.WebhookDeliveries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWebhookDeliveries implements WebhookDeliveries {

  private final JdbcClient jdbc;

  JdbcWebhookDeliveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean firstTime(String deliveryId, UUID integrationId, String event, Instant now) {
    return jdbc.sql(
                """
                insert into webhook_delivery (delivery_id, integration_id, event, received_at)
                values (:d, :i, :e, :now) on conflict do nothing
                """)
            .param("d", deliveryId)
            .param("i", integrationId)
            .param("e", event)
            .param("now", ts(now))
            .update()
        == 1;
  }

  @Override
  public int pruneBefore(Instant before) {
    return jdbc.sql("delete from webhook_delivery where received_at < :before")
        .param("before", ts(before))
        .update();
  }
}

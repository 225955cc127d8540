package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;

import java.time.Instant;
import java.util.List;
import koppel.order.domain.OrderKey;
import koppel.order.port.EventLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEventLog implements EventLog {

  private final JdbcClient jdbc;

  JdbcEventLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(OrderKey key, String kind, String message, Instant at) {
    jdbc.sql(
            "insert into event_log (integration_id, shop_order_id, at, kind, message)"
                + " values (:i, :o, :at, :kind, :message)")
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .param("at", ts(at))
        .param("kind", kind)
        .param("message", message)
        .update();
  }

  @Override
  public List<Entry> history(OrderKey key) {
    return jdbc.sql(
            "select at, kind, message from event_log"
                + " where integration_id = :i and shop_order_id = :o order by id")
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .query(
            (rs, n) -> new Entry(instant(rs, "at"), rs.getString("kind"), rs.getString("message")))
        .list();
  }
}

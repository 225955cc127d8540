package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import koppel.tabs.Ticket;
import koppel.tabs.TicketStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ticket table: questions and problem reports sent to support. */
@Repository
class JdbcTicketStore implements TicketStore {

  private final JdbcClient jdbc;

  JdbcTicketStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Ticket save(Ticket t) {
    return jdbc.sql(
            """
            insert into ticket (id, integration_id, shop_order_id, order_number, code, subject,
                                remark, snapshot, created_by, created_at)
            values (:id, :i, :o, :number, :code, :subject, :remark, :snapshot, :by, :at)
            returning *
            """)
        .param("id", t.id())
        .param("i", t.integrationId())
        .param("o", t.shopOrderId())
        .param("number", t.orderNumber())
        .param("code", t.code())
        .param("subject", t.subject())
        .param("remark", t.remark())
        .param("snapshot", t.snapshot())
        .param("by", t.createdBy())
        .param("at", ts(t.createdAt()))
        .query(JdbcTicketStore::map)
        .single();
  }

  @Override
  public List<Ticket> recent(UUID integrationId, int limit) {
    return jdbc.sql(
            "select * from ticket where integration_id = :i order by created_at desc limit :n")
        .param("i", integrationId)
        .param("n", limit)
        .query(JdbcTicketStore::map)
        .list();
  }

  private static Ticket map(ResultSet rs, int n) throws SQLException {
    long order = rs.getLong("shop_order_id");
    Long shopOrderId = rs.wasNull() ? null : order;
    return new Ticket(
        rs.getObject("id", UUID.class),
        rs.getLong("number"),
        rs.getObject("integration_id", UUID.class),
        shopOrderId,
        rs.getString("order_number"),
        rs.getString("code"),
        rs.getString("subject"),
        rs.getString("remark"),
        rs.getString("snapshot"),
        rs.getString("created_by"),
        instant(rs, "created_at"));
  }
}

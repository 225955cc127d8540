package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;
import static koppel.persistence.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import koppel.mail.Mail;
import koppel.mail.MailStore;
import koppel.mail.StoredMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMailStore implements MailStore {

  private final JdbcClient jdbc;

  JdbcMailStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(UUID id, Mail mail, Instant at) {
    jdbc.sql(
            """
            insert into mail_outbox (id, integration_id, kind, to_address, subject, body_text,
                                     body_html, created_at)
            values (:id, :integration, :kind, :to, :subject, :text, :html, :at)
            """)
        .param("id", id)
        .param("integration", mail.integrationId())
        .param("kind", mail.kind())
        .param("to", mail.to())
        .param("subject", mail.subject())
        .param("text", mail.text())
        .param("html", mail.html())
        .param("at", ts(at))
        .update();
  }

  @Override
  public Optional<StoredMail> find(UUID id) {
    return jdbc.sql("select * from mail_outbox where id = :id")
        .param("id", id)
        .query(JdbcMailStore::map)
        .optional();
  }

  @Override
  public void sent(UUID id, Instant at) {
    jdbc.sql(
            "update mail_outbox set sent_at = :at, attempts = attempts + 1, last_error = null"
                + " where id = :id")
        .param("at", ts(at))
        .param("id", id)
        .update();
  }

  @Override
  public void failed(UUID id, String error) {
    jdbc.sql("update mail_outbox set attempts = attempts + 1, last_error = :e where id = :id")
        .param("e", error)
        .param("id", id)
        .update();
  }

  @Override
  public List<StoredMail> recent(UUID integrationId, int limit) {
    return jdbc.sql(
            """
            select * from mail_outbox
            where (cast(:integration as uuid) is null or integration_id = :integration)
            order by created_at desc limit :limit
            """)
        .param("integration", integrationId)
        .param("limit", limit)
        .query(JdbcMailStore::map)
        .list();
  }

  private static StoredMail map(ResultSet rs, int row) throws SQLException {
    return new StoredMail(
        uuid(rs, "id"),
        new Mail(
            rs.getString("to_address"),
            rs.getString("subject"),
            rs.getString("body_text"),
            rs.getString("body_html"),
            rs.getString("kind"),
            uuid(rs, "integration_id")),
        instant(rs, "created_at"),
        instant(rs, "sent_at"),
        rs.getInt("attempts"),
        rs.getString("last_error"));
  }
}

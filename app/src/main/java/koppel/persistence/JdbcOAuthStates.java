package koppel.persistence;

import static koppel.persistence.Sql.ts;
import static koppel.persistence.Sql.uuid;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import koppel.order.port.OAuthStates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOAuthStates implements OAuthStates {

  private final JdbcClient jdbc;

  JdbcOAuthStates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void create(
      String state, UUID integrationId, String system, Instant now, Instant expiresAt) {
    jdbc.sql("delete from oauth_state where expires_at < :now").param("now", ts(now)).update();
    jdbc.sql(
            "insert into oauth_state (state, integration_id, system, created_at, expires_at)"
                + " values (:s, :i, :sys, :created, :expires)")
        .param("s", state)
        .param("i", integrationId)
        .param("sys", system)
        .param("created", ts(now))
        .param("expires", ts(expiresAt))
        .update();
  }

  @Override
  public Optional<UUID> consume(String state, String system, Instant now) {
    return jdbc.sql(
            "delete from oauth_state where state = :s and system = :sys"
                + " and expires_at > :now returning integration_id")
        .param("s", state)
        .param("sys", system)
        .param("now", ts(now))
        .query((rs, n) -> uuid(rs, "integration_id"))
        .optional();
  }
}

package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;
import static koppel.persistence.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import koppel.order.domain.BookingError;
import koppel.order.port.ConnectionStore;
import koppel.order.port.SystemConnection;
import koppel.order.port.SystemConnection.ConnectionState;
import koppel.order.port.SystemConnection.ExternalSystem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class JdbcConnectionStore implements ConnectionStore {

  private static final String KEY = " where integration_id = :i and system = :s";

  private final JdbcClient jdbc;
  private final SecretCipher cipher;
  private final TransactionTemplate tx;
  private final Clock clock;

  JdbcConnectionStore(
      JdbcClient jdbc, SecretCipher cipher, PlatformTransactionManager txManager, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    // always its own transaction: a refreshed token must be committed whatever the caller's
    // transaction does, or the consumed refresh token is lost with it
    this.tx = new TransactionTemplate(txManager);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Override
  public Optional<SystemConnection> find(UUID integrationId, ExternalSystem system) {
    return select(integrationId, system, "");
  }

  @Override
  public void save(SystemConnection c) {
    jdbc.sql(
            """
            insert into connection (integration_id, system, state, base_url, external_id,
                   access_token, refresh_token, webhook_secret, access_expires_at,
                   token_issued_at, status_code, status_message, status_resolution, updated_at)
            values (:i, :s, :state, :url, :ext, :at, :rt, :ws, :exp, :iss, :code, :msg, :res, :now)
            on conflict (integration_id, system) do update set
                   state = excluded.state, base_url = excluded.base_url,
                   external_id = excluded.external_id, access_token = excluded.access_token,
                   refresh_token = excluded.refresh_token, webhook_secret = excluded.webhook_secret,
                   access_expires_at = excluded.access_expires_at,
                   token_issued_at = excluded.token_issued_at, status_code = excluded.status_code,
                   status_message = excluded.status_message,
                   status_resolution = excluded.status_resolution, updated_at = excluded.updated_at
            """)
        .param("i", c.integrationId())
        .param("s", c.system().name())
        .param("state", c.state().name())
        .param("url", c.baseUrl())
        .param("ext", c.externalId())
        .param("at", cipher.encrypt(c.accessToken()))
        .param("rt", cipher.encrypt(c.refreshToken()))
        .param("ws", cipher.encrypt(c.webhookSecret()))
        .param("exp", ts(c.accessExpiresAt()))
        .param("iss", ts(c.tokenIssuedAt()))
        .param("code", c.status() == null ? null : c.status().code())
        .param("msg", c.status() == null ? null : c.status().message())
        .param("res", c.status() == null ? null : c.status().resolution())
        .param("now", ts(clock.instant()))
        .update();
  }

  @Override
  public java.util.List<UUID> connected(ExternalSystem system) {
    return jdbc.sql(
            "select c.integration_id from connection c join integration i"
                + " on i.id = c.integration_id where c.system = :s and c.state = 'CONNECTED'"
                + " and i.state = 'ACTIVE'")
        .param("s", system.name())
        .query((rs, n) -> uuid(rs, "integration_id"))
        .list();
  }

  @Override
  public java.util.List<UUID> idleSince(ExternalSystem system, java.time.Instant before) {
    return jdbc.sql(
            "select integration_id from connection where system = :s"
                + " and state = 'CONNECTED' and token_issued_at < :before")
        .param("s", system.name())
        .param("before", ts(before))
        .query((rs, n) -> uuid(rs, "integration_id"))
        .list();
  }

  @Override
  public SystemConnection updateLocked(
      UUID integrationId, ExternalSystem system, UnaryOperator<SystemConnection> change) {
    return tx.execute(
        status -> {
          SystemConnection current =
              select(integrationId, system, " for update")
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "No " + system + " connection for integration " + integrationId));
          SystemConnection changed = change.apply(current);
          if (changed != current) {
            save(changed);
          }
          return changed;
        });
  }

  private Optional<SystemConnection> select(
      UUID integrationId, ExternalSystem system, String lock) {
    return jdbc.sql("select * from connection" + KEY + lock)
        .param("i", integrationId)
        .param("s", system.name())
        .query(this::map)
        .optional();
  }

  private SystemConnection map(ResultSet rs, int row) throws SQLException {
    String code = rs.getString("status_code");
    return new SystemConnection(
        uuid(rs, "integration_id"),
        ExternalSystem.valueOf(rs.getString("system")),
        ConnectionState.valueOf(rs.getString("state")),
        rs.getString("base_url"),
        rs.getString("external_id"),
        cipher.decrypt(rs.getBytes("access_token")),
        cipher.decrypt(rs.getBytes("refresh_token")),
        cipher.decrypt(rs.getBytes("webhook_secret")),
        instant(rs, "access_expires_at"),
        instant(rs, "token_issued_at"),
        code == null
            ? null
            : new BookingError(
                code, rs.getString("status_message"), rs.getString("status_resolution")),
        instant(rs, "updated_at"));
  }
}

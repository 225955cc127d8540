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
import koppel.integration.Integration;
import koppel.integration.Login;
import koppel.integration.LoginStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLoginStore implements LoginStore {

  private final JdbcClient jdbc;

  JdbcLoginStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void create(Login login, String passwordHash) {
    jdbc.sql(
            """
            insert into login (id, username, email, password_hash, language, created_at)
            values (:id, :username, :email, :hash, :language, :created)
            """)
        .param("id", login.id())
        .param("username", login.username())
        .param("email", login.email())
        .param("hash", passwordHash)
        .param("language", login.language())
        .param("created", ts(login.createdAt()))
        .update();
  }

  @Override
  public Optional<Login> find(String username) {
    return jdbc.sql("select * from login where username = :u")
        .param("u", username)
        .query(JdbcLoginStore::map)
        .optional();
  }

  @Override
  public Optional<Login> findById(UUID id) {
    return jdbc.sql("select * from login where id = :id")
        .param("id", id)
        .query(JdbcLoginStore::map)
        .optional();
  }

  @Override
  public Optional<Login> findByEmail(String email) {
    return jdbc.sql(
            "select * from login where lower(email) = lower(:e) order by created_at limit 1")
        .param("e", email)
        .query(JdbcLoginStore::map)
        .optional();
  }

  @Override
  public Optional<String> passwordHash(String username) {
    return jdbc.sql("select password_hash from login where username = :u")
        .param("u", username)
        .query(String.class)
        .optional();
  }

  @Override
  public void setPassword(UUID loginId, String passwordHash) {
    jdbc.sql(
            "update login set password_hash = :h, password_reset_hash = null,"
                + " password_reset_expires_at = null where id = :id")
        .param("h", passwordHash)
        .param("id", loginId)
        .update();
  }

  @Override
  public void setLanguage(UUID loginId, String language) {
    jdbc.sql("update login set language = :l where id = :id")
        .param("l", language)
        .param("id", loginId)
        .update();
  }

  @Override
  public void setResetToken(UUID loginId, String tokenHash, Instant expiresAt) {
    jdbc.sql(
            "update login set password_reset_hash = :h, password_reset_expires_at = :e"
                + " where id = :id")
        .param("h", tokenHash)
        .param("e", ts(expiresAt))
        .param("id", loginId)
        .update();
  }

  @Override
  public Optional<Login> findByResetToken(String tokenHash, Instant now) {
    return jdbc.sql(
            "select * from login where password_reset_hash = :h and password_reset_expires_at > :now")
        .param("h", tokenHash)
        .param("now", ts(now))
        .query(JdbcLoginStore::map)
        .optional();
  }

  @Override
  public Optional<Login> consumeResetToken(String tokenHash, Instant now) {
    return jdbc.sql(
            """
            update login set password_reset_hash = null, password_reset_expires_at = null
            where password_reset_hash = :h and password_reset_expires_at > :now
            returning *
            """)
        .param("h", tokenHash)
        .param("now", ts(now))
        .query(JdbcLoginStore::map)
        .optional();
  }

  @Override
  public List<Integration> integrations(UUID loginId) {
    return jdbc.sql(
            "select * from integration where login_id = :l and removed_at is null"
                + " order by created_at, licence_key")
        .param("l", loginId)
        .query(JdbcIntegrationStore::map)
        .list();
  }

  private static Login map(ResultSet rs, int row) throws SQLException {
    return new Login(
        uuid(rs, "id"),
        rs.getString("username"),
        rs.getString("email"),
        rs.getString("language"),
        instant(rs, "created_at"));
  }
}

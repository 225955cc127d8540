package koppel.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM (started on first use), and a fresh database per caller, so
 * tests never see each other's rows.
 */
public final class TestDatabase {

  private static EmbeddedPostgres server;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestDatabase() {}

  /** The JDBC URL of a new, empty database. */
  public static synchronized String newDatabase() {
    try {
      if (server == null) {
        server = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        server.close();
                      } catch (IOException ignored) {
                        // the JVM ends anyway
                      }
                    }));
      }
      String name = "koppel_test_" + COUNTER.incrementAndGet();
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database " + name);
      }
      return server.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

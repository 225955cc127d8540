package koppel.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import koppel.persistence.LockConnections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * PostgreSQL by URL ({@code KOPPEL_DB_URL} or {@code spring.datasource.url}), or an embedded real
 * PostgreSQL when none is configured.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

  @Bean(destroyMethod = "close")
  PostgresServer postgresServer(KoppelProperties properties, Environment env) {
    String url = firstNonBlank(properties.db().url(), env.getProperty("spring.datasource.url"));
    if (url != null) {
      return PostgresServer.external(
          url,
          firstNonBlank(properties.db().username(), env.getProperty("spring.datasource.username")),
          firstNonBlank(properties.db().password(), env.getProperty("spring.datasource.password")));
    }
    return PostgresServer.embedded(properties.embeddedDataDir(), properties.db().embeddedPort());
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(PostgresServer server, KoppelProperties properties) {
    return pool(server, "koppel", properties.db().poolSize());
  }

  /**
   * Connections that hold advisory locks (one per thread that holds a lock, two when a token
   * refresh happens under a customer lock): a pool of their own, so lock holders never starve the
   * work pool. Autocommit: a held lock never keeps a transaction open.
   */
  @Bean(destroyMethod = "close")
  LockConnections lockConnections(PostgresServer server, KoppelProperties properties) {
    HikariDataSource locks = pool(server, "koppel-locks", properties.db().lockPoolSize());
    locks.setMinimumIdle(1);
    return new LockConnections(locks);
  }

  private static HikariDataSource pool(PostgresServer server, String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername(server.username());
    config.setPassword(server.password());
    config.setMaximumPoolSize(size);
    config.setAutoCommit(true);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }
}

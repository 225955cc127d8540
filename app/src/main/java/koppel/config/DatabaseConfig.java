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
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername(server.username());
    config.setPassword(server.password());
    config.setMaximumPoolSize(properties.db().poolSize());
    config.setPoolName("koppel");
    return new HikariDataSource(config);
  }

  /**
   * Connections that hold advisory locks (one per thread that holds a lock, two when a token
   * refresh happens under a customer lock): a pool of their own, so lock holders never starve the
   * work pool.
   */
  @Bean(destroyMethod = "close")
  LockConnections lockConnections(PostgresServer server, KoppelProperties properties) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername(server.username());
    config.setPassword(server.password());
    config.setMaximumPoolSize(properties.db().lockPoolSize());
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    config.setPoolName("koppel-locks");
    return new LockConnections(new HikariDataSource(config));
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }
}

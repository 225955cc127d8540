package koppel.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh PostgreSQL database with Koppel's migrations applied, for persistence tests. */
public final class MigratedDatabase {

  public final DataSource dataSource;
  public final JdbcClient jdbc;
  public final TransactionTemplate tx;
  public final DataSourceTransactionManager txManager;

  public MigratedDatabase() {
    String url = TestDatabase.newDatabase();
    this.dataSource = new DriverManagerDataSource(url, "postgres", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    this.jdbc = JdbcClient.create(dataSource);
    this.txManager = new DataSourceTransactionManager(dataSource);
    this.tx = new TransactionTemplate(txManager);
  }
}

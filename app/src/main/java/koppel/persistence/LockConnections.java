package koppel.persistence;

import javax.sql.DataSource;

/**
 * The small pool of database connections that hold session-level advisory locks. Kept apart from
 * the work pool so a thread holding a lock can always get a connection for its work.
 */
public record LockConnections(DataSource dataSource) implements AutoCloseable {

  @Override
  public void close() throws Exception {
    if (dataSource instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}

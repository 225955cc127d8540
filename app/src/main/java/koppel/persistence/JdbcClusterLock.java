package koppel.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import koppel.order.port.ClusterLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Repository;

/**
 * PostgreSQL session-level advisory locks, one per (integration, key), on a connection of their own
 * in autocommit mode: the lock is held between statements without any open transaction, so nothing
 * waits on a transaction while Exact answers, and PostgreSQL releases it when the session ends (the
 * node died). Taken with pg_try_advisory_lock in a short loop so a wait is bounded.
 */
@Repository
class JdbcClusterLock implements ClusterLock {

  private static final long POLL_MILLIS = 15;

  private final LockConnections connections;
  private final Duration maxWait;

  JdbcClusterLock(
      LockConnections connections, @Value("${koppel.lock.max-wait:2m}") Duration maxWait) {
    this.connections = connections;
    this.maxWait = maxWait;
  }

  @Override
  public <T> T exclusively(UUID integrationId, Collection<String> keys, Supplier<T> work) {
    List<Long> ids =
        keys.stream().map(k -> lockId(integrationId + "|" + k)).distinct().sorted().toList();
    if (ids.isEmpty()) {
      return work.get();
    }
    try (Connection c = connections.dataSource().getConnection()) {
      c.setAutoCommit(true);
      int held = 0;
      try {
        for (long id : ids) {
          acquire(c, id, keys);
          held++;
        }
        return work.get();
      } finally {
        for (int i = 0; i < held; i++) {
          release(c, ids.get(i));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Could not use a lock connection", e);
    }
  }

  private void acquire(Connection c, long id, Collection<String> keys) throws SQLException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
      s.setLong(1, id);
      while (true) {
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new Timeout("Another Koppel node holds the lock on " + keys + " for too long");
        }
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Timeout("Interrupted while waiting for the lock on " + keys);
        }
      }
    }
  }

  private static void release(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?)")) {
      s.setLong(1, id);
      s.executeQuery().close();
    }
  }

  static long lockId(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package koppel.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.function.Supplier;
import koppel.order.port.MasterDataLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A PostgreSQL transaction-level advisory lock per (integration, key): shared by every node on the
 * database, released when the work's transaction ends, even if the node dies.
 */
@Repository
class JdbcMasterDataLock implements MasterDataLock {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcMasterDataLock(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public <T> T exclusively(UUID integrationId, String key, Supplier<T> work) {
    long lockId = lockId(integrationId + "|" + key);
    return tx.execute(
        status -> {
          jdbc.sql("select pg_advisory_xact_lock(:id)").param("id", lockId).query().singleRow();
          return work.get();
        });
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

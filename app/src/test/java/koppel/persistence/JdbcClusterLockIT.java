package koppel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import koppel.order.port.ClusterLock;
import koppel.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cluster lock on a real PostgreSQL, as two nodes would use it (two pools on one database): it
 * excludes, it releases, a dead holder's lock is freed, and while it is held no transaction is open
 * — the README's promise that Koppel never holds a transaction while Exact answers.
 */
class JdbcClusterLockIT {

  private static HikariDataSource nodeA;
  private static HikariDataSource nodeB;
  private static JdbcClusterLock lockA;
  private static JdbcClusterLock lockB;
  private static JdbcClient observer;

  @BeforeAll
  static void twoNodes() {
    String url = TestDatabase.newDatabase();
    nodeA = pool(url);
    nodeB = pool(url);
    lockA = new JdbcClusterLock(new LockConnections(nodeA), Duration.ofSeconds(2));
    lockB = new JdbcClusterLock(new LockConnections(nodeB), Duration.ofSeconds(2));
    observer = JdbcClient.create(pool(url));
  }

  @AfterAll
  static void close() {
    nodeA.close();
    nodeB.close();
  }

  private static HikariDataSource pool(String url) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setUsername("postgres");
    c.setPassword("");
    c.setMaximumPoolSize(4);
    return new HikariDataSource(c);
  }

  @Test
  void twoNodesNeverRunTheWorkOfOneKeyAtTheSameTime() throws Exception {
    UUID integration = UUID.randomUUID();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(6);
    List<Future<?>> work = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      JdbcClusterLock lock = i % 2 == 0 ? lockA : lockB;
      work.add(
          threads.submit(
              () ->
                  lock.exclusively(
                      integration,
                      List.of("customer:1:fatima@example.be"),
                      () -> {
                        if (inside.incrementAndGet() > 1) {
                          overlaps.incrementAndGet();
                        }
                        sleep(15);
                        inside.decrementAndGet();
                        return null;
                      })));
    }
    for (Future<?> f : work) {
      f.get(30, TimeUnit.SECONDS);
    }
    threads.shutdown();
    assertThat(overlaps.get()).isZero();
  }

  @Test
  void whileTheLockIsHeldNoTransactionIsOpen() throws Exception {
    UUID integration = UUID.randomUUID();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    ExecutorService thread = Executors.newSingleThreadExecutor();
    Future<?> holder =
        thread.submit(
            () ->
                lockA.exclusively(
                    integration,
                    List.of("item:1:SKU-1"),
                    () -> {
                      held.countDown();
                      await(done);
                      return null;
                    }));
    assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
    // the lock is held (an advisory lock in pg_locks) by a session that is idle, not in a
    // transaction: nothing waits on a transaction while the work (an Exact call) runs
    List<String> holders =
        observer
            .sql(
                "select a.state from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                    + " where l.locktype = 'advisory' and l.granted")
            .query(String.class)
            .list();
    assertThat(holders).containsExactly("idle");
    long openTransactions =
        observer
            .sql(
                "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and state like 'idle in transaction%'")
            .query(Long.class)
            .single();
    assertThat(openTransactions).isZero();
    assertThatThrownBy(() -> lockB.exclusively(integration, List.of("item:1:SKU-1"), () -> "never"))
        .isInstanceOf(ClusterLock.Timeout.class);
    done.countDown();
    holder.get(5, TimeUnit.SECONDS);
    assertThat(lockB.exclusively(integration, List.of("item:1:SKU-1"), () -> "now"))
        .isEqualTo("now");
    thread.shutdown();
  }

  @Test
  void aDeadHoldersLockIsReleasedByPostgres() throws Exception {
    UUID integration = UUID.randomUUID();
    String url = TestDatabase.newDatabase();
    HikariDataSource dying = pool(url);
    HikariDataSource survivor = pool(url);
    JdbcClusterLock dyingLock =
        new JdbcClusterLock(new LockConnections(dying), Duration.ofSeconds(2));
    JdbcClusterLock survivorLock =
        new JdbcClusterLock(new LockConnections(survivor), Duration.ofSeconds(10));
    CountDownLatch held = new CountDownLatch(1);
    ExecutorService thread = Executors.newSingleThreadExecutor();
    thread.submit(
        () ->
            dyingLock.exclusively(
                integration,
                List.of("customer:1:x@example.be"),
                () -> {
                  held.countDown();
                  sleep(60_000);
                  return null;
                }));
    assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
    Instant before = Instant.ofEpochMilli(System.currentTimeMillis());
    dying.close(); // the node's connections die with it
    thread.shutdownNow();
    assertThat(survivorLock.exclusively(integration, List.of("customer:1:x@example.be"), () -> 1))
        .isEqualTo(1);
    assertThat(Duration.between(before, Instant.ofEpochMilli(System.currentTimeMillis())))
        .isLessThan(Duration.ofSeconds(10));
    survivor.close();
  }

  @Test
  void keysAreTakenInOneOrderSoOverlappingSetsCannotDeadlock() throws Exception {
    UUID integration = UUID.randomUUID();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<Integer>> work = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      List<String> keys = i % 2 == 0 ? List.of("item:a", "item:b") : List.of("item:b", "item:a");
      JdbcClusterLock lock = i % 2 == 0 ? lockA : lockB;
      work.add(threads.submit(() -> lock.exclusively(integration, keys, () -> 1)));
    }
    int done = 0;
    for (Future<Integer> f : work) {
      done += f.get(30, TimeUnit.SECONDS);
    }
    threads.shutdown();
    assertThat(done).isEqualTo(40);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

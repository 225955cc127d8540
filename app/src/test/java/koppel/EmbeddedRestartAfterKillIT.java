package koppel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import koppel.support.Http;
import koppel.support.KoppelProcess;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of Koppel leaves its embedded PostgreSQL running: a process of its own that still holds
 * the data directory. The packaged jar, started again on that directory, must stop that server,
 * start its own and carry on with the same data; twice in a row.
 */
class EmbeddedRestartAfterKillIT {

  private static final String LEFTOVER_LINE = "left running by an earlier Koppel";

  private final List<ProcessHandle> postgresServers = new ArrayList<>();

  @Test
  void restartsOnItsDataAfterKillMinus9() throws Exception {
    Path workDir = Files.createTempDirectory("koppel-killed");
    Path dataDir = workDir.resolve("data");
    int port = freePort();
    KoppelProcess koppel =
        new KoppelProcess(
            workDir,
            port,
            Map.of(
                "koppel.data-dir",
                dataDir,
                "server.port",
                port,
                "koppel.operator.password",
                "x",
                "koppel.crypto.key",
                "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "spring.jmx.enabled",
                false),
            // starts faster; this test starts Koppel three times
            List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"));
    try {
      koppel.start();
      createIntegration(port, 1);
      for (int round = 1; round <= 2; round++) {
        ProcessHandle postgres = postmaster(dataDir);
        postgresServers.add(postgres);

        koppel.kill(); // SIGKILL: no shutdown hook runs
        assertThat(isRunning(postgres)).as("PostgreSQL outlives the killed JVM").isTrue();

        long restart = System.nanoTime();
        koppel.start();
        System.out.printf(
            "restart %d after kill -9 ready in %d ms%n",
            round, Duration.ofNanos(System.nanoTime() - restart).toMillis());
        String output = Files.readString(koppel.log());
        output.lines().filter(l -> l.contains("LeftoverPostgres")).forEach(System.out::println);

        assertThat(output).contains(LEFTOVER_LINE);
        assertThat(isRunning(postgres)).as("the earlier PostgreSQL is stopped").isFalse();
        for (int i = 1; i <= round; i++) {
          Http.Response found =
              Http.get(url(port, "/api/operator/integrations?login=l" + i), "operator", "x");
          assertThat(found.status()).isEqualTo(200);
          assertThat(found.body()).as("written before a kill").contains("\"Shop " + i + "\"");
        }
        createIntegration(port, round + 1);
      }
    } finally {
      koppel.stop();
      stopEverything(dataDir);
      deleteRecursively(workDir);
    }
  }

  private static void createIntegration(int port, int n) {
    Http.Response created =
        Http.post(
            url(port, "/api/operator/integrations"),
            Map.of(
                "name",
                "Shop " + n,
                "ownerEmail",
                "a@b.be",
                "login",
                "l" + n,
                "password",
                "p",
                "shopCountry",
                "BE"),
            "operator",
            "x");
    assertThat(created.status()).isEqualTo(201);
  }

  /** The server the running Koppel started, from line 1 of its postmaster.pid. */
  private static ProcessHandle postmaster(Path dataDir) throws IOException {
    String pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0);
    Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(pid.strip()));
    assertThat(handle).as("PostgreSQL runs as pid %s", pid).isPresent();
    return handle.get();
  }

  /** Alive and no zombie: where nobody reaps orphans a stopped server lingers as one. */
  private static boolean isRunning(ProcessHandle p) {
    if (!p.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
      return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The last Koppel stopped its PostgreSQL itself (SIGTERM: graceful shutdown); whatever is still
   * running after that (a failed run) is ended here, so no process outlives the test.
   */
  private void stopEverything(Path dataDir) throws Exception {
    if (Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid"))) {
      try {
        postgresServers.add(postmaster(dataDir));
      } catch (IOException | RuntimeException | AssertionError gone) {
        // no server left: nothing to stop
      }
    }
    for (ProcessHandle postgres : postgresServers) {
      if (isRunning(postgres)) {
        postgres.destroy(); // smart shutdown: its clients died with their JVM
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (isRunning(postgres) && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        postgres.destroyForcibly();
      }
    }
  }

  private static String url(int port, String path) {
    return "http://localhost:" + port + path;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

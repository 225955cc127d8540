package koppel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Koppel does with a postmaster.pid it finds before starting the embedded server. Real
 * processes stand in for PostgreSQL: {@code sleep}, and a copy of it called {@code postgres}.
 */
class LeftoverPostgresTest {

  @TempDir Path dir;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopProcesses() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void withoutAPidFileThereIsNothingToDo() throws IOException {
    Path dataDir = Files.createDirectories(dir.resolve("postgres"));

    LeftoverPostgres.clear(dataDir);

    try (var files = Files.list(dataDir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aStaleFileIsLeftToPostgres() throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve("postgres"));
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path pidFile = writePidFile(dataDir, gone.pid());

    LeftoverPostgres.clear(dataDir);

    assertThat(pidFile).as("PostgreSQL takes over a file of a dead pid itself").exists();
  }

  @Test
  void aLiveProcessThatIsNoPostgresIsNeverSignalled() throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve("postgres"));
    Process other = start(new ProcessBuilder("sleep", "60"));
    Path pidFile = writePidFile(dataDir, other.pid());

    LeftoverPostgres.clear(dataDir);

    assertThat(other.waitFor(300, TimeUnit.MILLISECONDS)).as("still running").isFalse();
    assertThat(pidFile).as("PostgreSQL would refuse it while that process lives").doesNotExist();
  }

  @Test
  void aPostgresOfAnotherDirectoryIsNeverSignalled() throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve("postgres"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Process hosts = start(postgresLookalike().directory(elsewhere.toFile()));
    writePidFile(dataDir, hosts.pid());

    LeftoverPostgres.clear(dataDir);

    assertThat(hosts.waitFor(300, TimeUnit.MILLISECONDS)).as("still running").isFalse();
  }

  @Test
  void thePostgresOfThisDirectoryIsStopped() throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve("postgres"));
    Process leftover = start(postgresLookalike().directory(dataDir.toFile()));
    writePidFile(dataDir, leftover.pid());

    LeftoverPostgres.clear(dataDir);

    assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(leftover.exitValue()).as("ended by SIGINT").isEqualTo(128 + 2);
  }

  @Test
  void garbageIsRemoved() throws IOException {
    Path dataDir = Files.createDirectories(dir.resolve("postgres"));
    Path pidFile = Files.writeString(dataDir.resolve("postmaster.pid"), "");

    LeftoverPostgres.clear(dataDir);

    assertThat(pidFile).as("PostgreSQL refuses an empty lock file").doesNotExist();

    Files.writeString(pidFile, "not a pid\n");
    LeftoverPostgres.clear(dataDir);
    assertThat(pidFile).doesNotExist();
  }

  @Test
  void aDirectoryALiveKoppelUsesIsLeftAlone() throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve("postgres"));
    Process postgres = start(postgresLookalike().directory(dataDir.toFile()));
    writePidFile(dataDir, postgres.pid());

    try (FileChannel zonky =
            FileChannel.open(
                dataDir.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = zonky.lock()) {
      assertThatThrownBy(() -> LeftoverPostgres.clear(dataDir))
          .isInstanceOf(EmbeddedPostgresException.class)
          .hasMessageContaining("another running Koppel")
          .hasMessageContaining(dataDir.toString());
    }
    assertThat(postgres.isAlive()).isTrue();
  }

  private Process start(ProcessBuilder builder) throws IOException {
    Process p = builder.start();
    started.add(p);
    return p;
  }

  /** {@code sleep} under the name {@code postgres}; SIGINT ends it, as it does PostgreSQL. */
  private ProcessBuilder postgresLookalike() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path postgres = bin.resolve("postgres");
    if (!Files.exists(postgres)) {
      Path sleep = Path.of("/bin/sleep").toRealPath();
      Files.copy(sleep, postgres, StandardCopyOption.COPY_ATTRIBUTES);
    }
    return new ProcessBuilder(postgres.toString(), "60");
  }

  private static Path writePidFile(Path dataDir, long pid) throws IOException {
    return Files.writeString(
        dataDir.resolve("postmaster.pid"),
        pid + "\n" + dataDir + "\n1796500382\n5432\n/tmp\nlocalhost\n  2147905 20\nready\n");
  }
}

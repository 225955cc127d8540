package koppel.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for the embedded PostgreSQL in a data directory an earlier Koppel may have left
 * behind. The server is a process of its own (zonky detaches it), so when Koppel's JVM is killed
 * (kill -9, the OOM killer) it keeps running and holds the directory, and the next start fails.
 */
final class LeftoverPostgres {

  private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

  /** zonky's lock file; it holds an fcntl lock on it as long as its JVM lives. */
  static final String ZONKY_LOCK = "epg-lock";

  /** Fast shutdown rolls back open transactions and writes a checkpoint: seconds at most. */
  static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);

  static final Duration AFTER_ESCALATION = Duration.ofSeconds(5);

  private LeftoverPostgres() {}

  /**
   * Makes sure nothing but a server PostgreSQL itself can deal with is in {@code dataDir}: stops a
   * PostgreSQL a killed Koppel left running, drops a postmaster.pid PostgreSQL would refuse to
   * start over, and fails when a live Koppel still uses the directory.
   */
  static void clear(Path dataDir) {
    requireNoLiveKoppel(dataDir);
    Path pidFile = dataDir.resolve(PostmasterPid.FILE_NAME);
    Optional<String> content = read(pidFile);
    if (content.isEmpty()) {
      return;
    }
    Optional<PostmasterPid> postmaster = PostmasterPid.parse(content.get());
    if (postmaster.isEmpty()) {
      // PostgreSQL refuses to start over it ("bogus data in lock file", "lock file is empty")
      log.info("{} names no process (cut short by a crash?); removing it", pidFile);
      delete(pidFile);
      return;
    }
    long pid = postmaster.get().pid();
    Optional<LocalProcess> process = LocalProcess.running(pid);
    if (process.isEmpty()) {
      log.info(
          "{} is left from a PostgreSQL (pid {}) that is no longer running; PostgreSQL will start"
              + " over it and recover",
          pidFile,
          pid);
      return;
    }
    if (!process.get().isPostgresIn(dataDir)) {
      // PostgreSQL would refuse to start for as long as that process lives; after a reboot or in a
      // container pids are reused soon, often by one of our own JVM's threads
      log.info(
          "{} names pid {}, which is not this directory's PostgreSQL but another process ({});"
              + " leaving that process alone and removing the stale file",
          pidFile,
          pid,
          process.get().programName());
      delete(pidFile);
      return;
    }
    log.warn(
        "Found a PostgreSQL (pid {}{}) left running by an earlier Koppel on {}; stopping it before"
            + " starting again",
        pid,
        postmaster.get().port() > 0 ? ", port " + postmaster.get().port() : "",
        dataDir);
    stop(process.get(), dataDir);
  }

  /**
   * Fast shutdown (SIGINT), as {@code pg_ctl stop -m fast} would; then immediate shutdown (SIGQUIT)
   * and SIGKILL. SIGTERM would be no escalation: to PostgreSQL it means the gentler smart shutdown.
   */
  private static void stop(LocalProcess postgres, Path dataDir) {
    long started = System.nanoTime();
    if (!postgres.signal("INT")) {
      throw new EmbeddedPostgresException(
          "a PostgreSQL (pid "
              + postgres.pid()
              + ") an earlier Koppel left running holds it, and Koppel may not stop it",
          dataDir,
          "Stop that process (kill -INT " + postgres.pid() + ")",
          null);
    }
    boolean stopped = postgres.awaitExit(FAST_SHUTDOWN);
    if (!stopped) {
      log.warn(
          "PostgreSQL (pid {}) ignored fast shutdown; shutting it down immediately",
          postgres.pid());
      stopped = postgres.signal("QUIT") && postgres.awaitExit(AFTER_ESCALATION);
    }
    if (!stopped) {
      log.warn("PostgreSQL (pid {}) ignored immediate shutdown; killing it", postgres.pid());
      stopped = postgres.signal("KILL") && postgres.awaitExit(AFTER_ESCALATION);
    }
    if (!stopped) {
      throw new EmbeddedPostgresException(
          "a PostgreSQL (pid " + postgres.pid() + ") an earlier Koppel left running does not stop",
          dataDir,
          "Stop that process",
          null);
    }
    log.info(
        "Stopped the earlier PostgreSQL (pid {}) in {} ms",
        postgres.pid(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /**
   * zonky locks {@value #ZONKY_LOCK} while its server runs. The kernel drops that lock when the JVM
   * dies, even by kill -9, so a lock still held means a live Koppel (or this JVM) uses the
   * directory and its PostgreSQL must not be touched.
   */
  private static void requireNoLiveKoppel(Path dataDir) {
    Path lockFile = dataDir.resolve(ZONKY_LOCK);
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        lock.release();
        return;
      }
    } catch (OverlappingFileLockException e) {
      // this JVM holds it: a second embedded server on the same directory
    } catch (IOException e) {
      log.debug("Could not try {}; zonky will", lockFile, e);
      return;
    }
    OptionalLong holder = lockHolder(lockFile);
    throw new EmbeddedPostgresException(
        "another running Koppel"
            + (holder.isPresent() ? " (pid " + holder.getAsLong() + ")" : "")
            + " uses it",
        dataDir,
        "Stop that Koppel",
        null);
  }

  /**
   * Who holds a lock on the file, from /proc/locks ("1: POSIX ADVISORY WRITE pid maj:min:inode").
   */
  private static OptionalLong lockHolder(Path file) {
    try {
      String inode = ":" + Files.getAttribute(file, "unix:ino");
      List<String> locks = Files.readAllLines(Path.of("/proc/locks"), StandardCharsets.UTF_8);
      for (String line : locks) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 5 && f[5].endsWith(inode)) {
          return OptionalLong.of(Long.parseLong(f[4]));
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Could not tell who locks {}", file, e);
    }
    return OptionalLong.empty();
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new EmbeddedPostgresException(
          "cannot read " + file, file.getParent(), "Let Koppel read that file", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new EmbeddedPostgresException(
          "cannot remove the stale " + file, file.getParent(), "Remove that file", e);
    }
  }
}

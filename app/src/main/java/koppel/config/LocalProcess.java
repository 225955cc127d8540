package koppel.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running process of this (Linux) host, looked at through {@code /proc}. Enough to tell the
 * PostgreSQL an earlier Koppel left behind from whatever else has the pid by now, and to signal it.
 * Linux is the only platform Koppel ships for.
 */
final class LocalProcess {

  private static final Duration POLL = Duration.ofMillis(50);

  private final ProcessHandle handle;

  private LocalProcess(ProcessHandle handle) {
    this.handle = handle;
  }

  /** Empty when no process has this pid, or only its zombie is left. */
  static Optional<LocalProcess> running(long pid) {
    return ProcessHandle.of(pid).map(LocalProcess::new).filter(LocalProcess::isRunning);
  }

  long pid() {
    return handle.pid();
  }

  /**
   * Whether this is a PostgreSQL server working in {@code dataDir}: its program is called {@code
   * postgres} and its working directory is the data directory (the postmaster changes into it).
   * After a reboot the pid may belong to another PostgreSQL, such as the host's own, and that one
   * must be left alone. /proc shows the working directory of our own user's processes only, and the
   * server an earlier Koppel started runs as that user (as root outside zonky's unshare), so a
   * hidden one is not ours.
   */
  boolean isPostgresIn(Path dataDir) {
    if (!programName().equals("postgres")) {
      return false;
    }
    try {
      return Files.isSameFile(proc("cwd").toRealPath(), dataDir);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** The program's file name: of the executable, else of argv[0]. */
  String programName() {
    String program =
        handle
            .info()
            .command()
            .orElseGet(() -> commandLine().split("\0", 2)[0])
            .replaceFirst(":.*", "") // PostgreSQL's children retitle themselves "postgres: ..."
            .strip();
    Path name = Path.of(program).getFileName();
    return name == null ? "" : name.toString();
  }

  /** The raw command line, arguments separated by NUL; empty when /proc does not show it. */
  private String commandLine() {
    try {
      return new String(Files.readAllBytes(proc("cmdline")), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Sends a signal ({@code INT}, {@code QUIT}, ...) with the system's kill command: the JDK itself
   * only sends TERM and KILL. Returns whether the signal was delivered.
   */
  boolean signal(String name) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-s", name, Long.toString(pid()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
    } catch (IOException e) {
      // no kill command (a minimal image): TERM is what the JDK can send
      return name.equals("KILL") ? handle.destroyForcibly() : handle.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Waits until the process is gone; true when it is. */
  boolean awaitExit(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isRunning()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !isRunning();
      }
    }
    return true;
  }

  /**
   * Alive and not a zombie. The handle remembers the start time, so a pid reused meanwhile reads as
   * gone. A zombie counts as gone: where nobody reaps orphans (a JVM as pid 1 in a container) a
   * stopped PostgreSQL stays a zombie, yet it holds nothing any more.
   */
  private boolean isRunning() {
    if (!handle.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(proc("stat"));
      // "pid (comm) S ...": the state follows the last ')', comm may itself contain ')'
      String afterName = stat.substring(stat.lastIndexOf(')') + 1).strip();
      return !afterName.startsWith("Z") && !afterName.startsWith("X");
    } catch (IOException | RuntimeException e) {
      return handle.isAlive();
    }
  }

  private Path proc(String entry) {
    return Path.of("/proc", Long.toString(pid()), entry);
  }
}

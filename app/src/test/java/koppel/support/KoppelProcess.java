package koppel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Koppel as its own operating-system process (the packaged jar), as it runs in production: so a
 * test can {@code kill -9} it. Its output goes to a log file in its work directory.
 */
public final class KoppelProcess {

  /** The runnable jar Maven packages before the integration tests run. */
  public static final Path JAR = Path.of("target", "koppel-app-exec.jar");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Path workDir;
  private final int port;
  private final List<String> args;
  private final List<String> jvm;
  private Process process;
  private int runs;

  /**
   * @param properties Spring properties (name → value), passed as {@code --name=value}
   * @param jvmOptions e.g. {@code -Xmx512m}
   */
  public KoppelProcess(
      Path workDir, int port, Map<String, Object> properties, List<String> jvmOptions) {
    this.workDir = workDir;
    this.port = port;
    this.args = new ArrayList<>();
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    this.jvm = List.copyOf(jvmOptions);
  }

  public String url() {
    return "http://localhost:" + port;
  }

  public Path log() {
    return workDir.resolve("koppel-" + runs + ".log");
  }

  /** Starts the jar and waits until Koppel is ready. */
  public KoppelProcess start() throws IOException, InterruptedException {
    assertThat(JAR).as("the packaged app jar").exists();
    runs++;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(args);
    process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log().toFile())
            .start();
    awaitReady();
    return this;
  }

  /** kill -9: no shutdown hook, no graceful anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
  }

  /** A normal stop (SIGTERM: graceful shutdown). */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive())
          .as("Koppel runs; its output:%n%s", Files.readString(log()))
          .isTrue();
      try {
        if (Http.get(url() + "/actuator/health/readiness").status() == 200) {
          return;
        }
      } catch (IllegalStateException notListeningYet) {
        // keep polling
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "Koppel not ready in " + START_TIMEOUT + "; its output:\n" + Files.readString(log()));
  }
}

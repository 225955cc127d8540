package koppel.config;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL cannot run in its data directory. Carries what an operator can do about
 * it, so Koppel stops with one readable message (see {@link EmbeddedPostgresFailureAnalyzer})
 * rather than a stack trace.
 */
public final class EmbeddedPostgresException extends RuntimeException {

  private final transient Path dataDir;
  private final String action;

  /**
   * @param firstStep what would let the server start in this directory; moving elsewhere is always
   *     offered after it
   */
  EmbeddedPostgresException(String problem, Path dataDir, String firstStep, Throwable cause) {
    super(
        "Koppel could not start its embedded PostgreSQL in "
            + dataDir.toAbsolutePath()
            + ": "
            + problem,
        cause);
    this.dataDir = dataDir.toAbsolutePath();
    this.action =
        firstStep
            + ", or point KOPPEL_DATA_DIR at another directory, or set KOPPEL_DB_URL to use a"
            + " PostgreSQL server of your own.";
  }

  /** The server itself would not start; its own output, logged just before, says why. */
  static EmbeddedPostgresException failed(String problem, Path dataDir, Throwable cause) {
    return new EmbeddedPostgresException(
        problem,
        dataDir,
        "Look at the PostgreSQL lines logged just before (a process still holding the directory,"
            + " a full disk, file permissions) and fix that",
        cause);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** What the operator can do, one sentence. */
  public String action() {
    return action;
  }
}

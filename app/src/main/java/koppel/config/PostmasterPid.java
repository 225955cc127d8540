package koppel.config;

import java.util.Optional;

/**
 * What a PostgreSQL server's {@code postmaster.pid} says about the server that wrote it: line 1 is
 * the postmaster's pid, line 4 its port (see "Database File Layout" in the PostgreSQL manual).
 * PostgreSQL removes the file when it shuts down, so a file that is still there after Koppel died
 * names a server that is either still running or was killed itself.
 *
 * @param port -1 when the file does not say (it is written in pieces)
 */
record PostmasterPid(long pid, int port) {

  static final String FILE_NAME = "postmaster.pid";

  /** Empty when the content names no process: empty, cut short or not PostgreSQL's format. */
  static Optional<PostmasterPid> parse(String content) {
    String[] lines = content.split("\n", -1);
    long pid;
    try {
      pid = Long.parseLong(lines[0].strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (pid <= 0) {
      return Optional.empty();
    }
    return Optional.of(new PostmasterPid(pid, lines.length > 3 ? port(lines[3]) : -1));
  }

  private static int port(String line) {
    try {
      int port = Integer.parseInt(line.strip());
      return port > 0 && port <= 65535 ? port : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

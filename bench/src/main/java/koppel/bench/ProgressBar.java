package koppel.bench;

import java.io.PrintStream;

/**
 * One line, rewritten in place on a terminal; on a pipe or in a file a plain line every five
 * seconds.
 */
final class ProgressBar {

  private final PrintStream out;
  private final boolean terminal;
  private long lastPlain;
  private int lastWidth;

  ProgressBar(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  static boolean onTerminal() {
    return System.console() != null;
  }

  void show(
      String phase, String delivered, long fin, long total, double bookedPerSecond, long millis) {
    String bar = bar(total == 0 ? 0 : (double) fin / total, 24);
    String line =
        String.format(
            "%-10s %s webhooks %s  final %d/%d  %.1f booked/s  %s",
            phase, bar, delivered, fin, total, bookedPerSecond, elapsed(millis));
    if (terminal) {
      String padded = line + " ".repeat(Math.max(0, lastWidth - line.length()));
      out.print("\r" + padded);
      out.flush();
      lastWidth = line.length();
    } else if (millis - lastPlain >= 5000 || lastPlain == 0) {
      out.println(line);
      lastPlain = Math.max(millis, 1);
    }
  }

  /** Ends the line being rewritten. */
  void done() {
    if (terminal && lastWidth > 0) {
      out.println();
    }
    lastWidth = 0;
    lastPlain = 0;
  }

  private static String bar(double fraction, int width) {
    int full = (int) Math.round(Math.min(1, fraction) * width);
    return "[" + "#".repeat(full) + ".".repeat(width - full) + "]";
  }

  static String elapsed(long millis) {
    long s = millis / 1000;
    return String.format("%d:%02d", s / 60, s % 60);
  }
}

package koppel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far by each part of the run, read from Linux's /proc: the Koppel nodes, the
 * PostgreSQL server (the postmaster, its live backends and the children it reaped) and this JVM
 * (the three sandboxes and the bench itself). The difference over a phase, per booked order, says
 * where the machine's cores went. Elsewhere than Linux every figure is -1.
 */
final class CpuUsage {

  /** Linux's clock ticks per second for /proc/[pid]/stat (USER_HZ, 100 on every common kernel). */
  private static final double TICKS = 100.0;

  private CpuUsage() {}

  /** CPU seconds by part: {@code koppel}, {@code postgres}, {@code sandboxesAndBench}. */
  static Map<String, Double> now(List<Process> nodes, Path postgresDir) {
    Map<String, Double> out = new LinkedHashMap<>();
    double koppel = 0;
    for (Process p : nodes) {
      koppel += seconds(p.pid(), false);
    }
    out.put("koppel", koppel);
    out.put("postgres", postgres(postgresDir));
    out.put("sandboxesAndBench", seconds(ProcessHandle.current().pid(), false));
    return out;
  }

  private static double postgres(Path dir) {
    try {
      long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0));
      double total = seconds(postmaster, true);
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path p : procs.toList()) {
          String name = p.getFileName().toString();
          if (name.chars().allMatch(Character::isDigit) && parent(p) == postmaster) {
            total += seconds(Long.parseLong(name), false);
          }
        }
      }
      return total;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** utime + stime (and the reaped children's cutime + cstime when asked) of one process. */
  private static double seconds(long pid, boolean withChildren) {
    String[] f = fields(Path.of("/proc", Long.toString(pid)));
    if (f == null) {
      return -1;
    }
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    if (withChildren) {
      ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
    return ticks / TICKS;
  }

  private static long parent(Path proc) {
    String[] f = fields(proc);
    return f == null ? -1 : Long.parseLong(f[1]);
  }

  /** The fields of /proc/[pid]/stat after the command name: f[0] is the state, f[1] the ppid. */
  private static String[] fields(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}

package koppel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The figures as a table on the terminal and as JSON, with the machine and the targets. */
final class Report {

  private Report() {}

  static Map<String, Object> machine(int nodes, String nodeHeap) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    m.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
    m.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    m.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
    m.put("nodes", nodes);
    m.put("nodeMaxHeap", nodeHeap);
    m.put("nodeGc", "G1");
    m.put("benchJvm", ManagementFactory.getRuntimeMXBean().getVmName());
    return m;
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: unknown
    }
    return null;
  }

  /** The targets, each met or missed with its figure; a missing figure is "n/a". */
  static List<Map<String, Object>> targets(Map<String, Map<String, Object>> phases) {
    List<Map<String, Object>> t = new ArrayList<>();
    Map<String, Object> th = phases.get("throughput");
    Map<String, Object> la = phases.get("latency");
    Map<String, Object> li = phases.get("limited");
    t.add(
        target(
            "lookups per order (throughput)",
            "≤ 0.05",
            th == null ? null : num(th.get("lookupsPerOrder")),
            v -> v <= 0.05));
    t.add(
        target(
            "orders per day per division (limited, steady state)",
            "≥ 4800",
            li == null ? null : num(((Map<?, ?>) li.get("limited")).get("steadyStateOrdersPerDay")),
            v -> v >= 4800));
    t.add(
        target(
            "orders booked per second (throughput)",
            "≥ 200",
            th == null ? null : num(th.get("bookedPerSecond")),
            v -> v >= 200));
    t.add(
        target(
            "p99 webhook → BOOKED, ms (latency at 20/s)",
            "≤ 1000",
            la == null ? null : num(((Map<?, ?>) la.get("latencyMillis")).get("p99")),
            v -> v <= 1000));
    Double heap = null;
    for (Map<String, Object> p : phases.values()) {
      for (Object h : (List<?>) p.get("heapUsedBytesPerNode")) {
        if (h != null) {
          double mb = ((Number) h).doubleValue() / (1024 * 1024);
          heap = heap == null ? mb : Math.max(heap, mb);
        }
      }
    }
    t.add(
        target(
            "heap used per node at the end of a phase, MB",
            "≤ 512",
            heap == null ? null : PhaseRunner.round(heap, 1),
            v -> v <= 512));
    return t;
  }

  private static Double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }

  private static Map<String, Object> target(
      String name, String goal, Double value, java.util.function.DoublePredicate met) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", name);
    m.put("goal", goal);
    m.put("value", value);
    m.put("result", value == null ? "n/a" : met.test(value) ? "met" : "missed");
    return m;
  }

  static void printPhase(PrintStream out, Map<String, Object> f) {
    Map<?, ?> o = (Map<?, ?>) f.get("orders");
    Map<?, ?> lat = (Map<?, ?>) f.get("latencyMillis");
    Map<?, ?> e = (Map<?, ?>) f.get("exactlyOnce");
    out.println();
    out.println(
        "--- "
            + f.get("phase")
            + " "
            + (Boolean.TRUE.equals(f.get("exactLimits"))
                ? "(Exact limits on)"
                : "(Exact limits off)"));
    row(
        out,
        "orders total / booked / open / failed / skipped",
        o.get("total")
            + " / "
            + o.get("booked")
            + " / "
            + o.get("open")
            + " / "
            + o.get("failed")
            + " / "
            + o.get("skipped"));
    if (!((Map<?, ?>) o.get("failedByCode")).isEmpty()) {
      row(out, "failed by code", o.get("failedByCode"));
    }
    row(
        out,
        "offered orders per second (webhooks per order)",
        f.get("offeredPerSecond") + " (" + f.get("webhooksPerOrder") + ")");
    row(out, "orders booked per second", f.get("bookedPerSecond"));
    row(
        out,
        "webhook → BOOKED p50 / p95 / p99 / max (ms)",
        lat.get("p50") + " / " + lat.get("p95") + " / " + lat.get("p99") + " / " + lat.get("max"));
    row(
        out,
        "Exact calls per order",
        f.get("callsPerOrder")
            + "  ("
            + f.get("exactCallsTotal")
            + " calls; "
            + f.get("callsSource")
            + ")");
    Map<?, ?> per = (Map<?, ?>) f.get("callsPerOrderByKind");
    Map<?, ?> abs = (Map<?, ?>) f.get("exactCalls");
    for (Object kind : per.keySet()) {
      row(out, "  " + kind, per.get(kind) + "  (" + abs.get(kind) + ")");
    }
    row(out, "lookups per order", f.get("lookupsPerOrder"));
    row(
        out,
        "Exact sandbox counted",
        f.get("exactSandboxCallsTotal") + " calls " + f.get("exactSandboxCallsByKind"));
    row(
        out,
        "most calls in any minute (rolling / clock)",
        f.get("maxCallsInAnyMinute")
            + " / "
            + f.get("maxCallsInAClockMinute")
            + (f.get("exactReportedMaxCallsInAMinute") == null
                ? ""
                : "  (Exact says " + f.get("exactReportedMaxCallsInAMinute") + ")"));
    row(out, "429 answers from Exact", f.get("exactAnswered429"));
    List<String> heaps = new ArrayList<>();
    for (Object h : (List<?>) f.get("heapUsedBytesPerNode")) {
      heaps.add(h == null ? "n/a" : mb(((Number) h).longValue()));
    }
    row(out, "heap used per node", String.join(", ", heaps));
    Object cpu = f.get("cpuMillisPerBookedOrder");
    if (cpu instanceof Map<?, ?> m) {
      row(
          out,
          "CPU ms per booked order",
          "Koppel "
              + m.get("koppel")
              + ", PostgreSQL "
              + m.get("postgres")
              + ", sandboxes + bench "
              + m.get("sandboxesAndBench"));
    }
    row(out, "database size", mb((Long) f.get("databaseBytes")));
    row(
        out,
        "exactly once (all phases)",
        e.get("bookedOrders")
            + " booked, "
            + e.get("exactDocuments")
            + " documents, "
            + e.get("duplicates")
            + " duplicates, "
            + e.get("bookedWithoutDocument")
            + " without document");
    if (f.get("limited") instanceof Map<?, ?> l) {
      row(
          out,
          "orders per day one division can take",
          l.get("ordersPerDay") + "  (5000 / " + l.get("callsPerOrder") + ")");
      row(
          out,
          "  steady state: known customer and products",
          l.get("steadyStateOrdersPerDay")
              + "  (5000 / "
              + l.get("steadyStateCallsPerOrder")
              + "; without the one-time debtor and item creates and their mirror reads)");
      row(out, "60 calls/minute exceeded", l.get("minuteLimitExceeded"));
    }
    if (!Boolean.TRUE.equals(f.get("finished"))) {
      row(out, "NOT FINISHED", "timed out after " + f.get("waitSeconds") + " s");
    }
  }

  static void printTargets(PrintStream out, List<Map<String, Object>> targets) {
    out.println();
    out.println("--- targets");
    for (Map<String, Object> t : targets) {
      row(
          out,
          t.get("target") + " " + t.get("goal"),
          t.get("result") + (t.get("value") == null ? "" : "  (" + t.get("value") + ")"));
    }
  }

  /** The figures that matter, per phase, side by side: {@code --compare old.json new.json}. */
  static int compare(PrintStream out, Path older, Path newer) {
    JsonNode a;
    JsonNode b;
    try {
      a = Http.JSON.readTree(older.toFile());
      b = Http.JSON.readTree(newer.toFile());
    } catch (RuntimeException e) {
      out.println("cannot read the two files: " + e.getMessage());
      return 2;
    }
    out.printf("  %-44s %14s %14s %9s%n", "", older.getFileName(), newer.getFileName(), "change");
    out.printf(
        "  %-44s %14s %14s%n",
        "machine",
        a.path("machine").path("cores").asString() + " cores",
        b.path("machine").path("cores").asString() + " cores");
    String[][] figures = {
      {"orders booked per second", "/bookedPerSecond"},
      {"latency p50 (ms)", "/latencyMillis/p50"},
      {"latency p95 (ms)", "/latencyMillis/p95"},
      {"latency p99 (ms)", "/latencyMillis/p99"},
      {"latency max (ms)", "/latencyMillis/max"},
      {"Exact calls per order", "/callsPerOrder"},
      {"lookups per order", "/lookupsPerOrder"},
      {"customer creates per order", "/callsPerOrderByKind/customer_create"},
      {"item creates per order", "/callsPerOrderByKind/item_create"},
      {"most calls in any minute", "/maxCallsInAnyMinute"},
      {"heap used, node 1 (bytes)", "/heapUsedBytesPerNode/0"},
      {"database size (bytes)", "/databaseBytes"},
      {"orders per day (limited)", "/limited/ordersPerDay"},
      {"orders per day (limited, steady state)", "/limited/steadyStateOrdersPerDay"},
    };
    for (String phase : new String[] {"throughput", "latency", "limited"}) {
      JsonNode pa = a.path("phases").path(phase);
      JsonNode pb = b.path("phases").path(phase);
      if (pa.isMissingNode() && pb.isMissingNode()) {
        continue;
      }
      out.println("--- " + phase);
      for (String[] f : figures) {
        JsonNode va = pa.at(f[1]);
        JsonNode vb = pb.at(f[1]);
        if (!va.isNumber() && !vb.isNumber()) {
          continue;
        }
        String change = "";
        if (va.isNumber() && vb.isNumber() && va.asDouble() != 0) {
          change = String.format("%+.1f %%", 100 * (vb.asDouble() - va.asDouble()) / va.asDouble());
        }
        out.printf(
            "  %-44s %14s %14s %9s%n",
            f[0],
            va.isNumber() ? va.asString() : "n/a",
            vb.isNumber() ? vb.asString() : "n/a",
            change);
      }
    }
    return 0;
  }

  private static void row(PrintStream out, String label, Object value) {
    out.printf("  %-50s %s%n", label, value == null ? "n/a" : value);
  }

  private static String mb(long bytes) {
    return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
  }
}

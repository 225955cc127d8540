package koppel.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: {@code java -jar bench/target/koppel-bench.jar [--orders 10000] [--nodes 1|2]
 * [--rate 20] [--latency-orders 1200] [--limited-orders 150] [--json bench-result.json] [--phases
 * throughput,latency,limited]}. Exit 0 when every booked order is in Exact exactly once, 1 when
 * not, 2 on a usage error or when the bench could not run.
 */
public final class BenchMain {

  /** The command line. */
  record Options(
      int orders,
      int nodes,
      int rate,
      int latencyOrders,
      int limitedOrders,
      Path json,
      List<String> phases,
      String nodeHeap,
      Path appJar,
      long timeoutSeconds) {

    static Options parse(String[] args) {
      Map<String, String> a = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        String k = args[i];
        if (!k.startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --name value, got " + k);
        }
        a.put(k.substring(2), args[++i]);
      }
      List<String> known =
          List.of(
              "orders",
              "nodes",
              "rate",
              "latency-orders",
              "limited-orders",
              "json",
              "phases",
              "node-heap",
              "app-jar",
              "timeout");
      for (String k : a.keySet()) {
        if (!known.contains(k)) {
          throw new IllegalArgumentException("unknown option --" + k + "; known: " + known);
        }
      }
      List<String> phases =
          List.of(a.getOrDefault("phases", "throughput,latency,limited").split(","));
      for (String p : phases) {
        if (!List.of("throughput", "latency", "limited").contains(p)) {
          throw new IllegalArgumentException("unknown phase " + p);
        }
      }
      int orders = Integer.parseInt(a.getOrDefault("orders", "10000"));
      int nodes = Integer.parseInt(a.getOrDefault("nodes", "1"));
      if (orders < 1 || orders > 50_000 || nodes < 1 || nodes > 4) {
        throw new IllegalArgumentException("--orders 1..50000, --nodes 1..4");
      }
      return new Options(
          orders,
          nodes,
          Integer.parseInt(a.getOrDefault("rate", "20")),
          Integer.parseInt(a.getOrDefault("latency-orders", "1200")),
          Integer.parseInt(a.getOrDefault("limited-orders", "150")),
          Path.of(a.getOrDefault("json", "bench-result.json")),
          phases,
          a.getOrDefault("node-heap", "512m"),
          a.containsKey("app-jar") ? Path.of(a.get("app-jar")) : null,
          Long.parseLong(a.getOrDefault("timeout", "0")));
    }
  }

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, ProgressBar.onTerminal()));
  }

  /** Runs the bench; answers the exit code. */
  static int run(String[] args, PrintStream out, boolean terminal) {
    if (args.length == 3 && args[0].equals("--compare")) {
      return Report.compare(out, Path.of(args[1]), Path.of(args[2]));
    }
    Options o;
    Path appJar;
    try {
      o = Options.parse(args);
      appJar = o.appJar() != null ? o.appJar() : findAppJar();
    } catch (IllegalArgumentException e) {
      out.println("koppel-bench: " + e.getMessage());
      out.println(
          "usage: java -jar bench/target/koppel-bench.jar [--orders 10000] [--nodes 1|2]"
              + " [--rate 20] [--latency-orders 1200] [--limited-orders 150]"
              + " [--json bench-result.json] [--phases throughput,latency,limited]"
              + " [--node-heap 512m] [--app-jar app/target/koppel-app-exec.jar] [--timeout seconds]");
      out.println("       java -jar bench/target/koppel-bench.jar --compare old.json new.json");
      return 2;
    }
    try (Cluster cluster = new Cluster(appJar, o.nodes(), o.nodeHeap(), out::println)) {
      Thread hook = new Thread(cluster::close);
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        return measure(o, cluster, out, terminal);
      } finally {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    } catch (Exception e) {
      out.println();
      out.println("koppel-bench could not run: " + e);
      e.printStackTrace(out);
      return 2;
    }
  }

  private static int measure(Options o, Cluster cluster, PrintStream out, boolean terminal)
      throws Exception {
    out.println("Seeding a Belgian shop, an Exact division and a connected integration …");
    Seed.Seeded seeded = Seed.run(cluster);
    Map<String, Map<String, Object>> phases = new LinkedHashMap<>();
    PhaseRunner runner = null;
    for (String name : o.phases()) {
      PhaseRunner.Spec spec =
          switch (name) {
            case "throughput" -> new PhaseRunner.Spec(name, o.orders(), 7, 0.4, 0, false);
            case "latency" ->
                new PhaseRunner.Spec(name, o.latencyOrders(), 8, 0.4, o.rate(), false);
            // 45 orders a minute: inside Exact's 60 calls a minute with room for the odd extra
            // call, so the phase measures calls per order, not a queue growing at the limit
            default -> new PhaseRunner.Spec(name, o.limitedOrders(), 9, 1.0, 0.75, true);
          };
      long timeout =
          o.timeoutSeconds() > 0
              ? o.timeoutSeconds()
              : 300 + (long) (2 * spec.orders() / (spec.perSecond() == 0 ? 20 : spec.perSecond()));
      runner = new PhaseRunner(cluster, seeded, out, terminal, timeout);
      Map<String, Object> f = runner.run(spec);
      phases.put(name, f);
      Report.printPhase(out, f);
    }
    List<Map<String, Object>> targets = Report.targets(phases);
    Report.printTargets(out, targets);

    List<String> problems = new ArrayList<>();
    for (Map<String, Object> f : phases.values()) {
      Map<?, ?> e = (Map<?, ?>) f.get("exactlyOnce");
      if (((Number) e.get("duplicates")).intValue() > 0
          || ((Number) e.get("bookedWithoutDocument")).intValue() > 0) {
        problems.add(f.get("phase") + ": not exactly once " + e);
      }
      if (!Boolean.TRUE.equals(f.get("finished"))) {
        problems.add(f.get("phase") + ": not every order final in time");
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", Report.machine(o.nodes(), o.nodeHeap()));
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("orders", o.orders());
    opts.put("nodes", o.nodes());
    opts.put("rate", o.rate());
    opts.put("latencyOrders", o.latencyOrders());
    opts.put("limitedOrders", o.limitedOrders());
    opts.put("phases", o.phases());
    result.put("options", opts);
    result.put("phases", phases);
    result.put("webhooksPerNode", cluster.forwardedPerNode());
    result.put("targets", targets);
    result.put("notes", runner == null ? List.of() : runner.notes);
    result.put("ok", problems.isEmpty());
    result.put("problems", problems);
    Path parent = o.json().toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Http.JSON.writerWithDefaultPrettyPrinter().writeValue(o.json().toFile(), result);
    out.println();
    out.println("Figures written to " + o.json().toAbsolutePath());
    if (!problems.isEmpty()) {
      out.println("FAILED: " + problems);
      return 1;
    }
    return 0;
  }

  /** app/target/koppel-app-exec.jar, next to the bench jar's module or from here. */
  static Path findAppJar() {
    List<Path> candidates = new ArrayList<>();
    // java -jar bench/target/koppel-bench.jar: the class path is that jar
    for (String entry :
        System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
      if (entry.endsWith(".jar") || entry.endsWith("classes")) {
        Path module = Path.of(entry).toAbsolutePath().getParent().getParent();
        candidates.add(module.resolveSibling("app").resolve("target/koppel-app-exec.jar"));
        break;
      }
    }
    candidates.add(Path.of("app/target/koppel-app-exec.jar"));
    candidates.add(Path.of("../app/target/koppel-app-exec.jar"));
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalArgumentException(
        "cannot find koppel-app-exec.jar (looked at "
            + candidates
            + "); build it with mvn -q -DskipTests package, or give --app-jar");
  }
}

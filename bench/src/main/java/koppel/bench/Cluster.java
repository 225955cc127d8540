package koppel.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import sandbox.exact.ExactSandboxApplication;
import sandbox.kmoshops.KmoShopsSandboxApplication;
import sandbox.vies.ViesSandboxApplication;

/**
 * What the bench measures, running: an embedded PostgreSQL, the three sandboxes in this JVM, and N
 * Koppel nodes, each the packaged app jar in its own operating-system process on that database.
 * With two or more nodes the shop's webhooks go to a round-robin forwarder in front of them.
 */
final class Cluster implements AutoCloseable {

  static final String OPERATOR_PASSWORD = "bench-operator";
  static final String CLIENT_ID = "koppel-bench";
  static final String CLIENT_SECRET = "koppel-bench-secret";

  /** One AES key for every node: they read each other's encrypted tokens. */
  private static final String CRYPTO_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  /** "Off": a limit so high it never bites. */
  static final int NO_LIMIT = 10_000_000;

  final Path workDir;
  final String nodeHeap;
  private EmbeddedPostgres postgres;
  String jdbcUrl;
  private ConfigurableApplicationContext exact;
  private ConfigurableApplicationContext shops;
  private ConfigurableApplicationContext vies;
  private int exactPort;
  String exactUrl;
  String shopUrl;
  String viesUrl;
  private final List<Node> nodes = new ArrayList<>();
  private HttpServer forwarder;
  private java.util.concurrent.atomic.AtomicLongArray forwarded;
  boolean exactLimitsOn;
  private boolean closed;

  /** A Koppel node: its process, URL and log. */
  record Node(Process process, String url, Path log) {}

  Cluster(Path appJar, int nodeCount, String nodeHeap, PrintLine out) throws IOException {
    this.workDir = Files.createTempDirectory("koppel-bench");
    this.nodeHeap = nodeHeap;
    out.println("Work directory " + workDir);
    try {
      start(appJar, nodeCount, out);
    } catch (IOException | RuntimeException e) {
      close(); // what did start: no node process outlives the bench
      throw e;
    }
  }

  private void start(Path appJar, int nodeCount, PrintLine out) throws IOException {
    out.println("Starting PostgreSQL …");
    this.postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(workDir.resolve("postgres"))
            .setCleanDataDirectory(true)
            .setServerConfig("max_connections", "300")
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database koppel");
    } catch (SQLException e) {
      throw new IOException("cannot create the database", e);
    }
    this.jdbcUrl = postgres.getJdbcUrl("postgres", "koppel");

    out.println("Starting the sandboxes (Exact, KMO Shops, VIES) …");
    this.exactPort = freePort();
    this.exactUrl = "http://localhost:" + exactPort;
    startExact(false);
    this.shops =
        KmoShopsSandboxApplication.start(
            Map.of(
                "server.port",
                0,
                // the shop's API limit is not what we measure
                "sandbox.kmoshops.requests-per-minute",
                NO_LIMIT,
                "sandbox.kmoshops.webhook-time-scale",
                0.01,
                "sandbox.kmoshops.webhook-sender-threads",
                16,
                "logging.level.root",
                "WARN",
                "spring.main.banner-mode",
                "off"));
    this.shopUrl = "http://localhost:" + port(shops);
    this.vies =
        ViesSandboxApplication.start(
            Map.of(
                "server.port",
                0,
                "sandbox.vies.unknown-numbers-valid",
                true,
                "logging.level.root",
                "WARN",
                "spring.main.banner-mode",
                "off"));
    this.viesUrl = "http://localhost:" + port(vies);

    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < nodeCount; i++) {
      ports.add(freePort());
    }
    String publicUrl = "http://localhost:" + ports.get(0);
    if (nodeCount > 1) {
      List<String> targets = ports.stream().map(p -> "http://localhost:" + p).toList();
      forwarded = new java.util.concurrent.atomic.AtomicLongArray(nodeCount);
      forwarder = forwarder(targets, forwarded);
      publicUrl = "http://localhost:" + forwarder.getAddress().getPort();
      out.println("Webhooks go round-robin over " + nodeCount + " nodes via " + publicUrl);
    }
    for (int i = 0; i < nodeCount; i++) {
      out.println("Starting Koppel node " + (i + 1) + " (-Xmx" + nodeHeap + ") …");
      startNode(appJar, i, ports.get(i), publicUrl);
    }
  }

  /**
   * (Re)starts the Exact sandbox on its port. Its state (divisions, app, tokens, accounts, items,
   * documents) lives in a state file, so a restart with other limits is the same Exact.
   */
  private void startExact(boolean limitsOn) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("server.port", exactPort);
    p.put("sandbox.exact.state-file", workDir.resolve("exact.state").toString());
    p.put("sandbox.exact.minutely-limit", limitsOn ? 60 : NO_LIMIT);
    p.put("sandbox.exact.daily-limit", limitsOn ? 5000 : NO_LIMIT);
    p.put("sandbox.exact.request-log-size", 1000);
    p.put("logging.level.root", "WARN");
    p.put("spring.main.banner-mode", "off");
    exact = ExactSandboxApplication.start(p);
    exactLimitsOn = limitsOn;
  }

  /**
   * Exact's real limits (60 calls a minute, 5,000 a day per app and division) on or off. The
   * sandbox reads its limits at start, so this restarts it on the same port with the same state.
   */
  void exactLimits(boolean on) {
    if (on == exactLimitsOn) {
      return;
    }
    exact.close();
    startExact(on);
    // The restarted sandbox counts from zero, as on a new day. Koppel remembers what it spent
    // today under the old limits (thousands of calls: more than 5,000), and rightly believes the
    // day's budget gone; a real Exact never changes its limits mid-day, so the bench starts Koppel
    // on a new day too by forgetting that record (Koppel assumes 60/5,000 until Exact's headers
    // speak).
    try (Connection c = db();
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("delete from rate_limit where scope like 'exact:%'");
    } catch (SQLException e) {
      throw new IllegalStateException("could not reset Koppel's record of Exact's budget", e);
    }
  }

  /** Requests the forwarder sent to each node (null with one node: no forwarder). */
  List<Long> forwardedPerNode() {
    if (forwarded == null) {
      return null;
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < forwarded.length(); i++) {
      out.add(forwarded.get(i));
    }
    return out;
  }

  List<Node> nodes() {
    return nodes;
  }

  String appUrl() {
    return nodes.get(0).url();
  }

  Connection db() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "");
  }

  private void startNode(Path appJar, int index, int port, String publicUrl) throws IOException {
    Path dir = Files.createDirectories(workDir.resolve("node-" + (index + 1)));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("server.port", port);
    p.put("koppel.public-url", publicUrl);
    p.put("koppel.db.url", jdbcUrl);
    p.put("koppel.db.username", "postgres");
    p.put("koppel.data-dir", dir.toString());
    p.put("koppel.crypto.key", CRYPTO_KEY);
    p.put("koppel.operator.password", OPERATOR_PASSWORD);
    p.put("koppel.exact.base-url", exactUrl);
    p.put("koppel.exact.client-id", CLIENT_ID);
    p.put("koppel.exact.client-secret", CLIENT_SECRET);
    p.put("koppel.kmoshops.base-url", shopUrl);
    p.put("koppel.kmoshops.client-id", CLIENT_ID);
    p.put("koppel.kmoshops.client-secret", CLIENT_SECRET);
    p.put("koppel.vat.vies.base-url", viesUrl + ViesSandboxApplication.BASE_PATH);
    p.put("koppel.vat.vies.requester-country", "BE");
    p.put("koppel.vat.vies.requester-number", "0403170701");
    p.put("spring.jmx.enabled", false);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + nodeHeap);
    command.add("-XX:+UseG1GC");
    // e.g. KOPPEL_BENCH_NODE_OPTS="-XX:StartFlightRecording=filename=node.jfr" to profile a node
    String extra = System.getenv("KOPPEL_BENCH_NODE_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.add("-jar");
    command.add(appJar.toAbsolutePath().toString());
    p.forEach((k, v) -> command.add("--" + k + "=" + v));
    Path log = dir.resolve("koppel.log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Node node = new Node(process, "http://localhost:" + port, log);
    nodes.add(node); // before it is ready: close() stops it whatever happens
    awaitReady(node);
  }

  private static void awaitReady(Node node) throws IOException {
    Http http = new Http();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!node.process().isAlive()) {
        throw new IllegalStateException(
            "Koppel stopped while starting; its log " + node.log() + ":\n" + tail(node.log()));
      }
      if (http.tryGet(node.url() + "/actuator/health/readiness").status() == 200) {
        return;
      }
      sleep(200);
    }
    throw new IllegalStateException(
        "Koppel not ready in 180 s; its log " + node.log() + ":\n" + tail(node.log()));
  }

  static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** A tiny HTTP forwarder: each request goes to the next node in turn. */
  private static HttpServer forwarder(
      List<String> targets, java.util.concurrent.atomic.AtomicLongArray counts) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    AtomicInteger next = new AtomicInteger();
    Set<String> skip =
        Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");
    server.createContext(
        "/",
        (HttpExchange ex) -> {
          try (ex) {
            int i = Math.floorMod(next.getAndIncrement(), targets.size());
            String target = targets.get(i);
            counts.incrementAndGet(i);
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
              body = in.readAllBytes();
            }
            HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                    .timeout(Duration.ofSeconds(30))
                    .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders()
                .forEach(
                    (name, values) -> {
                      if (!skip.contains(name.toLowerCase())) {
                        values.forEach(v -> b.header(name, v));
                      }
                    });
            HttpResponse<byte[]> r;
            try {
              r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
              ex.sendResponseHeaders(502, -1);
              return;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              ex.sendResponseHeaders(503, -1);
              return;
            }
            r.headers()
                .firstValue("Content-Type")
                .ifPresent(v -> ex.getResponseHeaders().add("Content-Type", v));
            ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
            if (r.body().length > 0) {
              try (OutputStream o = ex.getResponseBody()) {
                o.write(r.body());
              }
            }
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.start();
    return server;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Node n : nodes) {
      n.process().destroy();
    }
    for (Node n : nodes) {
      try {
        if (!n.process().waitFor(30, TimeUnit.SECONDS)) {
          n.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (forwarder != null) {
      forwarder.stop(0);
    }
    for (ConfigurableApplicationContext c :
        new ConfigurableApplicationContext[] {exact, shops, vies}) {
      if (c != null) {
        c.close();
      }
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static int port(ConfigurableApplicationContext ctx) {
    return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Where the bench writes its lines (the progress bar shares the terminal). */
  interface PrintLine {
    void println(String line);
  }
}

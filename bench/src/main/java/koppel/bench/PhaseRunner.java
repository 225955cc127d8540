package koppel.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Runs one phase: switches Exact's limits, generates orders in the shop with their webhooks held,
 * releases the webhooks at the offered rate, waits until every order is final (read from
 * PostgreSQL) while showing progress, and collects the phase's figures.
 */
final class PhaseRunner {

  /** What a phase does. perSecond 0 = webhooks as fast as the shop can send them. */
  record Spec(
      String name, int orders, long seed, double returningRate, double perSecond, boolean limits) {}

  /** The generator's largest batch in older sandboxes; bigger phases generate in batches. */
  private static final int BATCH = 5000;

  private final Cluster cluster;
  private final Seed.Seeded seeded;
  private final PrintStream out;
  private final ProgressBar progress;
  private final Http http = new Http();
  private final Http operator = new Http("operator", Cluster.OPERATOR_PASSWORD);
  private final long timeoutSeconds;
  final List<String> notes = new ArrayList<>();

  PhaseRunner(
      Cluster cluster, Seed.Seeded seeded, PrintStream out, boolean terminal, long timeoutSeconds) {
    this.cluster = cluster;
    this.seeded = seeded;
    this.out = out;
    this.progress = new ProgressBar(out, terminal);
    this.timeoutSeconds = timeoutSeconds;
  }

  private String shopBase() {
    return cluster.shopUrl + "/admin/shops/" + seeded.shopId();
  }

  private String countersUrl() {
    return cluster.exactUrl + "/admin/divisions/" + seeded.division() + "/counters";
  }

  private List<String> nodeUrls() {
    return cluster.nodes().stream().map(Cluster.Node::url).toList();
  }

  Map<String, Object> run(Spec spec) throws SQLException {
    out.println();
    out.println(
        "== "
            + spec.name()
            + ": "
            + spec.orders()
            + " orders, Exact limits "
            + (spec.limits() ? "ON (60/minute, 5,000/day)" : "off")
            + ", "
            + (spec.perSecond() == 0
                ? "webhooks as fast as possible"
                : spec.perSecond() + " orders/s offered"));
    cluster.exactLimits(spec.limits());
    Map<String, Long> koppelBefore = Calls.koppelByKind(operator, nodeUrls());
    JsonNode exactBefore = http.get(countersUrl());
    Map<String, Double> cpuBefore = cpu();

    // 1. the orders, their webhooks held
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    boolean held = true;
    long deliveries = 0;
    for (int done = 0, batch = 0; done < spec.orders(); batch++) {
      int n = Math.min(BATCH, spec.orders() - done);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("count", n);
      body.put("seed", spec.seed() + batch);
      body.put("skus", 300);
      body.put("returningRate", spec.returningRate());
      body.put("webhooks", "hold");
      body.put("brokenRate", 0.0);
      JsonNode g = http.call("POST", shopBase() + "/generate", body);
      first = Math.min(first, g.path("firstOrderId").asLong());
      last = Math.max(last, g.path("lastOrderId").asLong());
      deliveries += g.path("heldDeliveries").asLong();
      done += n;
    }
    // 2. release them at the offered rate of orders: an order comes with its later changes (paid,
    // shipped), so the webhooks go out that many times faster
    double webhooksPerOrder = deliveries > 0 ? deliveries / (double) spec.orders() : 1.0;
    double webhooksPerSecond = spec.perSecond() * webhooksPerOrder;
    Http.Answer release =
        http.send("POST", shopBase() + "/webhooks/release", Map.of("perSecond", webhooksPerSecond));
    if (release.status() == 404) {
      held = false;
      note(
          spec.name()
              + ": the shop sandbox cannot hold webhooks (no /webhooks/release): they went out as"
              + " the orders were generated, not at the offered rate");
    } else if (!release.ok()) {
      throw new IllegalStateException("release → " + release.status() + " " + release.body());
    }

    // 3. wait until every order is final
    long start = System.currentTimeMillis();
    List<long[]> samples = new ArrayList<>(); // {millis, Exact calls so far}
    Map<String, Long> states = Map.of();
    long deadline = start + timeoutSeconds * 1000;
    boolean finished = false;
    while (System.currentTimeMillis() < deadline) {
      long now = System.currentTimeMillis();
      samples.add(new long[] {now, exactTotal()});
      states = states(first, last);
      long known = states.values().stream().mapToLong(Long::longValue).sum();
      long busy = states.getOrDefault("QUEUED", 0L) + states.getOrDefault("BOOKING", 0L);
      long booked = states.getOrDefault("BOOKED", 0L);
      String delivered = "n/a";
      if (held) {
        Http.Answer p = http.tryGet(shopBase() + "/webhooks/release");
        if (p.ok()) {
          JsonNode j = p.json();
          delivered =
              j.path("sent").asLong() + "/" + (j.path("sent").asLong() + j.path("held").asLong());
        }
      }
      double perSecond = booked / Math.max(0.001, (now - start) / 1000.0);
      progress.show(spec.name(), delivered, known - busy, spec.orders(), perSecond, now - start);
      if (known >= spec.orders() && busy == 0 && dueBookings() == 0) {
        finished = true;
        break;
      }
      Cluster.sleep(1000);
    }
    samples.add(new long[] {System.currentTimeMillis(), exactTotal()});
    progress.done();
    if (!finished) {
      out.println(
          "TIMEOUT after "
              + timeoutSeconds
              + " s: "
              + states
              + ", bookings due in the queue: "
              + dueBookings());
      out.println(stuck(first, last));
    }

    // 4. the figures
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("phase", spec.name());
    f.put("exactLimits", spec.limits());
    f.put("offeredPerSecond", spec.perSecond() == 0 ? "max" : spec.perSecond());
    f.put("webhooksPerOrder", round(webhooksPerOrder, 3));
    f.put("webhooksHeldAndReleased", held);
    f.put("finished", finished);
    f.put("waitSeconds", (System.currentTimeMillis() - start) / 1000.0);
    Map<String, Object> orders = orderFigures(first, last);
    f.put("orders", orders);
    f.put("bookedPerSecond", orders.remove("bookedPerSecond"));
    f.put("latencyMillis", orders.remove("latencyMillis"));
    long booked = ((Number) orders.get("booked")).longValue();

    Map<String, Long> koppelCalls =
        Calls.minus(Calls.koppelByKind(operator, nodeUrls()), koppelBefore);
    JsonNode exactAfter = http.get(countersUrl());
    Map<String, Long> exactCalls =
        Calls.minus(Calls.exactByKind(exactAfter), Calls.exactByKind(exactBefore));
    Map<String, Long> calls = koppelCalls != null ? koppelCalls : exactCalls;
    f.put(
        "callsSource", koppelCalls != null ? "koppel_exact_calls_total" : "exact sandbox counters");
    if (koppelCalls == null) {
      note("no koppel_exact_calls_total metric on the nodes: calls are the Exact sandbox's counts");
    }
    Map<String, Object> byKind = new LinkedHashMap<>();
    Map<String, Object> perOrder = new LinkedHashMap<>();
    for (String kind : Calls.KINDS) {
      long n = calls.getOrDefault(kind, 0L);
      byKind.put(kind, n);
      perOrder.put(kind, booked == 0 ? null : round(n / (double) booked, 4));
    }
    calls.forEach(
        (k, v) -> {
          if (!byKind.containsKey(k)) {
            byKind.put(k, v);
            perOrder.put(k, booked == 0 ? null : round(v / (double) booked, 4));
          }
        });
    long total = Calls.total(calls);
    f.put("exactCalls", byKind);
    f.put("exactCallsTotal", total);
    f.put("callsPerOrder", booked == 0 ? null : round(total / (double) booked, 4));
    f.put("callsPerOrderByKind", perOrder);
    f.put("lookupsPerOrder", perOrder.get("lookup"));
    f.put("exactSandboxCallsByKind", exactCalls);
    f.put("exactSandboxCallsTotal", Calls.total(exactCalls));
    f.put("exactSandboxCallsByEndpoint", Calls.byEndpoint(exactAfter, exactBefore));
    long rateLimited =
        exactAfter.path("rateLimited").asLong() - exactBefore.path("rateLimited").asLong();
    f.put("exactAnswered429", Math.max(0, rateLimited));

    f.put("maxCallsInAnyMinute", maxInWindow(samples, 60_000));
    f.put("maxCallsInAClockMinute", maxInClockMinute(samples));
    JsonNode reported = reportedBusiestMinute(exactAfter);
    Map<String, Object> sinceStart = null;
    if (reported != null) {
      sinceStart = new LinkedHashMap<>();
      sinceStart.put("rolling", reported.path("rolling").asLong());
      sinceStart.put("fixed", reported.path("fixed").asLong());
    }
    // the sandbox's figure covers its whole life (since its last start), not only this phase
    f.put("exactBusiestMinuteSinceStart", sinceStart);

    List<Object> heap = new ArrayList<>();
    for (String url : nodeUrls()) {
      long h = Calls.heapUsed(operator, url);
      heap.add(h < 0 ? null : h);
    }
    f.put("heapUsedBytesPerNode", heap);
    Map<String, Double> cpuAfter = cpu();
    Map<String, Object> cpuPerOrder = new LinkedHashMap<>();
    cpuAfter.forEach(
        (part, seconds) -> {
          Double before = cpuBefore.get(part);
          boolean known = seconds >= 0 && before != null && before >= 0 && booked > 0;
          cpuPerOrder.put(part, known ? round((seconds - before) * 1000 / booked, 2) : null);
        });
    f.put("cpuMillisPerBookedOrder", cpuPerOrder);
    f.put("databaseBytes", databaseBytes());
    f.put("exactlyOnce", exactlyOnce());

    if (spec.limits()) {
      Map<String, Object> l = new LinkedHashMap<>();
      Object cpo = f.get("callsPerOrder");
      l.put("callsPerOrder", cpo);
      l.put(
          "ordersPerDay",
          cpo == null || ((Double) cpo) == 0 ? null : (long) Math.floor(5000 / (Double) cpo));
      // The shop's buyer pool also holds buyers whose earlier orders were never booked (waiting
      // for payment, cancelled): their first booked order still creates the debtor (and reads the
      // mirror before it). The steady state leaves those one-time calls out: what an order of a
      // customer and products Koppel booked before costs.
      long oneTime =
          calls.getOrDefault("customer_create", 0L)
              + calls.getOrDefault("item_create", 0L)
              + calls.getOrDefault("address_create", 0L)
              + calls.getOrDefault("mirror", 0L);
      Double steady = booked == 0 ? null : round((total - oneTime) / (double) booked, 4);
      l.put("steadyStateCallsPerOrder", steady);
      l.put(
          "steadyStateOrdersPerDay",
          steady == null || steady == 0 ? null : (long) Math.floor(5000 / steady));
      long clock = (Long) f.get("maxCallsInAClockMinute");
      // Exact was restarted for this phase: its own fixed-window figure is this phase's
      long exactMax = reported == null ? clock : reported.path("fixed").asLong();
      l.put("minuteLimitExceeded", Math.max(clock, exactMax) > 60);
      f.put("limited", l);
    }
    return f;
  }

  private void note(String text) {
    if (!notes.contains(text)) {
      notes.add(text);
      out.println("note: " + text);
    }
  }

  private long exactTotal() {
    Http.Answer a = http.tryGet(countersUrl());
    if (!a.ok()) {
      return -1;
    }
    long sum = 0;
    for (JsonNode v : a.json().path("calls")) {
      sum += v.asLong();
    }
    return sum;
  }

  /**
   * The Exact sandbox's own busiest minute of the division ({@code busiestMinute: {rolling, fixed}}
   * in its counters, where the sandbox has it), counted since the sandbox (re)started; null when it
   * has no such figure.
   */
  private static JsonNode reportedBusiestMinute(JsonNode counters) {
    JsonNode b = counters.path("busiestMinute");
    return b.isObject() ? b : null;
  }

  /** The most calls within any window of this length, from the per-second samples. */
  static long maxInWindow(List<long[]> samples, long windowMillis) {
    long max = 0;
    int j = 0;
    for (int i = 0; i < samples.size(); i++) {
      if (samples.get(i)[1] < 0) {
        continue;
      }
      while (samples.get(i)[0] - samples.get(j)[0] > windowMillis || samples.get(j)[1] < 0) {
        j++;
      }
      max = Math.max(max, samples.get(i)[1] - samples.get(j)[1]);
    }
    return max;
  }

  /** The most calls within one clock minute (Exact's windows are clock-aligned). */
  static long maxInClockMinute(List<long[]> samples) {
    Map<Long, long[]> minutes = new TreeMap<>(); // minute → {first count, last count}
    long previousLast = -1;
    long max = 0;
    for (long[] s : samples) {
      if (s[1] < 0) {
        continue;
      }
      long minute = s[0] / 60_000;
      long base = previousLast;
      long[] m = minutes.computeIfAbsent(minute, k -> new long[] {base < 0 ? s[1] : base, s[1]});
      m[1] = s[1];
      previousLast = s[1];
      max = Math.max(max, m[1] - m[0]);
    }
    return max;
  }

  private UUID integration() {
    return UUID.fromString(seeded.integrationId());
  }

  private Map<String, Long> states(long first, long last) throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = cluster.db();
        PreparedStatement s =
            c.prepareStatement(
                "select state, count(*) from order_sync where integration_id = ?"
                    + " and shop_order_id between ? and ? group by state")) {
      s.setObject(1, integration());
      s.setLong(2, first);
      s.setLong(3, last);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return out;
  }

  /** Booking tasks of Koppel's queue (db-scheduler's "book-order") that are due now. */
  private long dueBookings() {
    try (Connection c = cluster.db();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from scheduled_tasks where task_name = 'book-order'"
                    + " and execution_time <= now()");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      return 0; // a Koppel whose queue looks otherwise: the orders' states decide
    }
  }

  private String stuck(long first, long last) throws SQLException {
    StringBuilder b = new StringBuilder("Not final (first 20):\n");
    try (Connection c = cluster.db();
        PreparedStatement s =
            c.prepareStatement(
                "select shop_order_id, state, attempts, next_attempt_at, error_code"
                    + " from order_sync where integration_id = ? and shop_order_id between ? and ?"
                    + " and state in ('QUEUED', 'BOOKING') order by shop_order_id limit 20")) {
      s.setObject(1, integration());
      s.setLong(2, first);
      s.setLong(3, last);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          b.append(
              String.format(
                  "  order %d %s attempts %d next %s error %s%n",
                  r.getLong(1), r.getString(2), r.getInt(3), r.getObject(4), r.getString(5)));
        }
      }
    }
    return b.toString();
  }

  private Map<String, Object> orderFigures(long first, long last) throws SQLException {
    Map<String, Object> o = new LinkedHashMap<>();
    String sql =
        "select count(*),"
            + " count(*) filter (where state = 'BOOKED'),"
            + " count(*) filter (where state = 'OPEN'),"
            + " count(*) filter (where state = 'FAILED'),"
            + " count(*) filter (where state = 'SKIPPED'),"
            + " extract(epoch from max(booked_at) - min(queued_at)),"
            + " percentile_disc(0.5) within group (order by extract(epoch from booked_at -"
            + " queued_at)) filter (where state = 'BOOKED'),"
            + " percentile_disc(0.95) within group (order by extract(epoch from booked_at -"
            + " queued_at)) filter (where state = 'BOOKED'),"
            + " percentile_disc(0.99) within group (order by extract(epoch from booked_at -"
            + " queued_at)) filter (where state = 'BOOKED'),"
            + " max(extract(epoch from booked_at - queued_at)) filter (where state = 'BOOKED')"
            + " from order_sync where integration_id = ? and shop_order_id between ? and ?";
    try (Connection c = cluster.db();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, integration());
      s.setLong(2, first);
      s.setLong(3, last);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        o.put("total", r.getLong(1));
        o.put("booked", r.getLong(2));
        o.put("open", r.getLong(3));
        o.put("failed", r.getLong(4));
        o.put("skipped", r.getLong(5));
        double span = r.getDouble(6);
        o.put("bookedPerSecond", span > 0 ? round(r.getLong(2) / span, 2) : null);
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("p50", millis(r, 7));
        lat.put("p95", millis(r, 8));
        lat.put("p99", millis(r, 9));
        lat.put("max", millis(r, 10));
        o.put("latencyMillis", lat);
      }
    }
    Map<String, Long> failedBy = new TreeMap<>();
    try (Connection c = cluster.db();
        PreparedStatement s =
            c.prepareStatement(
                "select coalesce(error_code, '?'), count(*) from order_sync where integration_id"
                    + " = ? and shop_order_id between ? and ? and state = 'FAILED' group by 1")) {
      s.setObject(1, integration());
      s.setLong(2, first);
      s.setLong(3, last);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          failedBy.put(r.getString(1), r.getLong(2));
        }
      }
    }
    o.put("failedByCode", failedBy);
    return o;
  }

  private static Long millis(ResultSet r, int col) throws SQLException {
    double v = r.getDouble(col);
    return r.wasNull() ? null : Math.round(v * 1000);
  }

  private Map<String, Double> cpu() {
    return CpuUsage.now(
        cluster.nodes().stream().map(Cluster.Node::process).toList(),
        cluster.workDir.resolve("postgres"));
  }

  private long databaseBytes() throws SQLException {
    try (Connection c = cluster.db();
        PreparedStatement s = c.prepareStatement("select pg_database_size(current_database())");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * Every order Koppel booked (all phases so far) against the documents in the Exact sandbox: no
   * YourRef twice, no booked order without its document.
   */
  private Map<String, Object> exactlyOnce() throws SQLException {
    Map<String, Integer> refs = new HashMap<>();
    Set<String> ids = new HashSet<>();
    long documents = 0;
    for (String entity :
        List.of(
            "salesinvoice/SalesInvoices", "salesorder/SalesOrders", "salesentry/SalesEntries")) {
      Http.Answer a =
          http.tryGet(cluster.exactUrl + "/admin/divisions/" + seeded.division() + "/" + entity);
      if (!a.ok()) {
        continue;
      }
      for (JsonNode row : a.json()) {
        documents++;
        String ref = row.path("YourRef").asString("");
        if (!ref.isEmpty()) {
          refs.merge(ref, 1, Integer::sum);
        }
        ids.add(row.path(idField(entity)).asString("").toLowerCase());
      }
    }
    List<String> duplicates = new ArrayList<>();
    refs.forEach(
        (ref, n) -> {
          if (n > 1) {
            duplicates.add(ref + " ×" + n);
          }
        });
    List<String> missing = new ArrayList<>();
    long booked = 0;
    try (Connection c = cluster.db();
        PreparedStatement s =
            c.prepareStatement(
                "select shop_order_id, booking_your_ref, exact_document_id::text from order_sync"
                    + " where integration_id = ? and state = 'BOOKED'")) {
      s.setObject(1, integration());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          booked++;
          String ref = r.getString(2);
          String id = r.getString(3);
          boolean found =
              (id != null && ids.contains(id.toLowerCase()))
                  || (ref != null && refs.containsKey(ref));
          if (!found) {
            missing.add("order " + r.getLong(1));
          }
        }
      }
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("bookedOrders", booked);
    e.put("exactDocuments", documents);
    e.put("duplicates", duplicates.size());
    e.put("bookedWithoutDocument", missing.size());
    e.put("examples", concat(duplicates, missing).stream().limit(10).toList());
    return e;
  }

  private static String idField(String entity) {
    return switch (entity) {
      case "salesinvoice/SalesInvoices" -> "InvoiceID";
      case "salesorder/SalesOrders" -> "OrderID";
      default -> "EntryID";
    };
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}

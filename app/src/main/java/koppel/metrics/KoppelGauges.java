package koppel.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges read from the database: orders per state and integration, Exact's budget left per
 * division, and the queue. The figures are read together every {@code refresh} on one background
 * thread and kept; a scrape only reads what is kept, so scraping often costs the database nothing.
 * A label set seen once stays (at 0 when its rows are gone), so a series never just disappears.
 */
public final class KoppelGauges implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KoppelGauges.class);

  static final String ORDERS = "koppel.orders";
  static final String BUDGET = "koppel.exact.budget.remaining";
  static final String QUEUE_DEPTH = "koppel.queue.depth";
  static final String QUEUE_DUE = "koppel.queue.due";

  /** The states of order_sync, always shown for every integration seen. */
  static final List<String> STATES =
      List.of("OPEN", "QUEUED", "BOOKING", "BOOKED", "FAILED", "SKIPPED");

  /** rate_limit scopes of the Exact connector: exact:{clientId}:{division}. */
  static final String EXACT_SCOPE = "exact:";

  private final MeterRegistry registry;
  private final MetricsQueries queries;
  private final Clock clock;
  private final int livePriority;
  private final ScheduledExecutorService refresher;

  /** Current figures by meter key (name + labels); read by the gauges. */
  private final Map<String, Double> figures = new ConcurrentHashMap<>();

  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  public KoppelGauges(
      MeterRegistry registry,
      MetricsQueries queries,
      Clock clock,
      int livePriority,
      Duration refresh) {
    this.registry = registry;
    this.queries = queries;
    this.clock = clock;
    this.livePriority = livePriority;
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "koppel-metrics");
              t.setDaemon(true);
              return t;
            });
    if (!refresh.isZero() && !refresh.isNegative()) {
      refresher.scheduleWithFixedDelay(
          this::refreshQuietly, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // the database may be starting or stopping; the last figures stay until the next round
      log.warn("Metrics not refreshed: {}", e.toString());
    }
  }

  /** Reads every figure once and publishes it; new label sets get their gauge. */
  public synchronized void refresh() {
    Instant now = clock.instant();
    Map<String, Double> next = new HashMap<>();
    Map<String, String[]> tags = new HashMap<>();

    for (MetricsQueries.OrderCount c : queries.orderCounts()) {
      for (String state : STATES) {
        put(next, tags, ORDERS, 0, "state", state, "integration", c.integrationId());
      }
      put(next, tags, ORDERS, c.count(), "state", c.state(), "integration", c.integrationId());
    }

    for (MetricsQueries.Budget b : queries.budgets(EXACT_SCOPE)) {
      String division = b.scope().substring(b.scope().lastIndexOf(':') + 1);
      // a window whose reset has passed starts over at its limit with the next call
      int minute = b.minuteReset().isAfter(now) ? b.minuteRemaining() : b.minuteLimit();
      int day = b.dayReset().isAfter(now) ? b.dayRemaining() : b.dayLimit();
      putMin(next, tags, BUDGET, Math.max(0, minute), "division", division, "window", "minute");
      putMin(next, tags, BUDGET, Math.max(0, day), "division", division, "window", "day");
    }

    for (MetricsQueries.QueueCount q : queries.queue(livePriority, now)) {
      String priority = q.live() ? "live" : "import";
      put(next, tags, QUEUE_DEPTH, q.waiting(), "task", q.task(), "priority", priority);
      put(next, tags, QUEUE_DUE, q.due(), "task", q.task(), "priority", priority);
    }

    // what was seen before and is gone now reads 0
    for (String key : registered) {
      figures.put(key, next.getOrDefault(key, 0.0));
    }
    next.forEach(figures::put);
    tags.forEach(this::registerOnce);
  }

  /** The figure a gauge shows now (tests, and the gauges themselves). */
  double figure(String name, String... tagPairs) {
    return figures.getOrDefault(key(name, tagPairs), 0.0);
  }

  private static void put(
      Map<String, Double> next, Map<String, String[]> tags, String name, double v, String... t) {
    String key = key(name, t);
    next.merge(key, v, Double::sum);
    tags.putIfAbsent(key, withName(name, t));
  }

  private static void putMin(
      Map<String, Double> next, Map<String, String[]> tags, String name, double v, String... t) {
    String key = key(name, t);
    next.merge(key, v, Math::min);
    tags.putIfAbsent(key, withName(name, t));
  }

  private static String[] withName(String name, String[] t) {
    String[] all = new String[t.length + 1];
    all[0] = name;
    System.arraycopy(t, 0, all, 1, t.length);
    return all;
  }

  private static String key(String name, String... tagPairs) {
    return name + String.join("|", tagPairs);
  }

  private void registerOnce(String key, String[] nameAndTags) {
    if (!registered.add(key)) {
      return;
    }
    String name = nameAndTags[0];
    String[] tagPairs = new String[nameAndTags.length - 1];
    System.arraycopy(nameAndTags, 1, tagPairs, 0, tagPairs.length);
    Gauge.builder(name, figures, f -> f.getOrDefault(key, 0.0))
        .description(description(name))
        .tags(tagPairs)
        .strongReference(true)
        .register(registry);
  }

  private static String description(String name) {
    return switch (name) {
      case ORDERS -> "Orders per state and integration (order_sync)";
      case BUDGET -> "Exact Online calls left in the division's current minute and day";
      case QUEUE_DEPTH -> "Queue entries waiting (not picked), per task and priority";
      case QUEUE_DUE -> "Queue entries waiting whose time has come, per task and priority";
      default -> name;
    };
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }
}

package sandbox.exact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * Switchable faults for tests and demos, per endpoint ("POST salesinvoice/SalesInvoices"): fail
 * before storing, fail after storing, time out after storing, 429. A fault applies either to the
 * next N matching calls ({@code times}) or to a fraction of them until cleared ({@code
 * probability}). Counted faults come first, oldest first; otherwise one draw from the endpoint's
 * seeded random picks at most one of its probabilistic faults, so a run is repeatable.
 */
@Component
public class Faults {

  /** The seed of an endpoint's draw when no fault on it names one. */
  public static final long DEFAULT_SEED = 42L;

  public enum Kind {
    /** 500 with an HTML body; nothing is stored. */
    FAIL_BEFORE_STORE,
    /** The record is stored, then 500 with an HTML body (the client cannot know). */
    FAIL_AFTER_STORE,
    /** The record is stored, then the answer comes too late for the client. */
    TIMEOUT_AFTER_STORE,
    /** 429 as if the minutely limit were exhausted. */
    FORCE_429
  }

  public record Fault(Kind kind, Duration delay) {}

  /** A rejected fault definition (answered 400 by the admin API). */
  public static final class InvalidFault extends RuntimeException {
    InvalidFault(String message) {
      super(message);
    }
  }

  private static final class Entry {
    final long id;
    final String method;
    final String path;
    final Kind kind;
    final Duration delay;
    final Integer times;
    int remaining;
    final Double probability;
    final Long seed;
    int fired;

    Entry(
        long id,
        String method,
        String path,
        Kind kind,
        Duration delay,
        Integer times,
        Double probability,
        Long seed) {
      this.id = id;
      this.method = method;
      this.path = path;
      this.kind = kind;
      this.delay = delay;
      this.times = times;
      this.remaining = times == null ? 0 : times;
      this.probability = probability;
      this.seed = seed;
    }

    boolean active() {
      return probability != null || remaining > 0;
    }

    Map<String, Object> describe() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("method", method);
      m.put("path", path);
      m.put("kind", kind.name());
      m.put("times", times);
      m.put("remaining", probability == null ? remaining : null);
      m.put("probability", probability);
      m.put("seed", seed);
      m.put("delayMillis", delay.toMillis());
      m.put("fired", fired);
      m.put("active", active());
      return m;
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Random> draws = new HashMap<>();
  private long nextId = 1;
  private int tokenResponseLosses;

  /** The next {@code times} matching calls get this fault. */
  public synchronized Map<String, Object> add(
      String method, String path, Kind kind, int times, Duration delay) {
    if (times < 1) {
      throw new InvalidFault("times must be at least 1");
    }
    Entry e =
        new Entry(
            nextId++,
            normalise(method),
            check(path, kind),
            kind,
            delay == null ? Duration.ofSeconds(35) : delay,
            times,
            null,
            null);
    entries.add(e);
    return e.describe();
  }

  /**
   * This fraction (0 < p ≤ 1) of the matching calls gets this fault until cleared. Together the
   * probabilistic faults of one endpoint may not exceed 1. A {@code seed} re-seeds the endpoint's
   * draw; without one the draw starts from {@link #DEFAULT_SEED}.
   */
  public synchronized Map<String, Object> addProbabilistic(
      String method, String path, Kind kind, double probability, Long seed, Duration delay) {
    if (!(probability > 0 && probability <= 1)) {
      throw new InvalidFault("probability must be greater than 0 and at most 1");
    }
    String m = normalise(method);
    String p = check(path, kind);
    double sum =
        entries.stream()
                .filter(e -> e.probability != null && e.method.equals(m) && e.path.equals(p))
                .mapToDouble(e -> e.probability)
                .sum()
            + probability;
    if (sum > 1 + 1e-9) {
      throw new InvalidFault(
          "the probabilities of the faults on " + m + " " + p + " add up to more than 1");
    }
    Entry e =
        new Entry(
            nextId++,
            m,
            p,
            kind,
            delay == null ? Duration.ofSeconds(35) : delay,
            null,
            probability,
            seed);
    entries.add(e);
    String key = m + " " + p;
    if (seed != null || !draws.containsKey(key)) {
      draws.put(key, new Random(seed != null ? seed : DEFAULT_SEED));
    }
    return e.describe();
  }

  /** The fault for this call, if any (and counts it as fired). */
  public synchronized Optional<Fault> take(String method, String path) {
    String m = normalise(method);
    for (Entry e : entries) {
      if (e.probability == null && e.remaining > 0 && e.method.equals(m) && e.path.equals(path)) {
        e.remaining--;
        e.fired++;
        return Optional.of(new Fault(e.kind, e.delay));
      }
    }
    List<Entry> chances =
        entries.stream()
            .filter(e -> e.probability != null && e.method.equals(m) && e.path.equals(path))
            .toList();
    if (chances.isEmpty()) {
      return Optional.empty();
    }
    double u = draws.computeIfAbsent(m + " " + path, k -> new Random(DEFAULT_SEED)).nextDouble();
    double upTo = 0;
    for (Entry e : chances) {
      upTo += e.probability;
      if (u < upTo) {
        e.fired++;
        return Optional.of(new Fault(e.kind, e.delay));
      }
    }
    return Optional.empty();
  }

  /** Every fault added since the last clear, oldest first, with how often each fired. */
  public synchronized List<Map<String, Object>> list() {
    return entries.stream().map(Entry::describe).toList();
  }

  /** The next N refreshes rotate the token but lose the answer (Exact's gateway fault). */
  public synchronized void loseTokenResponses(int times) {
    tokenResponseLosses += times;
  }

  public synchronized int tokenResponseLosses() {
    return tokenResponseLosses;
  }

  synchronized boolean takeTokenResponseLoss() {
    if (tokenResponseLosses > 0) {
      tokenResponseLosses--;
      return true;
    }
    return false;
  }

  public synchronized void clear() {
    entries.clear();
    draws.clear();
    tokenResponseLosses = 0;
  }

  private static String check(String path, Kind kind) {
    if (kind == null) {
      throw new InvalidFault("kind is required: " + java.util.Arrays.toString(Kind.values()));
    }
    if (path == null || path.isBlank()) {
      throw new InvalidFault("path is required, e.g. salesinvoice/SalesInvoices");
    }
    return path.trim();
  }

  private static String normalise(String method) {
    return (method == null ? "POST" : method).trim().toUpperCase(Locale.ROOT);
  }
}

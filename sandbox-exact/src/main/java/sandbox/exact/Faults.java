package sandbox.exact;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Switchable faults for tests and demos, per endpoint ("POST salesinvoice/SalesInvoices"), each for
 * the next N calls: fail before storing, fail after storing, time out after storing, 429.
 */
@Component
public class Faults {

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

  private final Map<String, Deque<Fault>> byEndpoint = new HashMap<>();
  private int tokenResponseLosses;

  public synchronized void add(String method, String path, Kind kind, int times, Duration delay) {
    Deque<Fault> q = byEndpoint.computeIfAbsent(key(method, path), k -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      q.add(new Fault(kind, delay == null ? Duration.ofSeconds(35) : delay));
    }
  }

  public synchronized Optional<Fault> take(String method, String path) {
    Deque<Fault> q = byEndpoint.get(key(method, path));
    return q == null ? Optional.empty() : Optional.ofNullable(q.poll());
  }

  /** The next N refreshes rotate the token but lose the answer (Exact's gateway fault). */
  public synchronized void loseTokenResponses(int times) {
    tokenResponseLosses += times;
  }

  synchronized boolean takeTokenResponseLoss() {
    if (tokenResponseLosses > 0) {
      tokenResponseLosses--;
      return true;
    }
    return false;
  }

  public synchronized void clear() {
    byEndpoint.clear();
    tokenResponseLosses = 0;
  }

  private static String key(String method, String path) {
    return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
  }
}

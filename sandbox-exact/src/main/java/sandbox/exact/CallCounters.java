package sandbox.exact;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How many calls each endpoint received, per division: "GET crm/Accounts" → 12; and the most calls
 * a division received in any 60 seconds of the sandbox clock, both in a rolling window (any 60
 * seconds) and in a fixed one (a clock minute, as the rate limiter counts).
 */
@Component
public class CallCounters {

  private static final long WINDOW_MILLIS = 60_000;

  /** The busiest minutes of one division. */
  private static final class Peaks {
    final ArrayDeque<Long> lastMinute = new ArrayDeque<>();
    int rolling;
    long fixedMinute = -1;
    int fixedCount;
    int fixed;
    int total;
  }

  private final Map<Integer, Map<String, AtomicInteger>> counts = new ConcurrentHashMap<>();
  private final Map<Integer, Peaks> peaks = new ConcurrentHashMap<>();
  private final SandboxClock clock;

  public CallCounters(SandboxClock clock) {
    this.clock = clock;
  }

  public void count(int division, String method, String path) {
    counts
        .computeIfAbsent(division, d -> new ConcurrentHashMap<>())
        .computeIfAbsent(method + " " + path, k -> new AtomicInteger())
        .incrementAndGet();
    long now = clock.instant().toEpochMilli();
    Peaks p = peaks.computeIfAbsent(division, d -> new Peaks());
    synchronized (p) {
      p.total++;
      p.lastMinute.addLast(now);
      while (!p.lastMinute.isEmpty() && p.lastMinute.peekFirst() <= now - WINDOW_MILLIS) {
        p.lastMinute.removeFirst();
      }
      p.rolling = Math.max(p.rolling, p.lastMinute.size());
      long minute = now / WINDOW_MILLIS;
      if (minute != p.fixedMinute) {
        p.fixedMinute = minute;
        p.fixedCount = 0;
      }
      p.fixed = Math.max(p.fixed, ++p.fixedCount);
    }
  }

  public Map<String, Integer> of(int division) {
    Map<String, Integer> out = new TreeMap<>();
    counts.getOrDefault(division, Map.of()).forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /**
   * The busiest minute of a division: {@code rolling} = most calls in any 60 seconds, {@code fixed}
   * = most calls in one clock minute, {@code total} = all counted calls.
   */
  public Map<String, Integer> busiestMinute(int division) {
    Peaks p = peaks.get(division);
    Map<String, Integer> out = new LinkedHashMap<>();
    if (p == null) {
      out.put("rolling", 0);
      out.put("fixed", 0);
      out.put("total", 0);
      return out;
    }
    synchronized (p) {
      out.put("rolling", p.rolling);
      out.put("fixed", p.fixed);
      out.put("total", p.total);
    }
    return out;
  }

  /** The divisions that received a counted call, in code order. */
  public java.util.Set<Integer> divisions() {
    return new java.util.TreeSet<>(counts.keySet());
  }

  public void reset() {
    counts.clear();
    peaks.clear();
  }
}

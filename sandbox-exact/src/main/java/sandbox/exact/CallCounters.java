package sandbox.exact;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** How many calls each endpoint received, per division: "GET crm/Accounts" → 12. */
@Component
public class CallCounters {

  private final Map<Integer, Map<String, AtomicInteger>> counts = new ConcurrentHashMap<>();

  public void count(int division, String method, String path) {
    counts
        .computeIfAbsent(division, d -> new ConcurrentHashMap<>())
        .computeIfAbsent(method + " " + path, k -> new AtomicInteger())
        .incrementAndGet();
  }

  public Map<String, Integer> of(int division) {
    Map<String, Integer> out = new TreeMap<>();
    counts.getOrDefault(division, Map.of()).forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  public void reset() {
    counts.clear();
  }
}

package sandbox.exact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Every write (POST, PUT, DELETE) to {@code /api/v1/{division}/…} as it reached the sandbox:
 * method, path, raw body as JSON, the answer's status and the time; per division, the last {@code
 * sandbox.exact.request-log-size} (20,000) kept. Tests read it to see the exact JSON a client sent.
 */
@Component
public class RequestLog {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One write; the status is filled in when the answer is known (null until then). */
  static final class Entry {
    final long seq;
    final String time;
    final String method;
    final String path;
    final String key;
    final String uri;
    final String query;
    final JsonNode body;
    Integer status;

    Entry(
        long seq,
        String time,
        String method,
        String path,
        String key,
        String uri,
        String query,
        JsonNode body) {
      this.seq = seq;
      this.time = time;
      this.method = method;
      this.path = path;
      this.key = key;
      this.uri = uri;
      this.query = query;
      this.body = body;
    }
  }

  private final SandboxClock clock;
  private final int max;
  private final Map<Integer, Deque<Entry>> byDivision = new HashMap<>();
  private long seq;

  public RequestLog(SandboxClock clock, ExactSandboxProperties props) {
    this.clock = clock;
    this.max = Math.max(1, props.requestLogSize());
  }

  static boolean isWrite(String method) {
    return !List.of("GET", "HEAD", "OPTIONS").contains(method.toUpperCase(Locale.ROOT));
  }

  synchronized Entry record(
      int division, String method, String path, String key, String uri, String query, String body) {
    Deque<Entry> log = byDivision.computeIfAbsent(division, d -> new ArrayDeque<>());
    Entry e =
        new Entry(
            ++seq,
            clock.instant().toString(),
            method.toUpperCase(Locale.ROOT),
            path,
            key,
            uri,
            query,
            json(body));
    log.addLast(e);
    while (log.size() > max) {
      log.removeFirst();
    }
    return e;
  }

  synchronized void complete(Entry e, int status) {
    e.status = status;
  }

  /** The kept writes of a division, oldest first; method and path filter when given. */
  public synchronized List<Map<String, Object>> list(int division, String method, String path) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Entry e : byDivision.getOrDefault(division, new ArrayDeque<>())) {
      if (method != null && !method.isBlank() && !e.method.equalsIgnoreCase(method.trim())) {
        continue;
      }
      if (path != null && !path.isBlank() && !e.path.equals(path.trim())) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", e.seq);
      m.put("time", e.time);
      m.put("method", e.method);
      m.put("path", e.path);
      m.put("key", e.key);
      m.put("uri", e.uri);
      m.put("query", e.query);
      m.put("body", e.body);
      m.put("status", e.status);
      out.add(m);
    }
    return out;
  }

  public synchronized void reset() {
    byDivision.clear();
  }

  /** The body as JSON; a body that is not JSON as one JSON string; none as null. */
  private static JsonNode json(String body) {
    if (body == null || body.isEmpty()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (RuntimeException e) {
      return StringNode.valueOf(body);
    }
  }
}

package sandbox.exact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Exact's limits per app (client id) and division: a fixed window of 60 calls per clock minute and
 * 5,000 per UTC day. Every division call gets the six X-RateLimit headers (epoch milliseconds); a
 * 429 carries only the headers of the window that is exhausted.
 */
@Component
public class RateLimiter {

  /** The verdict: allowed or not, and the headers to send. */
  public record Verdict(boolean allowed, Map<String, String> headers) {}

  private static final class Window {
    long minute = -1;
    int minuteCount;
    LocalDate day;
    int dayCount;
  }

  private final ExactSandboxProperties props;
  private final SandboxClock clock;
  private final Map<String, Window> windows = new HashMap<>();
  private final Map<String, Integer> rejected = new HashMap<>();

  public RateLimiter(ExactSandboxProperties props, SandboxClock clock) {
    this.props = props;
    this.clock = clock;
  }

  public synchronized Verdict hit(String clientId, int division, boolean force429) {
    Instant now = clock.instant();
    Window w = windows.computeIfAbsent(clientId + "|" + division, k -> new Window());
    long windowMillis = props.minuteWindow().toMillis();
    long minute = now.toEpochMilli() / windowMillis;
    if (w.minute != minute) {
      w.minute = minute;
      w.minuteCount = 0;
    }
    LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
    if (!day.equals(w.day)) {
      w.day = day;
      w.dayCount = 0;
    }
    long minuteReset = (minute + 1) * windowMillis;
    long dayReset = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    if (w.dayCount >= props.dailyLimit()) {
      rejected.merge(clientId + "|" + division, 1, Integer::sum);
      Map<String, String> h = new LinkedHashMap<>();
      h.put("X-RateLimit-Limit", Integer.toString(props.dailyLimit()));
      h.put("X-RateLimit-Remaining", "0");
      h.put("X-RateLimit-Reset", Long.toString(dayReset));
      retryAfter(h, dayReset, now);
      return new Verdict(false, h);
    }
    if (force429 || w.minuteCount >= props.minutelyLimit()) {
      rejected.merge(clientId + "|" + division, 1, Integer::sum);
      Map<String, String> h = new LinkedHashMap<>();
      h.put("X-RateLimit-Minutely-Limit", Integer.toString(props.minutelyLimit()));
      h.put("X-RateLimit-Minutely-Remaining", "0");
      h.put("X-RateLimit-Minutely-Reset", Long.toString(minuteReset));
      retryAfter(h, minuteReset, now);
      return new Verdict(false, h);
    }
    w.minuteCount++;
    w.dayCount++;
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-RateLimit-Limit", Integer.toString(props.dailyLimit()));
    h.put("X-RateLimit-Remaining", Integer.toString(props.dailyLimit() - w.dayCount));
    h.put("X-RateLimit-Reset", Long.toString(dayReset));
    h.put("X-RateLimit-Minutely-Limit", Integer.toString(props.minutelyLimit()));
    h.put(
        "X-RateLimit-Minutely-Remaining", Integer.toString(props.minutelyLimit() - w.minuteCount));
    h.put("X-RateLimit-Minutely-Reset", Long.toString(minuteReset));
    return new Verdict(true, h);
  }

  /** How many calls were refused with 429 for this client and division. */
  public synchronized int rejectedCount(String clientId, int division) {
    return rejected.getOrDefault(clientId + "|" + division, 0);
  }

  /** How many calls into this division were refused with 429, for all clients. */
  public synchronized int rejectedForDivision(int division) {
    return rejected.entrySet().stream()
        .filter(e -> e.getKey().endsWith("|" + division))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  public synchronized void reset() {
    windows.clear();
    rejected.clear();
  }

  private void retryAfter(Map<String, String> h, long resetMillis, Instant now) {
    if (props.retryAfterOn429()) {
      h.put("Retry-After", Long.toString(Math.max(1, (resetMillis - now.toEpochMilli()) / 1000)));
    }
  }
}

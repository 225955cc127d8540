package sandbox.exact;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Exact's error budget: more than 10 answers with status 400, 401, 403 or 404 in one hour for one
 * app, user, division and endpoint block that endpoint for an hour.
 */
@Component
public class ErrorBudget {

  private record Counter(long hour, int count) {}

  private final ExactSandboxProperties props;
  private final SandboxClock clock;
  private final Map<String, Counter> counters = new HashMap<>();
  private final Map<String, Instant> blockedUntil = new HashMap<>();

  public ErrorBudget(ExactSandboxProperties props, SandboxClock clock) {
    this.props = props;
    this.clock = clock;
  }

  public synchronized void record(String clientId, String user, int division, String endpoint) {
    String key = key(clientId, user, division, endpoint);
    Instant now = clock.instant();
    long hour = now.getEpochSecond() / 3600;
    Counter c = counters.get(key);
    c = c == null || c.hour() != hour ? new Counter(hour, 1) : new Counter(hour, c.count() + 1);
    counters.put(key, c);
    if (c.count() > props.errorsPerHourLimit()) {
      blockedUntil.put(key, now.plus(props.errorBlockDuration()));
    }
  }

  public synchronized boolean blocked(String clientId, String user, int division, String endpoint) {
    Instant until = blockedUntil.get(key(clientId, user, division, endpoint));
    return until != null && clock.instant().isBefore(until);
  }

  public synchronized void reset() {
    counters.clear();
    blockedUntil.clear();
  }

  private static String key(String clientId, String user, int division, String endpoint) {
    return clientId + "|" + user + "|" + division + "|" + endpoint;
  }
}

package sandbox.vies;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The checks the sandbox received, so a test can prove how often (and with what) a client called
 * VIES. Keeps the last {@code request-log-size} checks; {@link #total()} counts all since reset.
 */
@Component
class RequestLog {

  /**
   * One check. {@code service} is {@code check-vat-number} or {@code check-vat-test-service};
   * {@code answer} is {@code VALID}, {@code INVALID} or the error code; {@code requestIdentifier}
   * is the consultation number handed out ("" when none).
   */
  record Check(
      long seq,
      String at,
      String service,
      String countryCode,
      String vatNumber,
      boolean requester,
      String requesterMemberStateCode,
      String requesterNumber,
      String answer,
      int status,
      String requestIdentifier,
      long delayMillis) {}

  private final int size;
  private final Deque<Check> checks = new ArrayDeque<>();
  private long total;

  RequestLog(ViesSandboxProperties properties) {
    this.size = Math.max(1, properties.requestLogSize());
  }

  synchronized long nextSeq() {
    return ++total;
  }

  synchronized void add(Check c) {
    checks.addLast(c);
    while (checks.size() > size) {
      checks.removeFirst();
    }
  }

  /** The kept checks, oldest first. */
  synchronized List<Check> all() {
    return new ArrayList<>(checks);
  }

  synchronized long total() {
    return total;
  }

  synchronized long count(Predicate<Check> filter) {
    return checks.stream().filter(filter).count();
  }

  synchronized void clear() {
    checks.clear();
    total = 0;
  }
}

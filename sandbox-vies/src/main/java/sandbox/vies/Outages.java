package sandbox.vies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Switched-on failures: the next {@code times} checks for a member state (or {@code *}, any) answer
 * an error, or answer normally after a delay ({@code DELAY}). The oldest matching outage answers a
 * check; an outage without {@code times} lasts until cleared.
 */
@Component
class Outages {

  static final String ANY = "*";
  static final String DELAY = "DELAY";

  /**
   * One outage. {@code error} is a {@link ViesError} name or {@link #DELAY}; {@code remaining} is
   * null for "until cleared"; {@code delayMillis} delays the answer, whatever it is.
   */
  record Outage(long id, String countryCode, String error, Integer remaining, long delayMillis) {

    boolean matches(String country) {
      return ANY.equals(countryCode) || countryCode.equals(country);
    }

    boolean isDelay() {
      return DELAY.equals(error);
    }
  }

  private final List<Outage> outages = new ArrayList<>();
  private long nextId = 1;

  synchronized Outage add(String countryCode, String error, Integer times, long delayMillis) {
    Outage o = new Outage(nextId++, countryCode, error, times, delayMillis);
    outages.add(o);
    return o;
  }

  /** The outage that answers this check, counted down; empty when the check goes through. */
  synchronized Optional<Outage> take(String countryCode) {
    for (int i = 0; i < outages.size(); i++) {
      Outage o = outages.get(i);
      if (!o.matches(countryCode)) {
        continue;
      }
      if (o.remaining() != null) {
        int left = o.remaining() - 1;
        if (left <= 0) {
          outages.remove(i);
        } else {
          outages.set(i, new Outage(o.id(), o.countryCode(), o.error(), left, o.delayMillis()));
        }
      }
      return Optional.of(o);
    }
    return Optional.empty();
  }

  /** True when an active outage answers {@code error} for that member state (check-status). */
  synchronized boolean active(String countryCode, ViesError error) {
    return outages.stream()
        .anyMatch(o -> o.error().equals(error.name()) && o.countryCode().equals(countryCode));
  }

  synchronized List<Outage> all() {
    return new ArrayList<>(outages);
  }

  synchronized int clear() {
    int n = outages.size();
    outages.clear();
    return n;
  }
}

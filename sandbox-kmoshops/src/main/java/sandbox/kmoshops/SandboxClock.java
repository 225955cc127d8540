package sandbox.kmoshops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The sandbox's notion of now; tests move it forward instead of waiting. It can also be frozen at
 * an instant, so that a test controls which orders share one {@code updatedAt} second.
 */
@Component
public class SandboxClock extends Clock {

  /**
   * Either running ({@code frozenAt == null}, real time plus an offset) or frozen at an instant.
   */
  private record State(Duration offset, Instant frozenAt) {}

  private final AtomicReference<State> state =
      new AtomicReference<>(new State(Duration.ZERO, null));

  public void advance(Duration by) {
    state.updateAndGet(
        s ->
            s.frozenAt() == null
                ? new State(s.offset().plus(by), null)
                : new State(s.offset(), s.frozenAt().plus(by)));
  }

  /** Moves now to {@code at}; a frozen clock stays there until it is advanced or thawed. */
  public void set(Instant at, boolean frozen) {
    state.set(
        frozen
            ? new State(Duration.ZERO, at)
            : new State(Duration.between(Instant.now(), at), null));
  }

  /** Lets a frozen clock run on from where it stands. */
  public void thaw() {
    Instant now = instant();
    set(now, false);
  }

  public boolean frozen() {
    return state.get().frozenAt() != null;
  }

  public void reset() {
    state.set(new State(Duration.ZERO, null));
  }

  @Override
  public Instant instant() {
    State s = state.get();
    return s.frozenAt() != null ? s.frozenAt() : Instant.now().plus(s.offset());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}

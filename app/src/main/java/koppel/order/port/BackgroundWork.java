package koppel.order.port;

import java.util.function.Supplier;

/**
 * Marks the work of this thread as background work (a historical import), so a shared rate budget
 * can keep part of itself for live orders: a live order of any shop booking into the same division
 * never waits behind an import.
 */
public final class BackgroundWork {

  private static final ThreadLocal<Boolean> BACKGROUND = ThreadLocal.withInitial(() -> false);

  private BackgroundWork() {}

  public static <T> T run(boolean background, Supplier<T> work) {
    boolean before = BACKGROUND.get();
    BACKGROUND.set(background);
    try {
      return work.get();
    } finally {
      BACKGROUND.set(before);
    }
  }

  public static boolean active() {
    return BACKGROUND.get();
  }
}

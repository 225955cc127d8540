package koppel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import koppel.order.port.RateLimitStore;
import koppel.order.port.RateLimitStore.Defaults;
import koppel.order.port.RateLimitStore.Window;
import koppel.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared rate budget on a real PostgreSQL: windows, resets, headers, concurrency. */
class JdbcRateLimitStoreIT {

  private static JdbcRateLimitStore store;
  private static final Defaults DEFAULTS = new Defaults(5, 8, Duration.ofMillis(500), 0);
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:10Z");

  @BeforeAll
  static void database() {
    store = new JdbcRateLimitStore(new MigratedDatabase().jdbc);
  }

  @Test
  void minuteBudgetRunsOutAndComesBackAfterTheResetPlusMargin() {
    String scope = "exact:a:1";
    for (int i = 0; i < 5; i++) {
      assertThat(store.reserve(scope, DEFAULTS, T0.plusSeconds(i))).isEmpty();
    }
    Optional<Instant> back = store.reserve(scope, DEFAULTS, T0.plusSeconds(6));
    assertThat(back).contains(Instant.parse("2026-11-28T10:01:00.500Z"));
    assertThat(store.reserve(scope, DEFAULTS, Instant.parse("2026-11-28T10:01:00.200Z")))
        .as("not before the margin")
        .isPresent();
    assertThat(store.reserve(scope, DEFAULTS, Instant.parse("2026-11-28T10:01:00.600Z"))).isEmpty();
  }

  @Test
  void dayBudgetWaitsForMidnightUtc() {
    String scope = "exact:a:2";
    Instant t = T0;
    for (int i = 0; i < 8; i++) {
      t = t.plusSeconds(61);
      assertThat(store.reserve(scope, DEFAULTS, t)).isEmpty();
    }
    assertThat(store.reserve(scope, DEFAULTS, t.plusSeconds(61)))
        .contains(Instant.parse("2026-11-29T00:00:00.500Z"));
  }

  @Test
  void headersAreTheTruth() {
    String scope = "exact:a:3";
    assertThat(store.reserve(scope, DEFAULTS, T0)).isEmpty();
    Instant minuteReset = Instant.parse("2026-11-28T10:01:00Z");
    // Exact says: limit 60, and only 1 left in this minute (other apps' calls, or other nodes)
    store.observe(
        scope,
        new Window(60, 1, minuteReset),
        new Window(5000, 4990, Instant.parse("2026-11-29T00:00:00Z")),
        T0);
    assertThat(store.reserve(scope, DEFAULTS, T0.plusSeconds(1))).isEmpty();
    assertThat(store.reserve(scope, DEFAULTS, T0.plusSeconds(2))).isPresent();
    // an older header cannot give budget back
    store.observe(scope, new Window(60, 50, minuteReset.minusSeconds(60)), null, T0);
    assertThat(store.reserve(scope, DEFAULTS, T0.plusSeconds(3))).isPresent();
    // after the reset the learned limit (60), not the default (5), applies
    Instant next = minuteReset.plusSeconds(1);
    for (int i = 0; i < 60; i++) {
      assertThat(store.reserve(scope, DEFAULTS, next)).as("call %d", i).isEmpty();
    }
    assertThat(store.reserve(scope, DEFAULTS, next)).isPresent();
  }

  @Test
  void theMinuteReserveStaysUnusedForCallsInFlight() {
    String scope = "exact:a:5";
    Defaults withReserve = new Defaults(5, 8, Duration.ofMillis(500), 2);
    for (int i = 0; i < 3; i++) {
      assertThat(store.reserve(scope, withReserve, T0)).isEmpty();
    }
    assertThat(store.reserve(scope, withReserve, T0)).isPresent();
  }

  @Test
  void backgroundWorkLeavesTheLastCallsOfTheDayToLiveOrders() {
    String scope = "exact:a:6";
    // an import may not take the last 3 calls of the day (limit 8); a live order may
    Defaults background = new Defaults(100, 8, Duration.ofMillis(500), 0, 3);
    Defaults live = new Defaults(100, 8, Duration.ofMillis(500), 0, 0);
    for (int i = 0; i < 5; i++) {
      assertThat(store.reserve(scope, background, T0)).isEmpty();
    }
    Optional<Instant> importBack = store.reserve(scope, background, T0);
    assertThat(importBack).as("the import waits for the next day").isPresent();
    assertThat(importBack.get()).isAfter(T0.plus(Duration.ofHours(1)));
    for (int i = 0; i < 3; i++) {
      assertThat(store.reserve(scope, live, T0)).isEmpty();
    }
    assertThat(store.reserve(scope, live, T0)).isPresent();
  }

  @Test
  void concurrentReservationsNeverOverspend() throws Exception {
    String scope = "exact:a:4";
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      results.add(pool.submit(() -> store.reserve(scope, DEFAULTS, T0).isEmpty()));
    }
    int granted = 0;
    for (Future<Boolean> f : results) {
      granted += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(granted).isEqualTo(5);
    assertThat(store.budget(scope))
        .get()
        .extracting(RateLimitStore.Budget::minute)
        .extracting(Window::remaining)
        .isEqualTo(0);
  }
}

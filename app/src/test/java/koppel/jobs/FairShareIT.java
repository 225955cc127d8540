package koppel.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two shops book into one Exact division, with Exact's real limits (60 calls a minute, 5,000 a day,
 * per app and division). Shop A imports 5,000 historical orders, which alone would take every call
 * of every minute for hours; meanwhile live orders of shop B arrive one by one. Each live order is
 * booked within a minute of its webhook (in practice within seconds: an import may not take the
 * last calls of a minute, those are kept for live orders), while A's import keeps going.
 */
class FairShareIT {

  private static final int IMPORTED = 5000;
  private static final int LIVE = 4;
  private static KoppelSystem system;

  @BeforeAll
  static void start() {
    system =
        KoppelSystem.start(
            Map.of("sandbox.exact.minutely-limit", 60, "sandbox.exact.daily-limit", 5000),
            Map.of("sandbox.kmoshops.requests-per-minute", 10_000_000),
            Map.of("koppel.exact.minutely-limit", 60, "koppel.exact.daily-limit", 5000));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void aLiveOrderOfOneShopIsNotHeldUpByAnotherShopsImportIntoTheSameDivision() throws Exception {
    KoppelSystem.Seeded a = system.seedIntegration("deelt-a", LocalDate.of(2026, 11, 1));
    KoppelSystem.Seeded b =
        system.seedIntegration("deelt-b", LocalDate.of(2026, 11, 1), true, a.division());
    assertThat(b.division()).isEqualTo(a.division());

    ShopOrders.octoberBeforeKoppel(system, a, IMPORTED);

    assertThat(
            Http.post(
                    system.appUrl() + "/api/imports",
                    Map.of("from", "2026-10-01", "to", "2026-10-31"),
                    a.login(),
                    a.password())
                .status())
        .isEqualTo(202);
    // the import is under way and uses the division's budget
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> count("imported and state = 'BOOKED'") >= 30);

    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < LIVE; i++) {
      long importedBefore = count("imported and state = 'BOOKED'");
      long started = System.nanoTime();
      long live = ShopOrders.paidOrder(system, b, "live-" + i + "@example.be").path("id").asLong();
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> "BOOKED".equals(ShopOrders.state(system, b, live)));
      long millis = (System.nanoTime() - started) / 1_000_000;
      delays.add(millis);
      // the import goes on between live orders
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> count("imported and state = 'BOOKED'") > importedBefore);
    }
    System.out.printf(
        "fair share: %d of %d imported orders of shop A booked; live orders of shop B booked"
            + " after %s ms%n",
        count("imported and state = 'BOOKED'"), IMPORTED, delays);
    assertThat(delays).allSatisfy(d -> assertThat(d).as("live delay (ms)").isLessThan(60_000));
    assertThat(count("imported")).isEqualTo(IMPORTED);
    assertThat(count("imported and state = 'BOOKED'")).isLessThan(IMPORTED);
  }

  private static long count(String where) throws Exception {
    try (Connection db = DriverManager.getConnection(system.dbUrl, "postgres", "");
        ResultSet rs =
            db.createStatement().executeQuery("select count(*) from order_sync where " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

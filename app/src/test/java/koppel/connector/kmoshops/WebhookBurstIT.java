package koppel.connector.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.Webhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A burst of 1,000 signed webhooks, 50 at a time: every one is acknowledged (2xx) within 5 s,
 * because the endpoint only verifies, dedupes, records and queues; the work happens later.
 */
class WebhookBurstIT {

  private static KoppelSystem system;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start(Map.of(), Map.of(), Map.of("koppel.db.pool-size", "20"));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void aThousandWebhooksAreAllAcknowledgedWithinFiveSecondsEach() throws Exception {
    KoppelSystem.Seeded seeded = system.seedIntegration("burst");
    ExecutorService senders = Executors.newFixedThreadPool(50);
    List<Future<long[]>> results = new ArrayList<>();
    long burstStart = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      long orderId = 9_000_000L + i;
      results.add(
          senders.submit(
              () -> {
                long t0 = System.nanoTime();
                Http.Response r =
                    Webhooks.deliver(system, seeded, Webhooks.newId(), "order.created", orderId);
                return new long[] {r.status(), (System.nanoTime() - t0) / 1_000_000};
              }));
    }
    List<Long> millis = new ArrayList<>();
    int ok = 0;
    for (Future<long[]> f : results) {
      long[] r = f.get();
      ok += r[0] >= 200 && r[0] < 300 ? 1 : 0;
      millis.add(r[1]);
    }
    senders.shutdown();
    assertThat(senders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    long total = (System.nanoTime() - burstStart) / 1_000_000;
    Collections.sort(millis);
    System.out.printf(
        "webhook burst: 1000 in %d ms; p50 %d ms, p99 %d ms, max %d ms%n",
        total, millis.get(499), millis.get(989), millis.get(999));
    assertThat(ok).isEqualTo(1000);
    assertThat(millis.get(999)).as("slowest acknowledgement (ms)").isLessThan(5000);
  }
}

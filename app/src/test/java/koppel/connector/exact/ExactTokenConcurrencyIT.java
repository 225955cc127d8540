package koppel.connector.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import koppel.order.port.AccountingSystem;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Sixteen threads in two Koppel nodes share one database and one Exact connection through many
 * token expiries. Exact's rules (single-use refresh tokens, no refresh before a minimum age) are
 * scaled down: tokens live 8 s instead of 600 s, and the sandbox refuses refreshes younger than 5 s
 * (Exact: 570 s). The last-moment window is widened from Exact's 30 s (5 %) to 3 s, so that calls
 * in flight on a loaded 2-core machine still arrive before the old token expires. Exactly one node
 * refreshes at a time; the others use its token: zero "Old refresh token used", zero too-early
 * refreshes, zero failed calls.
 */
class ExactTokenConcurrencyIT {

  private static KoppelSystem system;

  @BeforeAll
  static void start() {
    Map<String, Object> app =
        Map.of(
            "koppel.exact.min-token-age", "3800ms",
            "koppel.exact.refresh-before-expiry", "250ms",
            "koppel.db.pool-size", "20");
    system =
        KoppelSystem.start(
            Map.of(
                "sandbox.exact.access-token-lifetime",
                "4s",
                "sandbox.exact.min-refresh-age",
                "3800ms",
                "sandbox.exact.minutely-limit",
                10_000_000,
                "sandbox.exact.daily-limit",
                10_000_000),
            Map.of(),
            app);
    system.startNode(Map.of());
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void sixteenThreadsInTwoNodesNeverBreakTheRefreshChain() throws Exception {
    KoppelSystem.Seeded seeded = system.seedIntegration("tokens");
    UUID integration = UUID.fromString(seeded.integrationId());
    Duration run = Duration.ofSeconds(35);
    AtomicInteger calls = new AtomicInteger();
    Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    Instant end = Instant.now().plus(run);
    List<ConfigurableApplicationContext> nodes = List.of(system.node(0), system.node(1));
    for (int t = 0; t < 16; t++) {
      AccountingSystem exact = nodes.get(t % 2).getBean(AccountingSystem.class);
      threads.submit(
          () -> {
            while (Instant.now().isBefore(end)) {
              try {
                exact.findItems(
                    integration, exact.division(integration), List.of("NO-SUCH-ITEM"), List.of());
                calls.incrementAndGet();
              } catch (RuntimeException e) {
                failures
                    .computeIfAbsent(
                        e.getClass().getSimpleName() + ": " + e.getMessage(),
                        k -> new AtomicInteger())
                    .incrementAndGet();
              }
            }
          });
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(run.toSeconds() + 30, TimeUnit.SECONDS)).isTrue();

    JsonNode stats = Http.get(system.exactUrl + "/admin/oauth/stats").json();
    System.out.printf(
        "token concurrency: %d calls, %d refreshes, stats %s, failures %s%n",
        calls.get(), stats.path("refreshes").asInt(), stats, failures);
    assertThat(failures).isEmpty();
    assertThat(stats.path("refreshes").asInt())
        .as("token expiries lived through")
        .isGreaterThanOrEqualTo(5);
    assertThat(stats.path("oldRefreshTokenUsed").asInt()).isZero();
    assertThat(stats.path("tooEarly").asInt()).isZero();
    assertThat(calls.get()).isGreaterThan(1000);
    assertThat(
            Http.get(system.appUrl() + "/api/connections", seeded.login(), seeded.password())
                .json()
                .get(1)
                .path("state")
                .asString())
        .isEqualTo("CONNECTED");
  }
}

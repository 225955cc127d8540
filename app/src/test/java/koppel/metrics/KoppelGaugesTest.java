package koppel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import koppel.order.domain.OrderKey;
import org.junit.jupiter.api.Test;

/** The database gauges: what they show for what the queries return. */
class KoppelGaugesTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:30Z");

  private final List<MetricsQueries.OrderCount> orders = new ArrayList<>();
  private final List<MetricsQueries.Budget> budgets = new ArrayList<>();
  private final List<MetricsQueries.QueueCount> queue = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private final MetricsQueries queries =
      new MetricsQueries() {
        @Override
        public List<OrderCount> orderCounts() {
          return orders;
        }

        @Override
        public List<Budget> budgets(String scopePrefix) {
          return budgets;
        }

        @Override
        public List<QueueCount> queue(int livePriority, Instant now) {
          return queue;
        }

        @Override
        public Optional<BookingTimes> bookingTimes(OrderKey key) {
          return Optional.empty();
        }
      };

  private KoppelGauges gauges() {
    return new KoppelGauges(registry, queries, Clock.fixed(NOW, ZoneOffset.UTC), 10, Duration.ZERO);
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  @Test
  void everyStateOfAnIntegrationIsShownAndAVanishedFigureReadsZero() {
    orders.add(new MetricsQueries.OrderCount("i1", "BOOKED", 7));
    orders.add(new MetricsQueries.OrderCount("i1", "FAILED", 2));
    try (KoppelGauges g = gauges()) {
      g.refresh();
      assertThat(gauge("koppel.orders", "state", "BOOKED", "integration", "i1")).isEqualTo(7);
      assertThat(gauge("koppel.orders", "state", "FAILED", "integration", "i1")).isEqualTo(2);
      assertThat(gauge("koppel.orders", "state", "OPEN", "integration", "i1")).isZero();
      assertThat(registry.get("koppel.orders").gauges()).hasSize(6);

      orders.clear();
      orders.add(new MetricsQueries.OrderCount("i1", "BOOKED", 9));
      g.refresh();
      assertThat(gauge("koppel.orders", "state", "BOOKED", "integration", "i1")).isEqualTo(9);
      assertThat(gauge("koppel.orders", "state", "FAILED", "integration", "i1")).isZero();
    }
  }

  @Test
  void aBudgetWindowWhoseResetHasPassedShowsItsLimit() {
    budgets.add(
        new MetricsQueries.Budget(
            "exact:app:4711", 60, 12, NOW.plusSeconds(30), 5000, 4000, NOW.minusSeconds(1)));
    try (KoppelGauges g = gauges()) {
      g.refresh();
      assertThat(gauge("koppel.exact.budget.remaining", "division", "4711", "window", "minute"))
          .isEqualTo(12);
      assertThat(gauge("koppel.exact.budget.remaining", "division", "4711", "window", "day"))
          .isEqualTo(5000);
    }
  }

  @Test
  void queueDepthAndDuePerTaskAndPriority() {
    queue.add(new MetricsQueries.QueueCount("book-order", true, 5, 3));
    queue.add(new MetricsQueries.QueueCount("book-order", false, 100, 100));
    try (KoppelGauges g = gauges()) {
      g.refresh();
      assertThat(gauge("koppel.queue.depth", "task", "book-order", "priority", "live"))
          .isEqualTo(5);
      assertThat(gauge("koppel.queue.due", "task", "book-order", "priority", "live")).isEqualTo(3);
      assertThat(gauge("koppel.queue.depth", "task", "book-order", "priority", "import"))
          .isEqualTo(100);
    }
  }
}

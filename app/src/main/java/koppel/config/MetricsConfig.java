package koppel.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import koppel.jobs.OrderQueue;
import koppel.metrics.KoppelGauges;
import koppel.metrics.MetricsQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database gauges, refreshed every {@code koppel.metrics.refresh-interval}. */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

  @Bean(destroyMethod = "close")
  KoppelGauges koppelGauges(
      MeterRegistry registry,
      MetricsQueries queries,
      Clock clock,
      @Value("${koppel.metrics.refresh-interval:5s}") Duration refresh) {
    return new KoppelGauges(registry, queries, clock, OrderQueue.LIVE_PRIORITY, refresh);
  }
}

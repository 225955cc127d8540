package koppel.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import koppel.order.port.AccountingCallMeter;
import org.springframework.stereotype.Component;

/**
 * {@code koppel_exact_calls_total{kind,integration,division}}: every request the Exact connector
 * sends. Calls outside a division (current/Me) have {@code division="none"}.
 */
@Component
public class ExactCallCounter implements AccountingCallMeter {

  static final String NAME = "koppel.exact.calls";

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public ExactCallCounter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void sent(UUID integrationId, String division, Kind kind) {
    String integration = integrationId == null ? "none" : integrationId.toString();
    String div = division == null || division.isBlank() ? "none" : division;
    String k = kind.name().toLowerCase(Locale.ROOT);
    counters
        .computeIfAbsent(
            k + '|' + integration + '|' + div,
            x ->
                Counter.builder(NAME)
                    .description("HTTP requests sent to Exact Online, by kind")
                    .tag("kind", k)
                    .tag("integration", integration)
                    .tag("division", div)
                    .register(registry))
        .increment();
  }
}

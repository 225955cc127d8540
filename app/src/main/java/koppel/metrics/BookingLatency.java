package koppel.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import koppel.order.domain.OrderKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code koppel_booking_latency_seconds{integration}}: from when an order was (last) queued — the
 * webhook, a poll, the Process button — to when it was booked. Recorded once, by the attempt that
 * booked it.
 */
@Component
public class BookingLatency {

  private static final Logger log = LoggerFactory.getLogger(BookingLatency.class);

  static final String NAME = "koppel.booking.latency";

  private final MeterRegistry registry;
  private final MetricsQueries queries;

  public BookingLatency(MeterRegistry registry, MetricsQueries queries) {
    this.registry = registry;
    this.queries = queries;
  }

  /**
   * An attempt that started at {@code started} has ended without a retry: if it booked the order,
   * the time from queued to booked is recorded.
   */
  public void attemptEnded(OrderKey key, Instant started) {
    try {
      recordIfBooked(key, started);
    } catch (RuntimeException e) {
      // a metric must never fail the booking that it measures
      log.warn("Booking latency of {} not recorded: {}", key, e.toString());
    }
  }

  private void recordIfBooked(OrderKey key, Instant started) {
    queries
        .bookingTimes(key)
        .filter(t -> "BOOKED".equals(t.state()))
        .filter(t -> t.queuedAt() != null && t.bookedAt() != null)
        .filter(t -> !t.bookedAt().isBefore(started))
        .ifPresent(
            t ->
                record(
                    key.integrationId().toString(), Duration.between(t.queuedAt(), t.bookedAt())));
  }

  void record(String integration, Duration latency) {
    timer(integration).record(latency.isNegative() ? Duration.ZERO : latency);
  }

  Timer timer(String integration) {
    return Timer.builder(NAME)
        .description("Time from an order being queued to it being booked in Exact Online")
        .tag("integration", integration)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(50))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(registry);
  }
}

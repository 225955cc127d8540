package koppel.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.OrderIntake;
import koppel.order.port.PollState;
import koppel.order.port.ShopSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Webhooks arrive twice, late or never, so every shop is also polled (hourly by default) for orders
 * changed since the watermark. The walk is keyset-based on {@code updatedSince}, not page numbers:
 * an order changed while we read moves to the end of the ordering and is read again later, never
 * skipped; orders sharing the watermark's second are read again (the bound is inclusive) and dedupe
 * in intake. A small overlap covers orders written a moment late.
 */
@Component
public class ShopPollJob {

  public static final TaskDescriptor<Void> POLL = TaskDescriptor.of("poll-shop");
  private static final Logger log = LoggerFactory.getLogger(ShopPollJob.class);
  private static final int MAX_PAGES = 2_000;
  private static final Duration OVERLAP = Duration.ofMinutes(1);

  private final ShopSystem shop;
  private final OrderIntake intake;
  private final PollState state;
  private final SchedulerClient scheduler;
  private final Clock clock;
  private final Duration interval;

  ShopPollJob(
      ShopSystem shop,
      OrderIntake intake,
      PollState state,
      @Lazy SchedulerClient scheduler,
      Clock clock,
      @Value("${koppel.kmoshops.poll-interval:1h}") Duration interval) {
    this.shop = shop;
    this.intake = intake;
    this.state = state;
    this.scheduler = scheduler;
    this.clock = clock;
    this.interval = interval;
  }

  public CustomTask<Void> task() {
    return Tasks.custom(POLL)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1)))
        .onDeadExecutionRevive()
        .execute(
            (instance, context) -> {
              Instant next = pollOnce(UUID.fromString(instance.getId()));
              return (complete, operations) -> operations.reschedule(complete, next);
            });
  }

  /** Makes sure the integration is polled (idempotent); the first poll runs now. */
  public void ensureScheduled(UUID integrationId) {
    scheduler.scheduleIfNotExists(
        POLL.instance(integrationId.toString()).scheduledTo(clock.instant()));
  }

  /** One poll; returns when the next one is due. */
  public Instant pollOnce(UUID integrationId) {
    Instant started = clock.instant();
    Instant watermark = state.watermark(integrationId).orElse(started.minus(Duration.ofDays(1)));
    OrderWalk walk = new OrderWalk(watermark.minus(OVERLAP), 1);
    Instant highest = watermark;
    int seen = 0;
    int queued = 0;
    try {
      for (int pages = 0; walk != null && pages < MAX_PAGES; pages++) {
        ShopSystem.OrderPage result =
            shop.listOrders(
                integrationId, walk.cursor(), null, null, walk.page(), OrderWalk.PAGE_SIZE);
        for (ShopSystem.OrderSummary o : result.orders()) {
          seen++;
          if (intake.orderSeen(integrationId, o.id(), o.updatedAt(), "poll")) {
            queued++;
          }
          highest = o.updatedAt().isAfter(highest) ? o.updatedAt() : highest;
        }
        walk = walk.next(result);
      }
    } catch (ExternalSystemException.RateLimited limited) {
      state.polled(
          integrationId, highest, started, "rate limited, resumed at " + limited.retryAt());
      return limited.retryAt();
    } catch (ExternalSystemException e) {
      state.polled(integrationId, highest, started, "failed: " + e.getMessage());
      log.warn("integration={} poll failed: {}", integrationId, e.getMessage());
      return started.plus(
          Duration.ofMinutes(10).compareTo(interval) < 0 ? Duration.ofMinutes(10) : interval);
    }
    state.polled(integrationId, highest, started, seen + " seen, " + queued + " queued");
    log.info("integration={} poll: {} orders seen, {} queued", integrationId, seen, queued);
    return started.plus(interval);
  }
}

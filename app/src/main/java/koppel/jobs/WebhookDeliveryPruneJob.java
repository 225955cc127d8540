package koppel.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import koppel.order.port.WebhookDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Webhook delivery ids are kept to drop repeated deliveries. KMO Shops retries a delivery for about
 * four hours, so ids older than {@code koppel.kmoshops.webhook-dedupe-for} (3 days) can never come
 * back: every night they are deleted, so the table stays small.
 */
@Component
public class WebhookDeliveryPruneJob {

  private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryPruneJob.class);

  private final WebhookDeliveries deliveries;
  private final Clock clock;
  private final Duration keep;

  public WebhookDeliveryPruneJob(
      WebhookDeliveries deliveries,
      Clock clock,
      @Value("${koppel.kmoshops.webhook-dedupe-for:3d}") Duration keep) {
    this.deliveries = deliveries;
    this.clock = clock;
    this.keep = keep;
  }

  public RecurringTask<Void> task() {
    return Tasks.recurring("prune-webhook-deliveries", Schedules.daily(LocalTime.of(4, 11)))
        .execute((instance, context) -> run());
  }

  /** Deletes the delivery ids older than the dedupe window; returns how many. */
  public int run() {
    int pruned = deliveries.pruneBefore(clock.instant().minus(keep));
    log.info("pruned {} webhook delivery ids older than {}", pruned, keep);
    return pruned;
  }
}

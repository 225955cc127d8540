package koppel.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.ImportJobs;
import koppel.order.port.OrderIntake;
import koppel.order.port.ShopSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A historical import: the orders created in a date range, one page per execution, so progress is
 * saved after every page and an import resumes where it was after a restart. Imported orders are
 * queued at the lowest priority: live orders always go first.
 */
@Component
public class ImportOrdersJob {

  public static final TaskDescriptor<Void> IMPORT = TaskDescriptor.of("import-orders");
  private static final Logger log = LoggerFactory.getLogger(ImportOrdersJob.class);

  private final ImportJobs jobs;
  private final ShopSystem shop;
  private final OrderIntake intake;
  private final SchedulerClient scheduler;
  private final Clock clock;

  ImportOrdersJob(
      ImportJobs jobs,
      ShopSystem shop,
      OrderIntake intake,
      @Lazy SchedulerClient scheduler,
      Clock clock) {
    this.jobs = jobs;
    this.shop = shop;
    this.intake = intake;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  public CustomTask<Void> task() {
    return Tasks.custom(IMPORT)
        .defaultPriority(OrderQueue.IMPORT_PRIORITY)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30)))
        .onDeadExecutionRevive()
        .execute(
            (instance, context) -> {
              Instant next = page(UUID.fromString(instance.getId()));
              if (next == null) {
                return new CompletionHandler.OnCompleteRemove<>();
              }
              return (complete, operations) -> operations.reschedule(complete, next);
            });
  }

  /** Starts an import of the orders created between {@code from} and {@code to}. */
  public ImportJobs.ImportJob start(UUID integrationId, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("The import period must end after it starts.");
    }
    Instant now = clock.instant();
    ImportJobs.ImportJob job =
        new ImportJobs.ImportJob(
            UUID.randomUUID(),
            integrationId,
            from,
            to,
            "RUNNING",
            null,
            1,
            0,
            0,
            null,
            null,
            now,
            now);
    jobs.create(job);
    scheduler.schedule(
        IMPORT.instance(job.id().toString()).priority(OrderQueue.IMPORT_PRIORITY).scheduledTo(now));
    return job;
  }

  /**
   * Cancels a running import: no further page is read. Orders already read stay queued (behind the
   * live ones) and are booked. False when the import was not running any more.
   */
  public boolean cancel(UUID jobId) {
    return jobs.cancel(jobId, "Cancelled by the merchant", clock.instant());
  }

  /** Imports one page; returns when to continue, or null when the import is done. */
  Instant page(UUID jobId) {
    ImportJobs.ImportJob job = jobs.find(jobId).orElse(null);
    if (job == null || !job.state().equals("RUNNING")) {
      return null;
    }
    Instant now = clock.instant();
    try {
      OrderWalk walk = new OrderWalk(job.cursor(), job.page());
      ShopSystem.OrderPage page =
          shop.listOrders(
              job.integrationId(),
              walk.cursor(),
              job.createdFrom(),
              job.createdTo(),
              walk.page(),
              OrderWalk.PAGE_SIZE);
      int imported = job.imported();
      for (ShopSystem.OrderSummary o : page.orders()) {
        if (intake.orderImported(job.integrationId(), o.id(), "import")) {
          imported++;
        }
      }
      int seen = job.seen() + page.orders().size();
      Integer total = job.cursor() == null && job.page() == 1 ? page.total() : null;
      OrderWalk next = walk.next(page);
      if (next == null) {
        jobs.progress(jobId, walk.cursor(), walk.page(), seen, imported, total, now);
        jobs.finish(jobId, "DONE", seen + " orders read, " + imported + " queued", now);
        log.info("integration={} import {} done: {} orders", job.integrationId(), jobId, seen);
        return null;
      }
      jobs.progress(jobId, next.cursor(), next.page(), seen, imported, total, now);
      return now;
    } catch (ExternalSystemException.RateLimited limited) {
      return limited.retryAt();
    } catch (ExternalSystemException.NotAuthorized e) {
      jobs.finish(jobId, "FAILED", "The shop is not connected: " + e.getMessage(), now);
      return null;
    } catch (ExternalSystemException e) {
      return now.plus(Duration.ofMinutes(1));
    }
  }
}

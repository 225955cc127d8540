package koppel.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import koppel.order.port.EventLog;
import koppel.order.port.OrderSync;
import koppel.order.port.OrderSyncStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * No order waits without a queue entry: every minute, an order that has been QUEUED or BOOKING for
 * over a minute with nothing on the queue for it (a change that arrived in the very moment its last
 * attempt ended, a queue row lost with a database restore) is queued again. Its attempt looks Exact
 * up first if an earlier one may have written.
 */
@Component
public class StrandedOrdersJob {

  private static final Logger log = LoggerFactory.getLogger(StrandedOrdersJob.class);
  private static final int BATCH = 500;

  private final OrderSyncStore orders;
  private final OrderQueue queue;
  private final EventLog events;
  private final Clock clock;
  private final Duration every;

  StrandedOrdersJob(
      OrderSyncStore orders,
      OrderQueue queue,
      EventLog events,
      Clock clock,
      @Value("${koppel.booking.stranded-check-every:1m}") Duration every) {
    this.orders = orders;
    this.queue = queue;
    this.events = events;
    this.clock = clock;
    this.every = every;
  }

  public RecurringTask<Void> task() {
    return Tasks.recurring("requeue-stranded-orders", Schedules.fixedDelay(every))
        .execute((instance, context) -> run());
  }

  /** Queues the stranded orders; returns how many. */
  public int run() {
    Instant now = clock.instant();
    int queued = 0;
    for (OrderSync o :
        orders.stranded(OrderQueue.BOOK_ORDER.getTaskName(), now.minus(every), BATCH)) {
      int priority = o.imported() ? OrderQueue.IMPORT_PRIORITY : OrderQueue.LIVE_PRIORITY;
      if (queue.queueAt(o.key(), "stranded", now, priority)) {
        events.record(o.key(), "QUEUED", "Found waiting without a queue entry; queued again", now);
        queued++;
      }
    }
    if (queued > 0) {
      log.warn("queued {} orders that waited without a queue entry", queued);
    }
    return queued;
  }
}

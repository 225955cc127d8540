package koppel.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Clock;
import java.time.Instant;
import koppel.order.domain.OrderKey;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Puts orders on the durable queue; one queue entry per order at most. */
@Component
public class OrderQueue {

  public static final TaskDescriptor<OrderTaskData> BOOK_ORDER =
      TaskDescriptor.of("book-order", OrderTaskData.class);

  /** Live orders go before historical imports. */
  public static final int LIVE_PRIORITY = 10;

  public static final int IMPORT_PRIORITY = 0;

  private final SchedulerClient scheduler;
  private final Clock clock;

  // lazy: the scheduler needs every task bean, and some tasks need the queue
  OrderQueue(@Lazy SchedulerClient scheduler, Clock clock) {
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** Queues the order now unless it is queued already; true when this call queued it. */
  public boolean queueNow(OrderKey key, String trigger) {
    return queueAt(key, trigger, clock.instant(), LIVE_PRIORITY);
  }

  public boolean queueAt(OrderKey key, String trigger, Instant at, int priority) {
    return scheduler.scheduleIfNotExists(
        BOOK_ORDER
            .instance(key.toString())
            .data(new OrderTaskData(trigger))
            .priority(priority)
            .scheduledTo(at));
  }

  /**
   * Brings a waiting entry forward (e.g. the merchant pressed Process); false when none waits (or
   * it is running right now: it comes back by itself if it has to).
   */
  public boolean runNow(OrderKey key) {
    try {
      return scheduler.reschedule(BOOK_ORDER.instanceId(key.toString()), clock.instant());
    } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
      return false;
    }
  }
}

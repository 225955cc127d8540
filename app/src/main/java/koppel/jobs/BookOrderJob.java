package koppel.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import koppel.metrics.BookingLatency;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;
import koppel.order.port.BackgroundWork;
import koppel.order.port.BookOrder;
import koppel.order.port.OrderSync;
import koppel.order.port.OrderSyncStore;
import org.springframework.stereotype.Component;

/**
 * The queue task behind every order: one attempt per execution; the pipeline says whether it is
 * done or when to try again.
 */
@Component
public class BookOrderJob {

  private final BookOrder bookOrder;
  private final OrderSyncStore orders;
  private final BookingLatency latency;
  private final Clock clock;

  BookOrderJob(BookOrder bookOrder, OrderSyncStore orders, BookingLatency latency, Clock clock) {
    this.bookOrder = bookOrder;
    this.orders = orders;
    this.latency = latency;
    this.clock = clock;
  }

  public CustomTask<OrderTaskData> task() {
    return Tasks.custom(OrderQueue.BOOK_ORDER)
        .defaultPriority(OrderQueue.LIVE_PRIORITY)
        // only for failures the pipeline could not classify (database down, bugs)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30)))
        .onDeadExecutionRevive()
        .execute(
            (instance, context) -> {
              OrderKey key = OrderKey.parse(instance.getId());
              Instant started = clock.instant();
              // an imported order's calls leave part of the division's budget to live orders
              boolean imported = orders.find(key).map(OrderSync::imported).orElse(false);
              BookOrder.Result result = BackgroundWork.run(imported, () -> bookOrder.attempt(key));
              if (result instanceof BookOrder.RetryAt retry) {
                return (complete, operations) -> operations.reschedule(complete, retry.at());
              }
              latency.attemptEnded(key, started);
              // a change that arrived while this attempt ran found this entry taken and could
              // not queue the order again; it left the order QUEUED: look at it once more
              boolean changedMeanwhile =
                  orders.find(key).map(o -> o.state() == SyncState.QUEUED).orElse(false);
              if (changedMeanwhile) {
                return (complete, operations) ->
                    operations.reschedule(complete, complete.getTimeDone());
              }
              return new CompletionHandler.OnCompleteRemove<>();
            });
  }
}

package koppel.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import koppel.order.domain.OrderKey;
import koppel.order.port.BookOrder;
import org.springframework.stereotype.Component;

/**
 * The queue task behind every order: one attempt per execution; the pipeline says whether it is
 * done or when to try again.
 */
@Component
public class BookOrderJob {

  private final BookOrder bookOrder;

  BookOrderJob(BookOrder bookOrder) {
    this.bookOrder = bookOrder;
  }

  public CustomTask<OrderTaskData> task() {
    return Tasks.custom(OrderQueue.BOOK_ORDER)
        .defaultPriority(OrderQueue.LIVE_PRIORITY)
        // only for failures the pipeline could not classify (database down, bugs)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30)))
        .onDeadExecutionRevive()
        .execute(
            (instance, context) -> {
              BookOrder.Result result = bookOrder.attempt(OrderKey.parse(instance.getId()));
              if (result instanceof BookOrder.RetryAt retry) {
                return (complete, operations) -> operations.reschedule(complete, retry.at());
              }
              return new CompletionHandler.OnCompleteRemove<>();
            });
  }
}

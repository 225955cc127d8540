package koppel.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import koppel.order.domain.OrderKey;
import koppel.order.port.ConnectionStore;
import koppel.order.port.OrderIntake;
import koppel.order.port.OrderSyncStore;
import koppel.order.port.SystemConnection.ExternalSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every night, every OPEN order (not paid yet, unknown status) is looked at again, in case the shop
 * changed it without telling us. A webhook or poll that shows it bookable queues it sooner.
 */
@Component
public class OpenOrdersRecheckJob {

  private static final Logger log = LoggerFactory.getLogger(OpenOrdersRecheckJob.class);

  /** Every night at 02:30 (the server's time zone). */
  static final Schedule SCHEDULE = Schedules.daily(LocalTime.of(2, 30));

  private final ConnectionStore connections;
  private final OrderSyncStore orders;
  private final OrderIntake intake;

  OpenOrdersRecheckJob(ConnectionStore connections, OrderSyncStore orders, OrderIntake intake) {
    this.connections = connections;
    this.orders = orders;
    this.intake = intake;
  }

  public RecurringTask<Void> task() {
    return Tasks.recurring("recheck-open-orders", SCHEDULE).execute((instance, context) -> run());
  }

  /** When the nightly re-check runs next after {@code now}, from the task's own schedule. */
  public Instant nextRun(Instant now) {
    return SCHEDULE.getNextExecutionTime(ExecutionComplete.simulatedSuccess(now));
  }

  /** Queues every OPEN order of every active integration; returns how many. */
  public int run() {
    int queued = 0;
    for (UUID integration : connections.connected(ExternalSystem.KMOSHOPS)) {
      for (OrderKey key : orders.open(integration)) {
        if (intake.orderChanged(integration, key.shopOrderId(), "nightly re-check")) {
          queued++;
        }
      }
    }
    log.info("nightly re-check: {} open orders queued", queued);
    return queued;
  }
}

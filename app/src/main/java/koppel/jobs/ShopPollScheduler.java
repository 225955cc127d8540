package koppel.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.util.UUID;
import koppel.order.port.ConnectionStore;
import koppel.order.port.SystemConnection.ExternalSystem;
import org.springframework.stereotype.Component;

/** Every quarter of an hour: every connected, active shop has its hourly poll scheduled. */
@Component
public class ShopPollScheduler {

  private final ConnectionStore connections;
  private final ShopPollJob polling;

  ShopPollScheduler(ConnectionStore connections, ShopPollJob polling) {
    this.connections = connections;
    this.polling = polling;
  }

  public RecurringTask<Void> task() {
    return Tasks.recurring("ensure-shop-polls", Schedules.fixedDelay(Duration.ofMinutes(15)))
        .execute((instance, context) -> run());
  }

  public void run() {
    for (UUID integration : connections.connected(ExternalSystem.KMOSHOPS)) {
      polling.ensureScheduled(integration);
    }
  }
}

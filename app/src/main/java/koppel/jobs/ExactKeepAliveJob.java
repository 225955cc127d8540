package koppel.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;
import koppel.order.port.AccountingAuthorization;
import koppel.order.port.ConnectionStore;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.SystemConnection.ExternalSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Exact's refresh tokens die after about 30 days unused. A shop that sells nothing for a month must
 * not lose its connection: every night, connections idle for longer than {@code
 * koppel.exact.keep-alive-after} (20 days) are refreshed once.
 */
@Component
public class ExactKeepAliveJob {

  private static final Logger log = LoggerFactory.getLogger(ExactKeepAliveJob.class);

  private final ConnectionStore connections;
  private final AccountingAuthorization authorization;
  private final Clock clock;
  private final Duration idle;

  ExactKeepAliveJob(
      ConnectionStore connections,
      AccountingAuthorization authorization,
      Clock clock,
      @Value("${koppel.exact.keep-alive-after:20d}") Duration idle) {
    this.connections = connections;
    this.authorization = authorization;
    this.clock = clock;
    this.idle = idle;
  }

  public RecurringTask<Void> task() {
    return Tasks.recurring("exact-token-keep-alive", Schedules.daily(LocalTime.of(3, 17)))
        .execute((instance, context) -> run());
  }

  /** Refreshes every idle connection; returns how many were refreshed. */
  public int run() {
    int refreshed = 0;
    for (UUID id : connections.idleSince(ExternalSystem.EXACT, clock.instant().minus(idle))) {
      try {
        authorization.keepAlive(id);
        refreshed++;
      } catch (ExternalSystemException e) {
        log.warn("integration={} Exact keep-alive failed: {}", id, e.getMessage());
      }
    }
    return refreshed;
  }
}

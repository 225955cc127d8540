package koppel.web.dashboard;

import java.util.List;
import java.util.Map;
import koppel.integration.Installation;
import koppel.integration.Integration;
import koppel.order.domain.SyncState;

/**
 * What every dashboard page shows around its tab: the integration acted for, the login's other
 * integrations (the switcher), the two dots, the trial and the counts on the tabs.
 */
public record DashboardShell(
    String username,
    boolean operator,
    Integration integration,
    List<Integration> integrations,
    Installation.Status status,
    Map<SyncState, Long> counts,
    String installationLink) {

  public long count(String state) {
    return counts == null ? 0 : counts.getOrDefault(SyncState.valueOf(state), 0L);
  }
}

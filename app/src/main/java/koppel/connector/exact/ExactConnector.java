package koppel.connector.exact;

import java.time.Clock;
import koppel.order.port.AccountingAuthorization;
import koppel.order.port.AccountingCallMeter;
import koppel.order.port.AccountingMasterData;
import koppel.order.port.AccountingMirror;
import koppel.order.port.AccountingSystem;
import koppel.order.port.ClusterLock;
import koppel.order.port.ConnectionStore;
import koppel.order.port.MirrorStore;
import koppel.order.port.RateLimitStore;

/**
 * The Exact Online connector, assembled once: HTTP, tokens, rate governor and client shared by the
 * three ports it offers (booking, connecting, master data).
 */
public class ExactConnector {

  private final ExactAccountingSystem accounting;
  private final ExactAuthorization authorization;
  private final ExactMasterData masterData;
  private final ExactMirror mirror;

  /** {@code meter} hears of every request sent to Exact. */
  public ExactConnector(
      ExactSettings settings,
      ConnectionStore connections,
      ClusterLock cluster,
      RateLimitStore limits,
      MirrorStore mirrorStore,
      Clock clock,
      AccountingCallMeter meter) {
    ExactHttp http = new ExactHttp(settings);
    ExactTokens tokens = new ExactTokens(connections, cluster, http, settings, clock);
    ExactClient client =
        new ExactClient(http, tokens, new ExactRateGovernor(limits, settings, clock), clock, meter);
    this.accounting = new ExactAccountingSystem(client);
    this.authorization = new ExactAuthorization(http, tokens, client, connections, settings, clock);
    this.masterData = new ExactMasterData(client);
    this.mirror = new ExactMirror(client, mirrorStore, cluster, settings, clock);
  }

  public AccountingSystem accounting() {
    return accounting;
  }

  public AccountingAuthorization authorization() {
    return authorization;
  }

  public AccountingMirror mirror() {
    return mirror;
  }

  public AccountingMasterData masterData() {
    return masterData;
  }
}

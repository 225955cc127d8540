package koppel.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.integration.IntegrationStore;
import koppel.integration.LoginStore;
import koppel.order.port.ConnectionStore;
import koppel.order.port.SystemConnection;
import koppel.order.port.SystemConnection.ExternalSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A login's licence keys, and removing a stale one from the switcher (nothing is deleted).
 *
 * <p>The rule: a key can be removed when the login keeps another key, and the key books nothing —
 * it is stopped, or its webshop was never connected (an installation that was started and left). A
 * key that may still book orders is never hidden, so no error can go unseen; the one currently
 * selected may go under the same rule (the session moves to the first key left).
 */
@Service
public class LicenceKeys {

  private static final Logger log = LoggerFactory.getLogger(LicenceKeys.class);

  private final LoginStore logins;
  private final IntegrationStore integrations;
  private final ConnectionStore connections;
  private final Clock clock;

  LicenceKeys(
      LoginStore logins, IntegrationStore integrations, ConnectionStore connections, Clock clock) {
    this.logins = logins;
    this.integrations = integrations;
    this.connections = connections;
    this.clock = clock;
  }

  /**
   * One key as the account page shows it. {@code whyKept} is the message key of why it cannot be
   * removed, null when it can.
   */
  public record Key(Integration integration, boolean shopConnected, String whyKept) {
    public boolean removable() {
      return whyKept == null;
    }
  }

  public List<Key> of(UUID loginId) {
    List<Integration> own = logins.integrations(loginId);
    return own.stream().map(i -> key(i, own.size())).toList();
  }

  /** Removes the key from the login's switcher; refused (with the reason) by the rule above. */
  public void remove(UUID loginId, UUID integrationId) {
    List<Integration> own = logins.integrations(loginId);
    Integration target =
        own.stream()
            .filter(i -> i.id().equals(integrationId))
            .findFirst()
            .orElseThrow(() -> new NotYours());
    Key key = key(target, own.size());
    if (!key.removable()) {
      throw new Kept(key.whyKept());
    }
    integrations.remove(integrationId, clock.instant());
    log.info("integration={} key={} removed from its login", integrationId, target.licenceKey());
  }

  private Key key(Integration i, int keys) {
    boolean shop =
        connections
            .find(i.id(), ExternalSystem.KMOSHOPS)
            .map(SystemConnection::state)
            .map(s -> s != SystemConnection.ConnectionState.NOT_CONNECTED)
            .orElse(false);
    String why = null;
    if (keys < 2) {
      why = "account.keys.kept.last";
    } else if (shop && !i.isStopped()) {
      why = "account.keys.kept.running";
    }
    return new Key(i, shop, why);
  }

  /** The key is not one of this login's. */
  public static final class NotYours extends RuntimeException {
    NotYours() {
      super("Unknown licence key");
    }
  }

  /** The key may not be removed; {@link #getMessage()} is the message key of why. */
  public static final class Kept extends RuntimeException {
    Kept(String reasonKey) {
      super(reasonKey);
    }
  }
}

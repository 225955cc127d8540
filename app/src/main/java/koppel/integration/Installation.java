package koppel.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import koppel.order.domain.BookingError;
import koppel.order.port.ConnectionStore;
import koppel.order.port.SystemConnection;
import koppel.order.port.SystemConnection.ConnectionState;
import koppel.order.port.SystemConnection.ExternalSystem;
import org.springframework.stereotype.Service;

/**
 * Where an integration's installation stands: the two connection dots (green, or red with the
 * reason and the fix), whether the configuration was saved, and the trial. Installation is complete
 * when both dots are green and the configuration is saved.
 */
@Service
public class Installation {

  /** How long before the trial ends the merchant is warned on every page. */
  public static final Duration WARN_AHEAD = Duration.ofDays(7);

  private final IntegrationStore integrations;
  private final ConnectionStore connections;
  private final Clock clock;

  Installation(IntegrationStore integrations, ConnectionStore connections, Clock clock) {
    this.integrations = integrations;
    this.connections = connections;
    this.clock = clock;
  }

  /**
   * One dot. {@code code} names the reason (a message key {@code dot.<code>.reason} and {@code
   * dot.<code>.fix} in the bundles); {@code detail} is what the system said, when it said something
   * (a broken connection's stored error), shown under the reason.
   */
  public record Dot(ExternalSystem system, boolean green, String code, BookingError detail) {}

  /** The trial: {@code ending} within {@link #WARN_AHEAD}; {@code over} and not subscribed. */
  public record Trial(Instant endsAt, boolean subscribed, boolean ending, boolean over) {}

  public record Status(
      UUID integrationId,
      Dot shop,
      Dot exact,
      boolean configured,
      boolean stopped,
      Trial trial,
      String division) {

    public boolean connected() {
      return shop.green() && exact.green();
    }

    public boolean complete() {
      return connected() && configured;
    }
  }

  public Status of(Integration integration) {
    UUID id = integration.id();
    SystemConnection shop = connections.find(id, ExternalSystem.KMOSHOPS).orElse(null);
    SystemConnection exact = connections.find(id, ExternalSystem.EXACT).orElse(null);
    return new Status(
        id,
        shopDot(shop),
        exactDot(exact),
        integration.configuredAt() != null,
        integration.isStopped(),
        trial(integration, clock.instant()),
        exact == null ? null : exact.externalId());
  }

  public Status of(UUID integrationId) {
    return of(
        integrations
            .find(integrationId)
            .orElseThrow(() -> new IllegalArgumentException("Unknown integration")));
  }

  static Trial trial(Integration i, Instant now) {
    Instant ends = i.trialEndsAt();
    boolean subscribed = i.subscriptionActive();
    boolean over = !subscribed && ends != null && !now.isBefore(ends);
    boolean ending = !subscribed && !over && ends != null && now.plus(WARN_AHEAD).isAfter(ends);
    return new Trial(ends, subscribed, ending, over);
  }

  private static Dot shopDot(SystemConnection c) {
    ExternalSystem s = ExternalSystem.KMOSHOPS;
    if (c == null || c.state() == ConnectionState.NOT_CONNECTED) {
      return new Dot(s, false, "SHOP_NOT_CONNECTED", null);
    }
    if (c.state() == ConnectionState.BROKEN) {
      return new Dot(s, false, "SHOP_BROKEN", c.status());
    }
    return new Dot(s, true, "SHOP_CONNECTED", null);
  }

  private static Dot exactDot(SystemConnection c) {
    ExternalSystem s = ExternalSystem.EXACT;
    if (c == null || c.state() == ConnectionState.NOT_CONNECTED) {
      return new Dot(s, false, "EXACT_NOT_CONNECTED", null);
    }
    if (c.state() == ConnectionState.BROKEN) {
      return new Dot(s, false, "EXACT_BROKEN", c.status());
    }
    if (c.externalId() == null || c.externalId().isBlank()) {
      return new Dot(s, false, "EXACT_NO_DIVISION", null);
    }
    return new Dot(s, true, "EXACT_CONNECTED", null);
  }
}

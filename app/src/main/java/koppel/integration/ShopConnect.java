package koppel.integration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import koppel.jobs.ShopPollJob;
import koppel.order.port.OAuthStates;
import koppel.order.port.ShopAuthorization;
import koppel.order.port.ShopSystem;
import org.springframework.stereotype.Service;

/**
 * Connecting the shop: authorize in the shop backend with a checked {@code state}, exchange the
 * code, subscribe the webhooks, start polling. The shop's dot turns green; a reinstalled app
 * restarts a stopped integration.
 */
@Service
public class ShopConnect {

  static final String SYSTEM = "KMOSHOPS";
  private static final Duration STATE_LIFETIME = Duration.ofMinutes(15);

  private final ShopAuthorization authorization;
  private final ShopSystem shop;
  private final OAuthStates states;
  private final IntegrationStore integrations;
  private final IntegrationAdmin admin;
  private final ShopPollJob polling;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ShopConnect(
      ShopAuthorization authorization,
      ShopSystem shop,
      OAuthStates states,
      IntegrationStore integrations,
      IntegrationAdmin admin,
      ShopPollJob polling,
      Clock clock) {
    this.authorization = authorization;
    this.shop = shop;
    this.states = states;
    this.integrations = integrations;
    this.admin = admin;
    this.polling = polling;
    this.clock = clock;
  }

  public String start(UUID integrationId) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    states.create(state, integrationId, SYSTEM, now, now.plus(STATE_LIFETIME));
    return authorization.authorizeUrl(state, redirectUri());
  }

  /** What the callback did: connected (with the shop's name) or refused (code and words). */
  public record Outcome(boolean connected, String code, String message) {}

  public Outcome callback(UUID loggedIn, String state, String code, String shopId, String error) {
    Optional<UUID> owner =
        state == null ? Optional.empty() : states.consume(state, SYSTEM, clock.instant());
    if (owner.isEmpty() || !owner.get().equals(loggedIn)) {
      return new Outcome(
          false,
          "OAUTH_STATE_INVALID",
          "This installation does not belong to a"
              + " connect request of yours, or it took longer than 15 minutes. Nothing was changed;"
              + " click Connect again.");
    }
    if (error != null || code == null) {
      return new Outcome(
          false,
          "SHOP_ACCESS_DENIED",
          "KMO Shops did not grant access ("
              + (error == null ? "no code" : error)
              + "). Click Connect and approve.");
    }
    String name = authorization.completeInstall(loggedIn, code, shopId, redirectUri());
    shop.subscribeWebhooks(loggedIn, admin.webhookUrl(loggedIn));
    if (integrations.find(loggedIn).map(Integration::isStopped).orElse(false)) {
      integrations.setState(loggedIn, Integration.State.ACTIVE);
    }
    polling.ensureScheduled(loggedIn);
    return new Outcome(true, null, name);
  }

  public String redirectUri() {
    return admin.publicUrl() + "/oauth/kmoshops/callback";
  }
}

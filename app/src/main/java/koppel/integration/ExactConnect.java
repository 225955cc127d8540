package koppel.integration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import koppel.jobs.WaitingOrders;
import koppel.order.port.AccountingAuthorization;
import koppel.order.port.ConnectionStore;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.MasterData;
import koppel.order.port.OAuthStates;
import koppel.order.port.SystemConnection;
import koppel.order.port.SystemConnection.ExternalSystem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Connecting (and reconnecting) Exact Online: a random {@code state} bound to the integration,
 * checked and used once on the callback; the code exchanged for tokens; the division chosen by the
 * merchant; orders that waited for the connection resume at once.
 */
@Service
public class ExactConnect {

  static final String SYSTEM = "EXACT";
  private static final Duration STATE_LIFETIME = Duration.ofMinutes(15);

  private final AccountingAuthorization authorization;
  private final OAuthStates states;
  private final ConnectionStore connections;
  private final MasterDataService masterData;
  private final WaitingOrders waiting;
  private final IntegrationAdmin admin;
  private final IntegrationStore integrations;
  private final Clock clock;
  private final String publicUrl;
  private final String exactBaseUrl;
  private final SecureRandom random = new SecureRandom();

  ExactConnect(
      AccountingAuthorization authorization,
      OAuthStates states,
      ConnectionStore connections,
      MasterDataService masterData,
      WaitingOrders waiting,
      IntegrationAdmin admin,
      IntegrationStore integrations,
      Clock clock,
      @Value("${koppel.public-url:http://localhost:8080}") String publicUrl,
      @Value("${koppel.exact.base-url:https://start.exactonline.nl}") String exactBaseUrl) {
    this.authorization = authorization;
    this.states = states;
    this.connections = connections;
    this.masterData = masterData;
    this.waiting = waiting;
    this.admin = admin;
    this.integrations = integrations;
    this.clock = clock;
    this.publicUrl = trim(publicUrl);
    this.exactBaseUrl = trim(exactBaseUrl);
  }

  /** Where the merchant's browser goes to connect. */
  public String start(UUID integrationId) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    states.create(state, integrationId, SYSTEM, now, now.plus(STATE_LIFETIME));
    return authorization.authorizeUrl(baseUrl(integrationId), state, redirectUri());
  }

  /** What the callback found. */
  public sealed interface Outcome {}

  public record Connected(
      List<MasterData.Division> divisions, String chosenDivision, int resumedOrders)
      implements Outcome {}

  public record Refused(String code, String message) implements Outcome {}

  public Outcome callback(UUID loggedIn, String state, String code, String error) {
    Optional<UUID> owner =
        state == null ? Optional.empty() : states.consume(state, SYSTEM, clock.instant());
    if (owner.isEmpty() || !owner.get().equals(loggedIn)) {
      return new Refused(
          "OAUTH_STATE_INVALID",
          "This Exact Online login does not belong to a"
              + " connect request of yours, or it took longer than 15 minutes. Nothing was changed;"
              + " click Connect again.");
    }
    if (error != null || code == null) {
      return new Refused(
          "EXACT_ACCESS_DENIED",
          "Exact Online did not grant access ("
              + (error == null ? "no code" : error)
              + "). Click Connect and choose Allow.");
    }
    List<MasterData.Division> divisions;
    try {
      divisions =
          authorization.completeAuthorization(loggedIn, baseUrl(loggedIn), code, redirectUri());
    } catch (ExternalSystemException e) {
      return new Refused(
          "EXACT_LOGIN_FAILED",
          "Exact Online did not accept the login it had just given Koppel ("
              + e.getMessage()
              + "). A login code works once and for about three minutes, so this happens when"
              + " the page was reloaded or opened late, or when Koppel's app registration at Exact"
              + " (client id, secret, redirect address) does not match. Nothing was changed;"
              + " click Connect again.");
    }
    String chosen =
        connections
            .find(loggedIn, ExternalSystem.EXACT)
            .map(SystemConnection::externalId)
            .orElse(null);
    int resumed = chosen == null ? 0 : waiting.resume(loggedIn, "EXACT_NOT_CONNECTED");
    return new Connected(divisions, chosen, resumed);
  }

  public List<MasterData.Division> divisions(UUID integrationId) {
    return authorization.divisions(integrationId);
  }

  /**
   * The merchant picks the administration; only one the connected user can reach. Refused while an
   * order is BOOKING (its document may be in the old administration). Choosing another one clears
   * what pointed into the old one: warehouse, fallback and fixed debtors, revenue accounts.
   */
  public void chooseDivision(UUID integrationId, int division) {
    boolean reachable = divisions(integrationId).stream().anyMatch(d -> d.code() == division);
    if (!reachable) {
      throw new IllegalArgumentException(
          "The Exact Online user cannot reach division "
              + division
              + ". Choose one from the list.");
    }
    String before =
        connections
            .find(integrationId, ExternalSystem.EXACT)
            .map(SystemConnection::externalId)
            .orElse(null);
    boolean changes = before != null && !before.equals(Integer.toString(division));
    if (changes) {
      admin.refuseWhileBooking(integrationId, "the Exact Online administration");
    }
    connections.updateLocked(
        integrationId,
        ExternalSystem.EXACT,
        c ->
            new SystemConnection(
                c.integrationId(),
                c.system(),
                c.state(),
                c.baseUrl(),
                Integer.toString(division),
                c.accessToken(),
                c.refreshToken(),
                c.webhookSecret(),
                c.accessExpiresAt(),
                c.tokenIssuedAt(),
                c.status(),
                c.updatedAt()));
    masterData.forget(integrationId);
    if (changes) {
      integrations.clearDivisionReferences(integrationId);
    }
    waiting.resume(integrationId, "EXACT_NOT_CONNECTED");
  }

  public String redirectUri() {
    return publicUrl + "/oauth/exact/callback";
  }

  private String baseUrl(UUID integrationId) {
    return connections
        .find(integrationId, ExternalSystem.EXACT)
        .map(SystemConnection::baseUrl)
        .orElse(exactBaseUrl);
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

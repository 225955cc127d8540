package koppel.connector.exact;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import koppel.order.domain.BookingError;
import koppel.order.port.ClusterLock;
import koppel.order.port.ConnectionStore;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.SystemConnection;
import koppel.order.port.SystemConnection.ConnectionState;
import koppel.order.port.SystemConnection.ExternalSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for Exact, refreshed one at a time per connection: a lock in this JVM, then a
 * cluster lock in the database shared by all nodes; the token is re-read after the lock, so a node
 * that waited uses the token another node just got. Never refreshes within 570 s of the last issue.
 */
final class ExactTokens {

  private static final Logger log = LoggerFactory.getLogger(ExactTokens.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ConnectionStore connections;
  private final ExactHttp http;
  private final ExactSettings settings;
  private final Clock clock;
  private static final String TOKEN_LOCK = "exact-token";

  private final ClusterLock cluster;
  private final ConcurrentHashMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

  ExactTokens(
      ConnectionStore connections,
      ClusterLock cluster,
      ExactHttp http,
      ExactSettings settings,
      Clock clock) {
    this.connections = connections;
    this.cluster = cluster;
    this.http = http;
    this.settings = settings;
    this.clock = clock;
  }

  /** A valid connection with an access token that will not expire in the next seconds. */
  SystemConnection connection(UUID integrationId) {
    SystemConnection c = load(integrationId);
    if (!needsRefresh(c, clock.instant())) {
      return usable(c);
    }
    return usable(refreshLocked(integrationId, false));
  }

  /** Refreshes now if Exact allows it (age ≥ 570 s): keeps an idle refresh chain alive. */
  void forceRefresh(UUID integrationId) {
    SystemConnection c = refreshLocked(integrationId, true);
    if (c.state() != ConnectionState.CONNECTED) {
      throw new ExternalSystemException.NotAuthorized(
          c.status() == null ? "Exact Online is not connected" : c.status().message());
    }
  }

  /**
   * Refreshes under two locks — this JVM's, then the cluster lock every node sees — and re-reads
   * the connection once both are held, so a node that waited uses the token another node just got.
   * The HTTP call to Exact runs with no database transaction open; the new tokens are saved in a
   * short transaction of their own.
   */
  private SystemConnection refreshLocked(UUID integrationId, boolean force) {
    ReentrantLock jvm = locks.computeIfAbsent(integrationId, id -> new ReentrantLock());
    jvm.lock();
    try {
      return cluster.exclusively(
          integrationId,
          List.of(TOKEN_LOCK),
          () -> {
            SystemConnection current =
                connections
                    .find(integrationId, ExternalSystem.EXACT)
                    .orElseThrow(
                        () ->
                            new ExternalSystemException.NotAuthorized(
                                "Exact Online is not connected"));
            UnaryOperator<SystemConnection> change = refreshIfNeeded(current, force);
            if (change == null) {
              return current;
            }
            return connections.updateLocked(integrationId, ExternalSystem.EXACT, change);
          });
    } finally {
      jvm.unlock();
    }
  }

  private SystemConnection load(UUID integrationId) {
    SystemConnection c =
        connections
            .find(integrationId, ExternalSystem.EXACT)
            .orElseThrow(
                () -> new ExternalSystemException.NotAuthorized("Exact Online is not connected"));
    if (c.state() != ConnectionState.CONNECTED || c.accessToken() == null) {
      throw new ExternalSystemException.NotAuthorized(
          c.status() != null ? c.status().message() : "Exact Online is not connected");
    }
    return c;
  }

  /** After a refresh (or a decision not to refresh yet): the token must still be valid. */
  private SystemConnection usable(SystemConnection c) {
    if (c.state() != ConnectionState.CONNECTED || c.accessToken() == null) {
      throw new ExternalSystemException.NotAuthorized(
          c.status() != null ? c.status().message() : "Exact Online is not connected");
    }
    Instant now = clock.instant();
    Duration safety = settings.refreshBeforeExpiry().dividedBy(2);
    if (c.accessExpiresAt() != null && !now.isBefore(c.accessExpiresAt().minus(safety))) {
      // Exact did not give a new token (refresh not allowed yet, or refused as too early):
      // wait for the window instead of calling with an expired token
      Instant allowed = refreshAllowedAt(c);
      throw new ExternalSystemException.RateLimited(
          "Exact Online token refresh not allowed yet",
          allowed.isAfter(now) ? allowed : now.plusSeconds(1),
          false);
    }
    return c;
  }

  /**
   * Due when the token is about to expire and Exact allows a refresh: never earlier than {@code
   * minTokenAge} after the last issue, however early the expiry is treated.
   */
  boolean needsRefresh(SystemConnection c, Instant now) {
    if (c.accessExpiresAt() == null) {
      return false;
    }
    Instant due = c.accessExpiresAt().minus(settings.refreshBeforeExpiry());
    Instant allowed = refreshAllowedAt(c);
    return !now.isBefore(due.isAfter(allowed) ? due : allowed);
  }

  /**
   * Exact refused a token we thought valid (it expired early, or clocks differ): treat it as
   * expired, so the next call refreshes as soon as Exact allows. Only if it is still the token in
   * use: another thread may have replaced it already.
   */
  void expired(UUID integrationId, String accessToken) {
    connections.updateLocked(
        integrationId,
        ExternalSystem.EXACT,
        current ->
            accessToken.equals(current.accessToken())
                ? current.withTokens(
                    current.accessToken(),
                    current.refreshToken(),
                    clock.instant(),
                    current.tokenIssuedAt())
                : current);
  }

  private Instant refreshAllowedAt(SystemConnection c) {
    return c.tokenIssuedAt() == null
        ? clock.instant()
        : c.tokenIssuedAt().plus(settings.minTokenAge());
  }

  /**
   * Runs under the cluster lock, on the re-read connection: the change to save (new tokens, or the
   * chain marked broken), or null when nothing is to be saved.
   */
  private UnaryOperator<SystemConnection> refreshIfNeeded(SystemConnection current, boolean force) {
    Instant now = clock.instant();
    if (current.state() != ConnectionState.CONNECTED || (!force && !needsRefresh(current, now))) {
      return null;
    }
    if (now.isBefore(refreshAllowedAt(current))) {
      return null;
    }
    String form =
        "grant_type=refresh_token&refresh_token="
            + ODataFilter.encode(current.refreshToken())
            + "&client_id="
            + ODataFilter.encode(settings.clientId())
            + "&client_secret="
            + ODataFilter.encode(settings.clientSecret());
    ExactResponse r =
        http.send(
            ExactHttp.request(current.baseUrl() + "/api/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)),
            true,
            "token refresh");
    if (r.isSuccess()) {
      // issued "now" means after the answer: Exact's 570 s count started before we heard of it
      Instant issued = clock.instant();
      JsonNode body = JSON.readTree(r.body());
      long expiresIn = Long.parseLong(body.path("expires_in").asString("600").trim());
      String access = body.path("access_token").asString();
      String refresh = body.path("refresh_token").asString();
      log.info("integration={} Exact access token refreshed", current.integrationId());
      return c -> c.withTokens(access, refresh, issued.plus(Duration.ofSeconds(expiresIn)), issued);
    }
    String message = ExactErrors.message(r.body());
    if (r.status() == 400 && message != null && message.contains("not expired")) {
      log.warn(
          "integration={} Exact refused an early refresh: {}", current.integrationId(), message);
      return null;
    }
    if (r.status() == 400 || r.status() == 401) {
      log.warn("integration={} Exact refresh chain broken: {}", current.integrationId(), message);
      BookingError broken =
          new BookingError(
              "EXACT_NOT_CONNECTED",
              "Exact Online no longer accepts Koppel's access ("
                  + (message == null ? "HTTP " + r.status() : message)
                  + "). Orders wait; none are lost.",
              "Click Connect next to Exact Online on the dashboard, log in and allow access.");
      return c -> c.broken(broken);
    }
    throw new ExternalSystemException.Unavailable("token refresh: HTTP " + r.status(), null);
  }
}

package koppel.connector.exact;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import koppel.order.port.AccountingAuthorization;
import koppel.order.port.ConnectionStore;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.MasterData;
import koppel.order.port.SystemConnection;
import koppel.order.port.SystemConnection.ConnectionState;
import koppel.order.port.SystemConnection.ExternalSystem;
import tools.jackson.databind.JsonNode;

/**
 * Exact's authorization-code flow: the authorize URL, the code exchange (tokens stored encrypted),
 * and the divisions the user can reach (found via current/Me, because system/Divisions needs a
 * division in its URL). Koppel never relies on CurrentDivision for booking: the merchant chooses
 * the division.
 */
public class ExactAuthorization implements AccountingAuthorization {

  private final ExactHttp http;
  private final ExactTokens tokens;
  private final ExactClient client;
  private final ConnectionStore connections;
  private final ExactSettings settings;
  private final Clock clock;

  ExactAuthorization(
      ExactHttp http,
      ExactTokens tokens,
      ExactClient client,
      ConnectionStore connections,
      ExactSettings settings,
      Clock clock) {
    this.http = http;
    this.tokens = tokens;
    this.client = client;
    this.connections = connections;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String authorizeUrl(String baseUrl, String state, String redirectUri) {
    return baseUrl
        + "/api/oauth2/auth?client_id="
        + ODataFilter.encode(settings.clientId())
        + "&redirect_uri="
        + ODataFilter.encode(redirectUri)
        + "&response_type=code&force_login=1&state="
        + ODataFilter.encode(state);
  }

  @Override
  public List<MasterData.Division> completeAuthorization(
      UUID integrationId, String baseUrl, String code, String redirectUri) {
    String form =
        "grant_type=authorization_code&code="
            + ODataFilter.encode(code)
            + "&redirect_uri="
            + ODataFilter.encode(redirectUri)
            + "&client_id="
            + ODataFilter.encode(settings.clientId())
            + "&client_secret="
            + ODataFilter.encode(settings.clientSecret());
    ExactResponse r =
        http.send(
            ExactHttp.request(baseUrl + "/api/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)),
            true,
            "token exchange");
    if (!r.isSuccess()) {
      String message = ExactErrors.message(r.body());
      throw new ExternalSystemException.Rejected(
          "Exact Online refused the login ("
              + (message == null ? "HTTP " + r.status() : message)
              + "). Please connect again.");
    }
    JsonNode body = ExactClient.JSON.readTree(r.body());
    Instant now = clock.instant();
    Optional<SystemConnection> previous = connections.find(integrationId, ExternalSystem.EXACT);
    SystemConnection fresh =
        new SystemConnection(
            integrationId,
            ExternalSystem.EXACT,
            ConnectionState.CONNECTED,
            baseUrl,
            previous.map(SystemConnection::externalId).orElse(null),
            body.path("access_token").asString(),
            body.path("refresh_token").asString(),
            null,
            now.plus(
                Duration.ofSeconds(Long.parseLong(body.path("expires_in").asString("600").trim()))),
            now,
            null,
            null);
    List<MasterData.Division> divisions = divisionsOf(fresh);
    boolean keep =
        fresh.externalId() != null
            && divisions.stream()
                .anyMatch(d -> Integer.toString(d.code()).equals(fresh.externalId()));
    String chosen =
        keep
            ? fresh.externalId()
            : divisions.size() == 1 ? Integer.toString(divisions.get(0).code()) : null;
    connections.save(
        new SystemConnection(
            integrationId,
            ExternalSystem.EXACT,
            ConnectionState.CONNECTED,
            baseUrl,
            chosen,
            fresh.accessToken(),
            fresh.refreshToken(),
            null,
            fresh.accessExpiresAt(),
            now,
            null,
            null));
    return divisions;
  }

  @Override
  public void keepAlive(UUID integrationId) {
    tokens.forceRefresh(integrationId);
  }

  @Override
  public List<MasterData.Division> divisions(UUID integrationId) {
    return client.withConnection(integrationId, this::divisionsOf);
  }

  private List<MasterData.Division> divisionsOf(SystemConnection c) {
    JsonNode me = client.getWithoutDivision(c, "current/Me?$select=CurrentDivision");
    JsonNode current = me.path("d").path("results").path(0).path("CurrentDivision");
    if (current.isMissingNode() || current.isNull()) {
      return List.of();
    }
    List<MasterData.Division> out = new ArrayList<>();
    for (JsonNode d :
        client.getInDivision(
            c, current.asString(), "system/Divisions", "$select=Code,Description,Country")) {
      out.add(
          new MasterData.Division(
              d.path("Code").asInt(),
              d.path("Description").asString(),
              d.path("Country").asString()));
    }
    return out;
  }
}

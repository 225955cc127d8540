package koppel.connector.kmoshops;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import koppel.order.port.ConnectionStore;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.RateLimitStore;
import koppel.order.port.ShopAuthorization;
import koppel.order.port.SystemConnection;
import koppel.order.port.SystemConnection.ConnectionState;
import koppel.order.port.SystemConnection.ExternalSystem;
import tools.jackson.databind.JsonNode;

/**
 * The shop's app-install flow: the approve page in the shop backend, then the single-use code
 * exchanged for an access token (it does not expire; removing the app revokes it) and the secret
 * that signs the shop's webhooks.
 */
public class KmoShopsAuthorization implements ShopAuthorization {

  static final String SCOPE = "orders:read shop:read webhooks:write";

  private final KmoShopsClient client;
  private final ConnectionStore connections;
  private final KmoShopsSettings settings;
  private final Clock clock;

  public KmoShopsAuthorization(
      KmoShopsSettings settings, ConnectionStore connections, RateLimitStore limits, Clock clock) {
    this.client = new KmoShopsClient(settings, limits, clock);
    this.connections = connections;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String authorizeUrl(String state, String redirectUri) {
    return settings.baseUrl()
        + "/admin/apps/authorize?client_id="
        + enc(settings.clientId())
        + "&redirect_uri="
        + enc(redirectUri)
        + "&scope="
        + enc(SCOPE)
        + "&state="
        + enc(state);
  }

  @Override
  public String completeInstall(
      UUID integrationId, String code, String shopId, String redirectUri) {
    JsonNode token;
    try {
      token =
          client.postForm(
              settings.baseUrl(),
              "/oauth/token",
              "grant_type=authorization_code&code="
                  + enc(code)
                  + "&client_id="
                  + enc(settings.clientId())
                  + "&client_secret="
                  + enc(settings.clientSecret())
                  + "&redirect_uri="
                  + enc(redirectUri));
    } catch (ExternalSystemException e) {
      throw new ExternalSystemException.Rejected(
          "KMO Shops did not accept the installation (" + e.getMessage() + "). Install again.");
    }
    String grantedShop = token.path("shop_id").asString(shopId);
    SystemConnection shop =
        new SystemConnection(
            integrationId,
            ExternalSystem.KMOSHOPS,
            ConnectionState.CONNECTED,
            settings.baseUrl(),
            grantedShop,
            token.path("access_token").asString(),
            null,
            token.path("webhook_secret").asString(),
            null,
            clock.instant(),
            null,
            null);
    connections.save(shop);
    return client.get(shop, "/shop").path("name").asString("");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}

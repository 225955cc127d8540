package koppel.order.port;

import java.util.UUID;

/** Connecting the shop: the app-install flow (authorize, code exchange, webhook secret). */
public interface ShopAuthorization {

  /** The shop backend's approve page for this app. */
  String authorizeUrl(String state, String redirectUri);

  /**
   * Exchanges the single-use code for the shop's token and webhook secret and stores them
   * (encrypted). Returns the shop's name.
   */
  String completeInstall(UUID integrationId, String code, String shopId, String redirectUri);
}

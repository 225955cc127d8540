package koppel.order.port;

import java.util.List;
import java.util.UUID;

/** Connecting the accounting system: the OAuth authorization-code flow and the division. */
public interface AccountingAuthorization {

  /** Where to send the merchant's browser to log in and consent. */
  String authorizeUrl(String baseUrl, String state, String redirectUri);

  /**
   * Exchanges the single-use code for tokens and stores them (encrypted), keeping the chosen
   * division when the user can still reach it. Returns the divisions the user can reach.
   */
  List<MasterData.Division> completeAuthorization(
      UUID integrationId, String baseUrl, String code, String redirectUri);

  /** Refreshes an idle connection's tokens so the refresh chain does not expire unused. */
  void keepAlive(UUID integrationId);

  /** The divisions the connected user can reach. */
  List<MasterData.Division> divisions(UUID integrationId);
}

package koppel.order.port;

import java.util.UUID;

/** In-port: what happens to an integration from outside (the app is removed in the shop). */
public interface IntegrationLifecycle {

  /** The merchant removed the app: stop, turn the shop dot red, delete nothing. */
  void shopAppRemoved(UUID integrationId);
}

package koppel.integration;

import java.util.UUID;
import koppel.order.domain.BookingError;
import koppel.order.port.ConnectionStore;
import koppel.order.port.IntegrationLifecycle;
import koppel.order.port.SystemConnection.ConnectionState;
import koppel.order.port.SystemConnection.ExternalSystem;
import org.springframework.stereotype.Service;

/** Stopping an integration when the merchant removes the app in the shop. Nothing is deleted. */
@Service
class IntegrationLifecycleService implements IntegrationLifecycle {

  private final IntegrationStore integrations;
  private final ConnectionStore connections;

  IntegrationLifecycleService(IntegrationStore integrations, ConnectionStore connections) {
    this.integrations = integrations;
    this.connections = connections;
  }

  @Override
  public void shopAppRemoved(UUID integrationId) {
    integrations.setState(integrationId, Integration.State.STOPPED);
    if (connections.find(integrationId, ExternalSystem.KMOSHOPS).isPresent()) {
      connections.updateLocked(
          integrationId,
          ExternalSystem.KMOSHOPS,
          c ->
              c.state() == ConnectionState.BROKEN
                  ? c
                  : c.broken(
                      new BookingError(
                          "SHOP_APP_REMOVED",
                          "The Koppel app was removed from your KMO Shops backend, so the integration is"
                              + " stopped. Your data and bookings are kept.",
                          "To start again, install the Koppel app from the app store in your KMO Shops"
                              + " backend.")));
    }
  }
}

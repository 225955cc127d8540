package koppel.order.port;

import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import koppel.order.port.SystemConnection.ExternalSystem;

/** connection rows, with secrets encrypted at rest. */
public interface ConnectionStore {

  Optional<SystemConnection> find(UUID integrationId, ExternalSystem system);

  void save(SystemConnection connection);

  /** Integrations whose connection to this system is connected (green). */
  java.util.List<UUID> connected(ExternalSystem system);

  /** Connected integrations whose tokens were last issued before {@code before}. */
  java.util.List<UUID> idleSince(ExternalSystem system, java.time.Instant before);

  /**
   * Runs {@code change} on the freshly re-read connection while holding a database row lock, so
   * only one thread on one node at a time can change it (token refresh); saves what it returns.
   */
  SystemConnection updateLocked(
      UUID integrationId, ExternalSystem system, UnaryOperator<SystemConnection> change);
}

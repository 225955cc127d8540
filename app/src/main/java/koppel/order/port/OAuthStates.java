package koppel.order.port;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code state} values of OAuth flows in progress: created by Connect, used once. */
public interface OAuthStates {

  void create(String state, UUID integrationId, String system, Instant now, Instant expiresAt);

  /** The integration the state was made for, if it is known, unexpired and for this system. */
  Optional<UUID> consume(String state, String system, Instant now);
}

package koppel.digest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the digest remembers (implemented by persistence). */
public interface DigestStore {

  /** One failed order not reported yet. */
  record Failure(
      long shopOrderId,
      String orderNumber,
      String code,
      String message,
      String resolution,
      Instant failedAt) {}

  /** When the digest last ran for the integration, if ever. */
  Optional<Instant> lastRun(UUID integrationId);

  /** The integration's FAILED orders whose failure no digest reported yet, oldest first. */
  List<Failure> unreported(UUID integrationId);

  /** Records a run: these failures are reported (when {@code sent}), the run's moment. */
  void ran(UUID integrationId, Instant at, List<Failure> reported, boolean sent);
}

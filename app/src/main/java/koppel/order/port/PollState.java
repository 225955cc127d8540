package koppel.order.port;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The polling watermark per integration: orders changed since then are looked at. */
public interface PollState {

  Optional<Instant> watermark(UUID integrationId);

  void polled(UUID integrationId, Instant watermark, Instant at, String result);
}

package koppel.vat;

import java.time.Instant;
import java.util.Optional;

/** Port: earlier VIES verdicts, kept as evidence and to spare VIES (and its usage limits). */
public interface ViesCache {

  /** The latest verdict for the number checked at or after {@code notBefore}. */
  Optional<ViesResult> find(String prefix, String number, Instant notBefore);

  void store(String prefix, String number, ViesResult result);
}

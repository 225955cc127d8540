package koppel.vat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A VAT number's VIES status: a cached verdict when it is recent enough, else a fresh check. Only
 * verdicts (valid, invalid) are cached; "unknown" is asked again next time.
 */
public final class ViesService {

  private final ViesClient client;
  private final ViesCache cache;
  private final Clock clock;
  private final Duration cacheFor;

  public ViesService(ViesClient client, ViesCache cache, Clock clock, Duration cacheFor) {
    this.client = client;
    this.cache = cache;
    this.clock = clock;
    this.cacheFor = cacheFor;
  }

  /** Checks a number that passed {@link VatNumberCheck} (its normalised form, prefix first). */
  public ViesResult check(String normalisedNumber) {
    String prefix = normalisedNumber.substring(0, 2);
    String number = normalisedNumber.substring(2);
    Instant now = clock.instant();
    Optional<ViesResult> cached = cache.find(prefix, number, now.minus(cacheFor));
    if (cached.isPresent()) {
      return cached.get();
    }
    ViesResult fresh = client.check(prefix, number);
    if (fresh.isVerdict()) {
      cache.store(prefix, number, fresh);
    }
    return fresh;
  }
}

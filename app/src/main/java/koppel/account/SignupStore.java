package koppel.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sign-ups and the double-submit guard (implemented by persistence). */
public interface SignupStore {

  /** One sign-up: the integration it creates and what was accepted. */
  record SignupRecord(
      UUID id,
      String email,
      String nameKey,
      UUID integrationId,
      String shopCountry,
      String language,
      String termsVersion,
      Instant createdAt) {}

  /**
   * Records the sign-up unless the same e-mail and name key signed up after {@code since}; atomic
   * across nodes (two submits at once: one wins). Returns the earlier sign-up's integration when
   * there is one (and records nothing), empty when this one was recorded.
   */
  Optional<UUID> claim(SignupRecord signup, Instant since);

  /** Forgets a sign-up whose integration could not be created, so a new try is not a double. */
  void release(UUID signupId);
}

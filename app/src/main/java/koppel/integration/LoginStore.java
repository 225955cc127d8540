package koppel.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Logins and their integrations (implemented by persistence). Passwords only as hashes. */
public interface LoginStore {

  void create(Login login, String passwordHash);

  Optional<Login> find(String username);

  Optional<Login> findById(UUID id);

  /** The login with this e-mail address, if one has it (the oldest when several). */
  Optional<Login> findByEmail(String email);

  Optional<String> passwordHash(String username);

  void setPassword(UUID loginId, String passwordHash);

  void setLanguage(UUID loginId, String language);

  /** Stores the hash of a password-reset token and when it expires. */
  void setResetToken(UUID loginId, String tokenHash, Instant expiresAt);

  /** The login whose unexpired reset token has this hash, without using the token up. */
  Optional<Login> findByResetToken(String tokenHash, Instant now);

  /** The login whose unexpired reset token has this hash; the token is used up. */
  Optional<Login> consumeResetToken(String tokenHash, Instant now);

  /** The login's integrations, oldest first; removed ones left out. */
  List<Integration> integrations(UUID loginId);
}

package koppel.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox table (implemented by persistence). */
public interface MailStore {

  void add(UUID id, Mail mail, Instant at);

  Optional<StoredMail> find(UUID id);

  void sent(UUID id, Instant at);

  void failed(UUID id, String error);

  /** The newest mails, for the operator; of one integration when {@code integrationId} is set. */
  List<StoredMail> recent(UUID integrationId, int limit);
}

package koppel.order.port;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers "which accounts have this e-mail address" and "which items have these codes or barcodes"
 * from Koppel's copy of the division instead of a call. An answer is given only when the copy is
 * known to be current (read to the end recently enough); otherwise the answer is empty and the
 * caller asks the accounting system itself — never a guess that could create a duplicate.
 */
public interface AccountingMirror {

  Optional<List<AccountingSystem.Account>> accountsByEmail(
      UUID integrationId, String division, Collection<String> emails);

  Optional<List<AccountingSystem.Item>> items(
      UUID integrationId, String division, Collection<String> codes, Collection<String> barcodes);

  /** What Koppel itself just created goes into the copy at once. */
  void created(String division, AccountingSystem.Account account);

  void created(String division, AccountingSystem.Item item);
}

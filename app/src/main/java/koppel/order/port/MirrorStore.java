package koppel.order.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Koppel's copy of a division's accounts and items, as the accounting system's sync feed gave them.
 * Rows carry the feed's row version ({@code ts}); an older version never overwrites a newer one.
 */
public interface MirrorStore {

  Optional<State> state(String division);

  void save(State state);

  /** Inserts or updates; a row already holding a newer version keeps it. */
  void upsertAccounts(String division, List<VersionedAccount> accounts);

  void upsertItems(String division, List<VersionedItem> items);

  void deleteAccounts(String division, Collection<UUID> ids);

  void deleteItems(String division, Collection<UUID> ids);

  /** Accounts whose e-mail address, trimmed and in lower case, is one of {@code emailKeys}. */
  List<AccountingSystem.Account> accountsByEmail(String division, Collection<String> emailKeys);

  /** Items whose code (trimmed, lower case) or barcode (trimmed) is one of those given. */
  List<AccountingSystem.Item> items(
      String division, Collection<String> codeKeys, Collection<String> barcodes);

  /**
   * Where the mirror of a division stands: per feed (accounts, items, deletions) the highest row
   * version read and when the last read that went to the end of the feed began (null: never); and a
   * refusal that stops reading for a while.
   */
  record State(
      String division,
      long accountsTs,
      long itemsTs,
      long deletedTs,
      Instant accountsReadAt,
      Instant itemsReadAt,
      Instant deletedReadAt,
      Instant failedAt,
      String failure) {

    public static State empty(String division) {
      return new State(division, 0, 0, 0, null, null, null, null, null);
    }
  }

  record VersionedAccount(AccountingSystem.Account account, long ts) {}

  record VersionedItem(AccountingSystem.Item item, long ts) {}
}

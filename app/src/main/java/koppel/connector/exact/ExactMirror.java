package koppel.connector.exact;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import koppel.order.port.AccountingMirror;
import koppel.order.port.AccountingSystem;
import koppel.order.port.ClusterLock;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.MirrorStore;
import koppel.order.port.MirrorStore.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Koppel's copy of a division's accounts and items, read with Exact's sync endpoints ({@code
 * sync/CRM/Accounts}, {@code sync/Logistics/Items}: 1,000 rows a call, ordered by their row version
 * {@code Timestamp}) and kept current from the highest version read; {@code sync/Deleted} removes
 * what was deleted in Exact.
 *
 * <p>A feed's copy answers only when that feed was read to its end less than {@code freshFor} ago.
 * Otherwise the asking order first reads what changed since — one call when little changed, under a
 * lock every node sees, so the orders waiting for it share the same read — and when that read
 * cannot be done (Exact refuses the sync endpoints, is down, or the budget is used up), the answer
 * is empty and the order looks the record up in Exact as before. A refusal (4xx) pauses reading for
 * {@code retryAfter}. So a record someone creates in Exact by hand is seen by every order that
 * reaches Koppel more than {@code freshFor} later.
 */
final class ExactMirror implements AccountingMirror {

  private static final Logger log = LoggerFactory.getLogger(ExactMirror.class);

  private static final int ACCOUNT_TYPE = 2;
  private static final int ITEM_TYPE = 9;
  private static final String ACCOUNT_FIELDS = "ID,Code,Name,Email,VATNumber,Status,Timestamp";
  private static final String ITEM_FIELDS = "ID,Code,Barcode,Timestamp";
  private static final String DELETED_FIELDS = "EntityKey,EntityType,Timestamp";

  private final ExactClient client;
  private final MirrorStore store;
  private final ClusterLock lock;
  private final ExactSettings settings;
  private final Clock clock;

  ExactMirror(
      ExactClient client,
      MirrorStore store,
      ClusterLock lock,
      ExactSettings settings,
      Clock clock) {
    this.client = client;
    this.store = store;
    this.lock = lock;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Optional<List<AccountingSystem.Account>> accountsByEmail(
      UUID integrationId, String division, Collection<String> emails) {
    if (!current(integrationId, division, Feed.ACCOUNTS)) {
      return Optional.empty();
    }
    List<AccountingSystem.Account> found = store.accountsByEmail(division, emails);
    if (found.isEmpty()) {
      return Optional.of(found);
    }
    // a record found in the copy is about to be used: it must not have been deleted meanwhile
    if (!current(integrationId, division, Feed.DELETED)) {
      return Optional.empty();
    }
    return Optional.of(store.accountsByEmail(division, emails));
  }

  @Override
  public Optional<List<AccountingSystem.Item>> items(
      UUID integrationId, String division, Collection<String> codes, Collection<String> barcodes) {
    if (!current(integrationId, division, Feed.ITEMS)) {
      return Optional.empty();
    }
    List<AccountingSystem.Item> found = store.items(division, codes, barcodes);
    if (found.isEmpty()) {
      return Optional.of(found);
    }
    if (!current(integrationId, division, Feed.DELETED)) {
      return Optional.empty();
    }
    return Optional.of(store.items(division, codes, barcodes));
  }

  @Override
  public void created(String division, AccountingSystem.Account account) {
    if (settings.mirror() && account.id() != null) {
      // version 0: the next read of the feed brings Exact's own version of the row
      store.upsertAccounts(division, List.of(new MirrorStore.VersionedAccount(account, 0)));
    }
  }

  @Override
  public void created(String division, AccountingSystem.Item item) {
    if (settings.mirror() && item.id() != null) {
      store.upsertItems(division, List.of(new MirrorStore.VersionedItem(item, 0)));
    }
  }

  /** The feeds the copy is made of. */
  enum Feed {
    ACCOUNTS,
    ITEMS,
    DELETED
  }

  /** True when the copy of this feed may answer: read to its end less than freshFor ago. */
  boolean current(UUID integrationId, String division, Feed feed) {
    if (!settings.mirror()) {
      return false;
    }
    Optional<State> state = store.state(division);
    if (state.isPresent() && (fresh(state.get(), feed) || paused(state.get()))) {
      return fresh(state.get(), feed);
    }
    return lock.exclusively(
        ClusterLock.ANY_INTEGRATION,
        List.of("mirror:" + division),
        () -> refresh(integrationId, division, feed));
  }

  private boolean fresh(State s, Feed feed) {
    Instant readAt =
        switch (feed) {
          case ACCOUNTS -> s.accountsReadAt();
          case ITEMS -> s.itemsReadAt();
          case DELETED -> s.deletedReadAt();
        };
    return readAt != null && readAt.plus(settings.mirrorFreshFor()).isAfter(clock.instant());
  }

  private boolean paused(State s) {
    return s.failedAt() != null
        && s.failedAt().plus(settings.mirrorRetryAfter()).isAfter(clock.instant());
  }

  /** Reads what changed in the feed since its last read (everything, the first time). */
  private boolean refresh(UUID integrationId, String division, Feed feed) {
    State before = store.state(division).orElse(State.empty(division));
    if (fresh(before, feed) || paused(before)) {
      return fresh(before, feed);
    }
    Instant started = clock.instant();
    State[] at = {before};
    try {
      switch (feed) {
        case ACCOUNTS -> {
          readAccounts(integrationId, division, at);
          at[0] = with(at[0], started, at[0].itemsReadAt(), at[0].deletedReadAt());
        }
        case ITEMS -> {
          readItems(integrationId, division, at);
          at[0] = with(at[0], at[0].accountsReadAt(), started, at[0].deletedReadAt());
        }
        case DELETED -> {
          if (before.deletedReadAt() != null) {
            readDeleted(integrationId, division, at);
          }
          at[0] = with(at[0], at[0].accountsReadAt(), at[0].itemsReadAt(), started);
        }
      }
      if (before.deletedReadAt() == null && feed != Feed.DELETED) {
        // the first time, deletions before this read do not matter: they are not in it. Row
        // versions are one counter per database, so later deletions come after the highest read.
        State s = at[0];
        at[0] =
            new State(
                division,
                s.accountsTs(),
                s.itemsTs(),
                Math.max(s.deletedTs(), Math.max(s.accountsTs(), s.itemsTs())),
                s.accountsReadAt(),
                s.itemsReadAt(),
                started,
                null,
                null);
      }
      store.save(at[0]);
      return true;
    } catch (ExternalSystemException.Rejected
        | ExternalSystemException.NotFound
        | ExternalSystemException.NotAuthorized e) {
      log.warn(
          "Exact Online refused the sync read of division {}; orders look records up instead for {}:"
              + " {}",
          division,
          settings.mirrorRetryAfter(),
          e.getMessage());
      State s = at[0];
      store.save(
          new State(
              division,
              s.accountsTs(),
              s.itemsTs(),
              s.deletedTs(),
              s.accountsReadAt(),
              s.itemsReadAt(),
              s.deletedReadAt(),
              clock.instant(),
              e.getMessage()));
      return false;
    } catch (ExternalSystemException e) {
      // busy or down for a moment: this order looks up; the next one tries the read again
      log.info(
          "Could not bring the mirror of division {} up to date: {}", division, e.getMessage());
      return false;
    }
  }

  private void readAccounts(UUID integrationId, String division, State[] at) {
    read(
        integrationId,
        division,
        "sync/CRM/Accounts",
        ACCOUNT_FIELDS,
        at[0].accountsTs(),
        rows -> {
          List<MirrorStore.VersionedAccount> accounts = new ArrayList<>();
          long max = at[0].accountsTs();
          for (JsonNode r : rows) {
            long ts = timestamp(r);
            accounts.add(new MirrorStore.VersionedAccount(ExactAccountingSystem.account(r), ts));
            max = Math.max(max, ts);
          }
          store.upsertAccounts(division, accounts);
          at[0] = versions(at[0], max, at[0].itemsTs(), at[0].deletedTs());
          store.save(at[0]);
        });
  }

  private void readItems(UUID integrationId, String division, State[] at) {
    read(
        integrationId,
        division,
        "sync/Logistics/Items",
        ITEM_FIELDS,
        at[0].itemsTs(),
        rows -> {
          List<MirrorStore.VersionedItem> items = new ArrayList<>();
          long max = at[0].itemsTs();
          for (JsonNode r : rows) {
            long ts = timestamp(r);
            items.add(
                new MirrorStore.VersionedItem(
                    new AccountingSystem.Item(
                        ExactAccountingSystem.uuid(r, "ID"),
                        ExactAccountingSystem.text(r, "Code"),
                        ExactAccountingSystem.text(r, "Barcode")),
                    ts));
            max = Math.max(max, ts);
          }
          store.upsertItems(division, items);
          at[0] = versions(at[0], at[0].accountsTs(), max, at[0].deletedTs());
          store.save(at[0]);
        });
  }

  private void readDeleted(UUID integrationId, String division, State[] at) {
    read(
        integrationId,
        division,
        "sync/Deleted",
        DELETED_FIELDS,
        at[0].deletedTs(),
        rows -> {
          List<UUID> accounts = new ArrayList<>();
          List<UUID> items = new ArrayList<>();
          long max = at[0].deletedTs();
          for (JsonNode r : rows) {
            UUID key = ExactAccountingSystem.uuid(r, "EntityKey");
            int type = r.path("EntityType").asInt(-1);
            if (key != null && type == ACCOUNT_TYPE) {
              accounts.add(key);
            } else if (key != null && type == ITEM_TYPE) {
              items.add(key);
            }
            max = Math.max(max, timestamp(r));
          }
          store.deleteAccounts(division, accounts);
          store.deleteItems(division, items);
          at[0] = versions(at[0], at[0].accountsTs(), at[0].itemsTs(), max);
          store.save(at[0]);
        });
  }

  private void read(
      UUID integrationId,
      String division,
      String path,
      String fields,
      long from,
      Consumer<List<JsonNode>> page) {
    // Exact advises "gt 1" for a first read; "gt 0" also takes a row numbered 1
    String filter = "Timestamp gt " + from;
    client.forEachPage(
        integrationId,
        division,
        path,
        "$filter=" + ODataFilter.encode(filter) + "&$select=" + fields,
        page);
  }

  private static State versions(State s, long accounts, long items, long deleted) {
    return new State(
        s.division(),
        accounts,
        items,
        deleted,
        s.accountsReadAt(),
        s.itemsReadAt(),
        s.deletedReadAt(),
        null,
        null);
  }

  private static State with(State s, Instant accounts, Instant items, Instant deleted) {
    return new State(
        s.division(),
        s.accountsTs(),
        s.itemsTs(),
        s.deletedTs(),
        accounts,
        items,
        deleted,
        null,
        null);
  }

  /** Exact writes an Edm.Int64 as a JSON number or, as OData v2 does, as a string. */
  static long timestamp(JsonNode r) {
    JsonNode v = r.path("Timestamp");
    if (v.isNumber()) {
      return v.asLong();
    }
    String text = v.isString() ? v.asString().trim().toUpperCase(Locale.ROOT) : "";
    if (text.endsWith("L")) {
      text = text.substring(0, text.length() - 1);
    }
    try {
      return text.isEmpty() ? 0 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

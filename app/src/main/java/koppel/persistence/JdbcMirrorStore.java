package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;
import static koppel.persistence.Sql.uuid;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import koppel.order.port.AccountingSystem;
import koppel.order.port.MirrorStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMirrorStore implements MirrorStore {

  private final JdbcClient jdbc;

  JdbcMirrorStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<State> state(String division) {
    return jdbc.sql("select * from exact_mirror_state where division = :d")
        .param("d", division)
        .query(
            (rs, n) ->
                new State(
                    rs.getString("division"),
                    rs.getLong("accounts_ts"),
                    rs.getLong("items_ts"),
                    rs.getLong("deleted_ts"),
                    instant(rs, "accounts_read_at"),
                    instant(rs, "items_read_at"),
                    instant(rs, "deleted_read_at"),
                    instant(rs, "failed_at"),
                    rs.getString("failure")))
        .optional();
  }

  @Override
  public void save(State s) {
    jdbc.sql(
            """
            insert into exact_mirror_state (division, accounts_ts, items_ts, deleted_ts,
                                            accounts_read_at, items_read_at, deleted_read_at,
                                            failed_at, failure)
            values (:d, :a, :i, :x, :ar, :ir, :xr, :fa, :fm)
            on conflict (division) do update set accounts_ts = excluded.accounts_ts,
                items_ts = excluded.items_ts, deleted_ts = excluded.deleted_ts,
                accounts_read_at = excluded.accounts_read_at,
                items_read_at = excluded.items_read_at,
                deleted_read_at = excluded.deleted_read_at,
                failed_at = excluded.failed_at, failure = excluded.failure
            """)
        .param("d", s.division())
        .param("a", s.accountsTs())
        .param("i", s.itemsTs())
        .param("x", s.deletedTs())
        .param("ar", at(s.accountsReadAt()))
        .param("ir", at(s.itemsReadAt()))
        .param("xr", at(s.deletedReadAt()))
        .param("fa", at(s.failedAt()))
        .param("fm", s.failure())
        .update();
  }

  @Override
  public void upsertAccounts(String division, List<VersionedAccount> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int n = rows.size();
    UUID[] ids = new UUID[n];
    String[] codes = new String[n];
    String[] names = new String[n];
    String[] emails = new String[n];
    String[] keys = new String[n];
    String[] vats = new String[n];
    Boolean[] customers = new Boolean[n];
    Long[] versions = new Long[n];
    for (int i = 0; i < n; i++) {
      AccountingSystem.Account a = rows.get(i).account();
      ids[i] = a.id();
      codes[i] = a.code();
      names[i] = a.name();
      emails[i] = a.email();
      keys[i] = key(a.email());
      vats[i] = a.vatNumber();
      customers[i] = a.customer();
      versions[i] = rows.get(i).ts();
    }
    jdbc.sql(
            """
            insert into exact_mirror_account (division, id, code, name, email, email_key,
                                              vat_number, customer, ts)
            select :d, * from unnest(:ids::uuid[], :codes::text[], :names::text[],
                                     :emails::text[], :keys::text[], :vats::text[],
                                     :customers::boolean[], :versions::bigint[])
            on conflict (division, id) do update set code = excluded.code, name = excluded.name,
                email = excluded.email, email_key = excluded.email_key,
                vat_number = excluded.vat_number, customer = excluded.customer, ts = excluded.ts
            where exact_mirror_account.ts <= excluded.ts
            """)
        .param("d", division)
        .param("ids", ids)
        .param("codes", codes)
        .param("names", names)
        .param("emails", emails)
        .param("keys", keys)
        .param("vats", vats)
        .param("customers", customers)
        .param("versions", versions)
        .update();
  }

  @Override
  public void upsertItems(String division, List<VersionedItem> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int n = rows.size();
    UUID[] ids = new UUID[n];
    String[] codes = new String[n];
    String[] keys = new String[n];
    String[] barcodes = new String[n];
    Long[] versions = new Long[n];
    for (int i = 0; i < n; i++) {
      AccountingSystem.Item item = rows.get(i).item();
      ids[i] = item.id();
      codes[i] = item.code();
      keys[i] = key(item.code());
      barcodes[i] = item.barcode() == null ? null : item.barcode().trim();
      versions[i] = rows.get(i).ts();
    }
    jdbc.sql(
            """
            insert into exact_mirror_item (division, id, code, code_key, barcode, ts)
            select :d, * from unnest(:ids::uuid[], :codes::text[], :keys::text[],
                                     :barcodes::text[], :versions::bigint[])
            on conflict (division, id) do update set code = excluded.code,
                code_key = excluded.code_key, barcode = excluded.barcode, ts = excluded.ts
            where exact_mirror_item.ts <= excluded.ts
            """)
        .param("d", division)
        .param("ids", ids)
        .param("codes", codes)
        .param("keys", keys)
        .param("barcodes", barcodes)
        .param("versions", versions)
        .update();
  }

  @Override
  public void deleteAccounts(String division, Collection<UUID> ids) {
    if (!ids.isEmpty()) {
      jdbc.sql("delete from exact_mirror_account where division = :d and id = any(:ids::uuid[])")
          .param("d", division)
          .param("ids", ids.toArray(UUID[]::new))
          .update();
    }
  }

  @Override
  public void deleteItems(String division, Collection<UUID> ids) {
    if (!ids.isEmpty()) {
      jdbc.sql("delete from exact_mirror_item where division = :d and id = any(:ids::uuid[])")
          .param("d", division)
          .param("ids", ids.toArray(UUID[]::new))
          .update();
    }
  }

  @Override
  public List<AccountingSystem.Account> accountsByEmail(
      String division, Collection<String> emailKeys) {
    if (emailKeys.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select id, code, name, email, vat_number, customer from exact_mirror_account"
                + " where division = :d and email_key = any(:keys::text[])")
        .param("d", division)
        .param("keys", emailKeys.stream().map(JdbcMirrorStore::key).toArray(String[]::new))
        .query(
            (rs, n) ->
                new AccountingSystem.Account(
                    uuid(rs, "id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("email"),
                    rs.getString("vat_number"),
                    rs.getBoolean("customer")))
        .list();
  }

  @Override
  public List<AccountingSystem.Item> items(
      String division, Collection<String> codeKeys, Collection<String> barcodes) {
    if (codeKeys.isEmpty() && barcodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select id, code, barcode from exact_mirror_item where division = :d"
                + " and (code_key = any(:codes::text[]) or barcode = any(:barcodes::text[]))")
        .param("d", division)
        .param("codes", codeKeys.stream().map(JdbcMirrorStore::key).toArray(String[]::new))
        .param("barcodes", barcodes.stream().map(String::trim).toArray(String[]::new))
        .query(
            (rs, n) ->
                new AccountingSystem.Item(
                    uuid(rs, "id"), rs.getString("code"), rs.getString("barcode")))
        .list();
  }

  private static java.time.OffsetDateTime at(java.time.Instant instant) {
    return instant == null ? null : ts(instant);
  }

  private static String key(String s) {
    return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
  }
}

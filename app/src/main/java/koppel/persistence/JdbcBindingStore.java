package koppel.persistence;

import static koppel.persistence.Sql.ts;
import static koppel.persistence.Sql.uuid;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import koppel.order.port.AccountingRef;
import koppel.order.port.BindingStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBindingStore implements BindingStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcBindingStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<AccountingRef> find(UUID integrationId, BindingKind kind, String shopKey) {
    return jdbc.sql(
            "select exact_id, exact_code from binding"
                + " where integration_id = :i and kind = :k and shop_key = :s")
        .param("i", integrationId)
        .param("k", kind.name())
        .param("s", shopKey)
        .query((rs, n) -> new AccountingRef(uuid(rs, "exact_id"), rs.getString("exact_code")))
        .optional();
  }

  @Override
  public AccountingRef bind(
      UUID integrationId, BindingKind kind, String shopKey, AccountingRef ref) {
    jdbc.sql(
            """
            insert into binding (integration_id, kind, shop_key, exact_id, exact_code, created_at)
            values (:i, :k, :s, :e, :c, :now)
            on conflict do nothing
            """)
        .param("i", integrationId)
        .param("k", kind.name())
        .param("s", shopKey)
        .param("e", ref.id())
        .param("c", ref.code())
        .param("now", ts(clock.instant()))
        .update();
    return find(integrationId, kind, shopKey).orElse(ref);
  }
}

package koppel.persistence;

import static koppel.persistence.Sql.ts;
import static koppel.persistence.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import koppel.order.port.BindingStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBindingStore implements BindingStore {

  private static final String WHERE = " where integration_id = :i and division = :d and kind = :k";

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcBindingStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<Binding> find(
      UUID integrationId, String division, BindingKind kind, String shopKey) {
    return jdbc.sql(
            "select exact_id, exact_code, exact_vat_number from binding"
                + WHERE
                + " and shop_key = :s")
        .param("i", integrationId)
        .param("d", division)
        .param("k", kind.name())
        .param("s", shopKey)
        .query(JdbcBindingStore::map)
        .optional();
  }

  @Override
  public Map<String, Binding> findAll(
      UUID integrationId, String division, BindingKind kind, Collection<String> shopKeys) {
    Map<String, Binding> found = new LinkedHashMap<>();
    if (shopKeys.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "select shop_key, exact_id, exact_code, exact_vat_number from binding"
                + WHERE
                + " and shop_key in (:keys)")
        .param("i", integrationId)
        .param("d", division)
        .param("k", kind.name())
        .param("keys", List.copyOf(shopKeys))
        .query(
            (ResultSet rs) -> {
              found.put(rs.getString("shop_key"), map(rs, 0));
            });
    return found;
  }

  @Override
  public Binding bind(
      UUID integrationId, String division, BindingKind kind, String shopKey, Binding binding) {
    jdbc.sql(
            """
            insert into binding (integration_id, division, kind, shop_key, exact_id, exact_code,
                                 exact_vat_number, created_at)
            values (:i, :d, :k, :s, :e, :c, :v, :now)
            on conflict do nothing
            """)
        .param("i", integrationId)
        .param("d", division)
        .param("k", kind.name())
        .param("s", shopKey)
        .param("e", binding.exactId())
        .param("c", binding.code())
        .param("v", binding.vatNumber())
        .param("now", ts(clock.instant()))
        .update();
    return find(integrationId, division, kind, shopKey).orElse(binding);
  }

  private static Binding map(ResultSet rs, int row) throws SQLException {
    return new Binding(
        uuid(rs, "exact_id"), rs.getString("exact_code"), rs.getString("exact_vat_number"));
  }
}

package koppel.persistence;

import static koppel.persistence.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;
import koppel.order.domain.WaitReason;
import koppel.order.port.OrderQueries;
import koppel.order.port.OrderSync;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the dashboard and the JSON API read from order_sync. An order's date is the shop's order
 * date, or when Koppel heard of it while the order has not been read yet.
 */
@Repository
class JdbcOrderQueries implements OrderQueries {

  private static final String DATE = "coalesce(order_created_at, created_at)";

  private final JdbcClient jdbc;

  JdbcOrderQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<OrderSync> findByNumber(UUID integrationId, String orderNumber) {
    return jdbc.sql(
            "select * from order_sync where integration_id = :i and order_number = :n"
                + " order by shop_order_id desc limit 1")
        .param("i", integrationId)
        .param("n", orderNumber)
        .query(JdbcOrderSyncStore::map)
        .optional();
  }

  @Override
  public List<OrderSync> list(UUID integrationId, Set<SyncState> states, int offset, int limit) {
    if (states.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select * from order_sync where integration_id = :i and state in (:states)"
                + " order by "
                + DATE
                + " desc, shop_order_id desc offset :offset limit :limit")
        .param("i", integrationId)
        .param("states", names(states))
        .param("offset", offset)
        .param("limit", limit)
        .query(JdbcOrderSyncStore::map)
        .list();
  }

  @Override
  public long count(UUID integrationId, Set<SyncState> states) {
    if (states.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "select count(*) from order_sync where integration_id = :i and state in (:states)")
        .param("i", integrationId)
        .param("states", names(states))
        .query(Long.class)
        .single();
  }

  @Override
  public Optional<OrderSync> find(OrderKey key) {
    return row(key).map(OrderRow::order);
  }

  @Override
  public Map<SyncState, Long> countByState(UUID integrationId) {
    return countByState(integrationId, null, null);
  }

  @Override
  public Optional<OrderRow> row(OrderKey key) {
    return jdbc.sql("select * from order_sync where integration_id = :i and shop_order_id = :o")
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .query(JdbcOrderQueries::row)
        .optional();
  }

  @Override
  public List<OrderRow> search(UUID integrationId, Search search, int offset, int limit) {
    if (search.states().isEmpty()) {
      return List.of();
    }
    Where where = where(integrationId, search);
    return where
        .bind(
            jdbc.sql(
                "select * from order_sync"
                    + where.sql
                    + " order by "
                    + DATE
                    + " desc, shop_order_id desc offset :offset limit :limit"))
        .param("offset", Math.max(offset, 0))
        .param("limit", Math.max(limit, 0))
        .query(JdbcOrderQueries::row)
        .list();
  }

  @Override
  public long count(UUID integrationId, Search search) {
    if (search.states().isEmpty()) {
      return 0;
    }
    Where where = where(integrationId, search);
    return where
        .bind(jdbc.sql("select count(*) from order_sync" + where.sql))
        .query(Long.class)
        .single();
  }

  @Override
  public Map<String, java.math.BigDecimal> totals(UUID integrationId, Search search) {
    Map<String, java.math.BigDecimal> totals = new java.util.TreeMap<>();
    if (search.states().isEmpty()) {
      return totals;
    }
    Where where = where(integrationId, search);
    where
        .bind(
            jdbc.sql(
                "select coalesce(currency, 'EUR') c, sum(total_incl) t from order_sync"
                    + where.sql
                    + " and total_incl is not null group by 1"))
        .query(
            rs -> {
              totals.put(rs.getString("c"), rs.getBigDecimal("t"));
            });
    return totals;
  }

  @Override
  public Map<SyncState, Long> countByState(UUID integrationId, Instant from, Instant to) {
    Map<SyncState, Long> counts = new EnumMap<>(SyncState.class);
    for (SyncState s : SyncState.values()) {
      counts.put(s, 0L);
    }
    Where where = where(integrationId, new Search(Set.of(SyncState.values()), from, to, ""));
    where
        .bind(jdbc.sql("select state, count(*) n from order_sync" + where.sql + " group by state"))
        .query(
            rs -> {
              counts.put(SyncState.valueOf(rs.getString("state")), rs.getLong("n"));
            });
    return counts;
  }

  @Override
  public List<DayCount> perDay(
      UUID integrationId, Set<SyncState> states, Instant from, Instant to, ZoneId zone) {
    if (states.isEmpty()) {
      return List.of();
    }
    Where where = where(integrationId, new Search(states, from, to, ""));
    return where
        .bind(
            jdbc.sql(
                "select (("
                    + DATE
                    + ") at time zone :zone)::date as day, state, count(*) n from order_sync"
                    + where.sql
                    + " group by 1, 2 order by 1, 2"))
        .param("zone", zone.getId())
        .query(
            (rs, n) ->
                new DayCount(
                    rs.getObject("day", java.time.LocalDate.class),
                    SyncState.valueOf(rs.getString("state")),
                    rs.getLong("n")))
        .list();
  }

  /** The where clause of a search and its parameters. */
  private record Where(String sql, Map<String, Object> params) {

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
      JdbcClient.StatementSpec s = spec;
      for (Map.Entry<String, Object> p : params.entrySet()) {
        s = s.param(p.getKey(), p.getValue());
      }
      return s;
    }
  }

  private static Where where(UUID integrationId, Search search) {
    StringBuilder sql = new StringBuilder(" where integration_id = :i and state in (:states)");
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("i", integrationId);
    params.put("states", names(search.states()));
    if (search.from() != null) {
      sql.append(" and ").append(DATE).append(" >= :from");
      params.put("from", ts(search.from()));
    }
    if (search.to() != null) {
      sql.append(" and ").append(DATE).append(" < :to");
      params.put("to", ts(search.to()));
    }
    if (!search.text().isEmpty()) {
      sql.append(
          " and (order_number ilike :text escape '\\' or customer_name ilike :text escape '\\'"
              + " or customer_email ilike :text escape '\\'"
              + " or exact_document_number ilike :text escape '\\')");
      params.put("text", "%" + likeEscaped(search.text()) + "%");
    }
    return new Where(sql.toString(), params);
  }

  /** The text as a LIKE pattern that matches it literally (%, _ and \ escaped). */
  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static List<String> names(Set<SyncState> states) {
    List<String> names = new ArrayList<>();
    states.forEach(s -> names.add(s.name()));
    return names;
  }

  private static OrderRow row(ResultSet rs, int n) throws SQLException {
    String reason = rs.getString("reason_code");
    WaitReason why = null;
    if (reason != null) {
      try {
        why = WaitReason.valueOf(reason);
      } catch (IllegalArgumentException unknown) {
        why = null;
      }
    }
    return new OrderRow(
        JdbcOrderSyncStore.map(rs, n),
        rs.getString("customer_email"),
        rs.getString("booking_division"),
        why);
  }
}

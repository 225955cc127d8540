package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;
import static koppel.persistence.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import koppel.order.domain.BookingError;
import koppel.order.domain.BookingMode;
import koppel.order.domain.Money;
import koppel.order.domain.OrderKey;
import koppel.order.domain.ShopOrder;
import koppel.order.domain.SyncState;
import koppel.order.domain.WaitReason;
import koppel.order.port.BookedDocument;
import koppel.order.port.OrderQueries;
import koppel.order.port.OrderSync;
import koppel.order.port.OrderSyncStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOrderSyncStore implements OrderSyncStore, OrderQueries {

  private static final String KEY = " where integration_id = :i and shop_order_id = :o";
  private final JdbcClient jdbc;

  JdbcOrderSyncStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insertIfAbsent(OrderKey key, Instant now) {
    return jdbc.sql(
                """
                insert into order_sync (integration_id, shop_order_id, state, created_at,
                                        updated_at, queued_at)
                values (:i, :o, 'QUEUED', :now, :now, :now)
                on conflict do nothing
                """)
            .param("i", key.integrationId())
            .param("o", key.shopOrderId())
            .param("now", ts(now))
            .update()
        == 1;
  }

  @Override
  public void markImported(OrderKey key) {
    jdbc.sql("update order_sync set imported = true" + KEY)
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .update();
  }

  @Override
  public List<OrderKey> open(UUID integrationId) {
    return jdbc.sql(
            "select integration_id, shop_order_id from order_sync"
                + " where integration_id = :i and state = 'OPEN'")
        .param("i", integrationId)
        .query((rs, n) -> new OrderKey(uuid(rs, "integration_id"), rs.getLong("shop_order_id")))
        .list();
  }

  @Override
  public Optional<OrderSync> find(OrderKey key) {
    return jdbc.sql("select * from order_sync" + KEY)
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .query(JdbcOrderSyncStore::map)
        .optional();
  }

  @Override
  public void updateFacts(OrderKey key, ShopOrder order, Instant now) {
    jdbc.sql(
            """
            update order_sync set order_number = :number, order_created_at = :created,
                   order_updated_at = :updated, payment_status = :payment,
                   customer_name = :customer, total_incl = :total, currency = :currency,
                   updated_at = :now
            """
                + KEY)
        .param("number", order.number())
        .param("created", order.createdAt())
        .param("updated", order.updatedAt())
        .param("payment", order.paymentStatus())
        .param("customer", order.customer() == null ? null : order.customer().displayName())
        .param(
            "total",
            order.totals() == null || order.totals().totalIncl() == null
                ? null
                : Money.cents(order.totals().totalIncl()))
        .param("currency", order.currency())
        .param("now", ts(now))
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .update();
  }

  @Override
  public boolean markQueued(OrderKey key, Instant now) {
    return jdbc.sql(
                """
                update order_sync set state = 'QUEUED', reason = null, reason_code = null,
                       queued_at = :now,
                       updated_at = :now
                """
                    + KEY
                    + " and state in ('OPEN', 'QUEUED', 'FAILED')")
            .param("now", ts(now))
            .param("i", key.integrationId())
            .param("o", key.shopOrderId())
            .update()
        == 1;
  }

  @Override
  public void markOpen(OrderKey key, WaitReason code, String reason, Instant now) {
    jdbc.sql(
            "update order_sync set state = 'OPEN', reason = :reason, reason_code = :code,"
                + " updated_at = :now,"
                + " error_code = null, error_message = null, error_resolution = null"
                + KEY
                + " and state not in ('BOOKED', 'SKIPPED')")
        .param("reason", reason)
        .param("code", code.name())
        .param("now", ts(now))
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .update();
  }

  @Override
  public void markSkipped(OrderKey key, WaitReason code, String reason, Instant now) {
    jdbc.sql(
            "update order_sync set state = 'SKIPPED', reason = :reason, reason_code = :code,"
                + " skipped_at = :now,"
                + " updated_at = :now"
                + KEY
                + " and state <> 'BOOKED'")
        .param("reason", reason)
        .param("code", code.name())
        .param("now", ts(now))
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .update();
  }

  @Override
  public Optional<Integer> startAttempt(OrderKey key, Instant now) {
    return jdbc.sql(
            "update order_sync set attempts = attempts + 1, updated_at = :now"
                + KEY
                + " and state not in ('BOOKED', 'SKIPPED') returning attempts")
        .param("now", ts(now))
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .query(Integer.class)
        .optional();
  }

  @Override
  public boolean reopenSkipped(OrderKey key, WaitReason code, Instant now) {
    return jdbc.sql(
                "update order_sync set state = 'QUEUED', reason = null, reason_code = null,"
                    + " queued_at = :now, updated_at = :now"
                    + KEY
                    + " and state = 'SKIPPED' and reason_code = :code")
            .param("code", code.name())
            .param("now", ts(now))
            .param("i", key.integrationId())
            .param("o", key.shopOrderId())
            .update()
        == 1;
  }

  @Override
  public boolean startBooking(OrderKey key, UUID attemptId, Instant now) {
    return jdbc.sql(
                "update order_sync set state = 'BOOKING', attempt_id = :attempt,"
                    + " booking_started_at = :now, updated_at = :now"
                    + KEY
                    + " and state not in ('BOOKED', 'SKIPPED')")
            .param("attempt", attemptId)
            .param("now", ts(now))
            .param("i", key.integrationId())
            .param("o", key.shopOrderId())
            .update()
        == 1;
  }

  @Override
  public void markBooked(OrderKey key, BookedDocument document, Instant now) {
    jdbc.sql(
            """
            update order_sync set state = 'BOOKED', reason = null, booked_at = :now,
                   updated_at = :now, next_attempt_at = null,
                   exact_document_type = :type, exact_document_id = :id,
                   exact_document_number = :number,
                   error_code = null, error_message = null, error_resolution = null
            """
                + KEY)
        .param("type", document.mode().name())
        .param("id", document.id())
        .param("number", document.number())
        .param("now", ts(now))
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .update();
  }

  @Override
  public void markFailed(OrderKey key, BookingError error, Instant now) {
    jdbc.sql(
            """
            update order_sync set state = 'FAILED', failed_at = :now, updated_at = :now,
                   next_attempt_at = null, error_code = :code, error_message = :message,
                   error_resolution = :resolution
            """
                + KEY
                + " and state not in ('BOOKED', 'SKIPPED')")
        .param("code", error.code())
        .param("message", error.message())
        .param("resolution", error.resolution())
        .param("now", ts(now))
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .update();
  }

  @Override
  public void markRetry(
      OrderKey key,
      Instant nextAttemptAt,
      boolean countsAsAttempt,
      boolean outcomeUnknown,
      BookingError error,
      Instant now) {
    jdbc.sql(
            """
            update order_sync set state = :state, next_attempt_at = :next, updated_at = :now,
                   attempts = case when :counts then attempts else greatest(attempts - 1, 0) end,
                   error_code = :code, error_message = :message, error_resolution = :resolution
            """
                + KEY
                + " and state not in ('BOOKED', 'SKIPPED')")
        .param("state", outcomeUnknown ? SyncState.BOOKING.name() : SyncState.QUEUED.name())
        .param("next", ts(nextAttemptAt))
        .param("counts", countsAsAttempt)
        .param("code", error == null ? null : error.code())
        .param("message", error == null ? null : error.message())
        .param("resolution", error == null ? null : error.resolution())
        .param("now", ts(now))
        .param("i", key.integrationId())
        .param("o", key.shopOrderId())
        .update();
  }

  @Override
  public long countByIntegration(UUID integrationId) {
    return jdbc.sql("select count(*) from order_sync where integration_id = :i")
        .param("i", integrationId)
        .query(Long.class)
        .single();
  }

  @Override
  public List<OrderKey> waitingWith(UUID integrationId, String errorCode) {
    return jdbc.sql(
            "select integration_id, shop_order_id from order_sync"
                + " where integration_id = :i and state in ('QUEUED', 'BOOKING')"
                + " and error_code = :code")
        .param("i", integrationId)
        .param("code", errorCode)
        .query((rs, n) -> new OrderKey(uuid(rs, "integration_id"), rs.getLong("shop_order_id")))
        .list();
  }

  @Override
  public List<OrderSync> list(UUID integrationId, Set<SyncState> states, int limit) {
    return jdbc.sql(
            "select * from order_sync where integration_id = :i and state in (:states)"
                + " order by coalesce(order_created_at, created_at) desc, shop_order_id desc"
                + " limit :limit")
        .param("i", integrationId)
        .param("states", states.stream().map(Enum::name).toList())
        .param("limit", limit)
        .query(JdbcOrderSyncStore::map)
        .list();
  }

  @Override
  public Map<SyncState, Long> countByState(UUID integrationId) {
    Map<SyncState, Long> counts = new EnumMap<>(SyncState.class);
    for (SyncState s : SyncState.values()) {
      counts.put(s, 0L);
    }
    jdbc.sql("select state, count(*) n from order_sync where integration_id = :i group by state")
        .param("i", integrationId)
        .query(
            rs -> {
              counts.put(SyncState.valueOf(rs.getString("state")), rs.getLong("n"));
            });
    return counts;
  }

  static OrderSync map(ResultSet rs, int row) throws SQLException {
    String code = rs.getString("error_code");
    BookingError error =
        code == null
            ? null
            : new BookingError(
                code, rs.getString("error_message"), rs.getString("error_resolution"));
    String type = rs.getString("exact_document_type");
    BookedDocument document =
        type == null
            ? null
            : new BookedDocument(
                BookingMode.valueOf(type),
                uuid(rs, "exact_document_id"),
                rs.getString("exact_document_number"));
    return new OrderSync(
        new OrderKey(uuid(rs, "integration_id"), rs.getLong("shop_order_id")),
        rs.getString("order_number"),
        SyncState.valueOf(rs.getString("state")),
        rs.getString("reason"),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        uuid(rs, "attempt_id"),
        error,
        document,
        instant(rs, "order_created_at"),
        instant(rs, "order_updated_at"),
        rs.getBoolean("imported"),
        rs.getString("payment_status"),
        rs.getString("customer_name"),
        rs.getBigDecimal("total_incl"),
        rs.getString("currency"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        instant(rs, "booked_at"));
  }
}

package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.movableTo;
import static koppel.persistence.Sql.ts;
import static koppel.persistence.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import koppel.order.port.BookingFence;
import koppel.order.port.OrderSync;
import koppel.order.port.OrderSyncStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * order_sync. Every state change is one UPDATE whose guard is derived from {@link SyncState}'s
 * transition table ({@link Sql#movableTo}); the changes that close a booking attempt also match its
 * attempt id, so a late answer of an old attempt can never overwrite a newer one.
 */
@Repository
class JdbcOrderSyncStore implements OrderSyncStore {

  private static final String KEY = " where integration_id = :i and shop_order_id = :o";
  private static final String NOT_FINAL = " and state not in ('BOOKED', 'SKIPPED')";
  private final JdbcClient jdbc;

  JdbcOrderSyncStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private JdbcClient.StatementSpec keyed(String sql, OrderKey key) {
    return jdbc.sql(sql).param("i", key.integrationId()).param("o", key.shopOrderId());
  }

  @Override
  public boolean insertIfAbsent(OrderKey key, Instant now) {
    return keyed(
                """
                insert into order_sync (integration_id, shop_order_id, state, created_at,
                                        updated_at, queued_at)
                values (:i, :o, 'QUEUED', :now, :now, :now)
                on conflict do nothing
                """,
                key)
            .param("now", ts(now))
            .update()
        == 1;
  }

  @Override
  public void markImported(OrderKey key) {
    keyed("update order_sync set imported = true" + KEY, key).update();
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
  public List<OrderKey> openWith(UUID integrationId, WaitReason reason) {
    return jdbc.sql(
            "select integration_id, shop_order_id from order_sync"
                + " where integration_id = :i and state = 'OPEN' and reason_code = :code")
        .param("i", integrationId)
        .param("code", reason.name())
        .query((rs, n) -> new OrderKey(uuid(rs, "integration_id"), rs.getLong("shop_order_id")))
        .list();
  }

  @Override
  public Optional<OrderSync> find(OrderKey key) {
    return keyed("select * from order_sync" + KEY, key).query(JdbcOrderSyncStore::map).optional();
  }

  @Override
  public void updateFacts(OrderKey key, ShopOrder order, Instant now) {
    keyed(
            """
            update order_sync set order_number = :number, order_created_at = :created,
                   order_updated_at = :updated, payment_status = :payment,
                   customer_name = :customer, customer_email = :email, total_incl = :total,
                   currency = :currency, updated_at = :now
            """
                + KEY,
            key)
        .param("number", order.number())
        .param("created", order.createdAt())
        .param("updated", order.updatedAt())
        .param("payment", order.paymentStatus())
        .param("customer", order.customer() == null ? null : order.customer().displayName())
        .param("email", order.customer() == null ? null : order.customer().email())
        .param(
            "total",
            order.totals() == null || order.totals().totalIncl() == null
                ? null
                : Money.cents(order.totals().totalIncl()))
        .param("currency", order.currency())
        .param("now", ts(now))
        .update();
  }

  @Override
  public boolean markQueued(OrderKey key, Instant now) {
    return keyed(
                "update order_sync set state = 'QUEUED', reason = null, reason_code = null,"
                    + " queued_at = :now, updated_at = :now"
                    + KEY
                    + movableTo(SyncState.QUEUED, SyncState.BOOKING, SyncState.SKIPPED),
                key)
            .param("now", ts(now))
            .update()
        == 1;
  }

  @Override
  public Optional<SyncState> process(OrderKey key, Instant now) {
    return keyed(
            """
            update order_sync s set state = 'QUEUED', reason = null, reason_code = null,
                   attempts = 0, next_attempt_at = null, error_code = null,
                   error_message = null, error_resolution = null, queued_at = :now,
                   updated_at = :now
            from order_sync prior
            where s.integration_id = :i and s.shop_order_id = :o
              and prior.integration_id = s.integration_id
              and prior.shop_order_id = s.shop_order_id
              and prior.state in ('FAILED', 'OPEN')
            returning prior.state
            """,
            key)
        .param("now", ts(now))
        .query((rs, n) -> SyncState.valueOf(rs.getString(1)))
        .optional();
  }

  @Override
  public AttemptStart startAttempt(OrderKey key, Instant now, Duration takeover) {
    Optional<Started> started =
        keyed(
                "update order_sync set state = 'QUEUED', attempts = attempts + 1,"
                    + " write_started_at = null, updated_at = :now"
                    + KEY
                    + movableTo(SyncState.QUEUED, SyncState.SKIPPED)
                    + " and (state <> 'BOOKING' or write_started_at is null"
                    + "      or write_started_at <= :takeoverBefore)"
                    + " returning attempts, attempt_id, booking_division, booking_mode,"
                    + " booking_your_ref, booking_customer_id, booking_amount",
                key)
            .param("now", ts(now))
            .param("takeoverBefore", ts(now.minus(takeover)))
            .query(
                (rs, n) -> {
                  UUID attempt = uuid(rs, "attempt_id");
                  String mode = rs.getString("booking_mode");
                  return new Started(
                      rs.getInt("attempts"),
                      attempt == null
                          ? Optional.empty()
                          : Optional.of(
                              new BookingFence(
                                  attempt,
                                  rs.getString("booking_division"),
                                  mode == null ? null : BookingMode.valueOf(mode),
                                  rs.getString("booking_your_ref"),
                                  uuid(rs, "booking_customer_id"),
                                  rs.getBigDecimal("booking_amount"))));
                })
            .optional();
    if (started.isPresent()) {
      return started.get();
    }
    Optional<OrderSync> now2 = find(key);
    if (now2.isPresent() && now2.get().state() == SyncState.BOOKING) {
      Instant writeStarted =
          keyed("select write_started_at from order_sync" + KEY, key)
              .query((rs, n) -> instant(rs, "write_started_at"))
              .optional()
              .orElse(null);
      if (writeStarted != null) {
        return new Busy(writeStarted.plus(takeover));
      }
    }
    return new Final();
  }

  @Override
  public void markOpen(OrderKey key, WaitReason code, String reason, Instant now) {
    keyed(
            "update order_sync set state = 'OPEN', reason = :reason, reason_code = :code,"
                + " updated_at = :now, write_started_at = null, next_attempt_at = null,"
                + " error_code = null, error_message = null, error_resolution = null"
                + KEY
                + movableTo(SyncState.OPEN),
            key)
        .param("reason", reason)
        .param("code", code.name())
        .param("now", ts(now))
        .update();
  }

  @Override
  public void markSkipped(OrderKey key, WaitReason code, String reason, Instant now) {
    keyed(
            "update order_sync set state = 'SKIPPED', reason = :reason, reason_code = :code,"
                + " skipped_at = :now, updated_at = :now, write_started_at = null,"
                + " next_attempt_at = null"
                + KEY
                + movableTo(SyncState.SKIPPED),
            key)
        .param("reason", reason)
        .param("code", code.name())
        .param("now", ts(now))
        .update();
  }

  @Override
  public boolean reopenSkipped(OrderKey key, WaitReason code, Instant now) {
    return keyed(
                "update order_sync set state = 'QUEUED', reason = null, reason_code = null,"
                    + " queued_at = :now, updated_at = :now"
                    + KEY
                    + movableTo(SyncState.QUEUED)
                    + " and state = 'SKIPPED' and reason_code = :code",
                key)
            .param("code", code.name())
            .param("now", ts(now))
            .update()
        == 1;
  }

  @Override
  public boolean startBooking(OrderKey key, UUID expectedAttempt, BookingFence fence, Instant now) {
    return keyed(
                """
                update order_sync set state = 'BOOKING', attempt_id = :attempt,
                       booking_division = :division, booking_mode = :mode,
                       booking_your_ref = :ref, booking_customer_id = :customer,
                       booking_amount = :amount, booking_started_at = :now,
                       write_started_at = :now, updated_at = :now
                """
                    + KEY
                    + movableTo(SyncState.BOOKING, SyncState.BOOKING)
                    + " and attempt_id is not distinct from :expected",
                key)
            .param("attempt", fence.attemptId())
            .param("division", fence.division())
            .param("mode", fence.mode().name())
            .param("ref", fence.yourRef())
            .param("customer", fence.customerId())
            .param("amount", fence.amount())
            .param("expected", expectedAttempt)
            .param("now", ts(now))
            .update()
        == 1;
  }

  @Override
  public boolean markBooked(OrderKey key, UUID attemptId, BookedDocument document, Instant now) {
    return keyed(
                """
                update order_sync set state = 'BOOKED', reason = null, reason_code = null,
                       booked_at = :now, updated_at = :now, next_attempt_at = null,
                       write_started_at = null,
                       exact_document_type = :type, exact_document_id = :id,
                       exact_document_number = :number,
                       error_code = null, error_message = null, error_resolution = null
                """
                    + KEY
                    + movableTo(SyncState.BOOKED)
                    + " and attempt_id = :attempt",
                key)
            .param("type", document.mode().name())
            .param("id", document.id())
            .param("number", document.number())
            .param("attempt", attemptId)
            .param("now", ts(now))
            .update()
        == 1;
  }

  @Override
  public void markFailed(OrderKey key, BookingError error, Instant now) {
    keyed(
            """
            update order_sync set state = 'FAILED', failed_at = :now, updated_at = :now,
                   next_attempt_at = null, write_started_at = null, error_code = :code,
                   error_message = :message, error_resolution = :resolution
            """
                + KEY
                + movableTo(SyncState.FAILED),
            key)
        .param("code", error.code())
        .param("message", error.message())
        .param("resolution", error.resolution())
        .param("now", ts(now))
        .update();
  }

  @Override
  public boolean markDocumentDiffers(
      OrderKey key, UUID attemptId, BookedDocument document, BookingError error, Instant now) {
    return keyed(
                """
                update order_sync set state = 'FAILED', failed_at = :now, updated_at = :now,
                       next_attempt_at = null, write_started_at = null,
                       exact_document_type = :type, exact_document_id = :id,
                       exact_document_number = :number, error_code = :code,
                       error_message = :message, error_resolution = :resolution
                """
                    + KEY
                    + movableTo(SyncState.FAILED)
                    + " and attempt_id = :attempt",
                key)
            .param("type", document.mode().name())
            .param("id", document.id())
            .param("number", document.number())
            .param("code", error.code())
            .param("message", error.message())
            .param("resolution", error.resolution())
            .param("attempt", attemptId)
            .param("now", ts(now))
            .update()
        == 1;
  }

  @Override
  public void markRetry(
      OrderKey key,
      Instant nextAttemptAt,
      boolean countsAsAttempt,
      boolean outcomeUnknown,
      BookingError error,
      Instant now) {
    // a document write with an unknown outcome keeps the order BOOKING: a write may exist, and
    // the division or booking mode must not change under it; anything else waits in the queue
    keyed(
            """
            update order_sync set
                   state = case when :unknown and state = 'BOOKING' then 'BOOKING'
                                else 'QUEUED' end,
                   next_attempt_at = :next, updated_at = :now, write_started_at = null,
                   attempts = case when :counts then attempts else greatest(attempts - 1, 0) end,
                   error_code = :code, error_message = :message, error_resolution = :resolution
            """
                + KEY
                + movableTo(SyncState.QUEUED, SyncState.SKIPPED),
            key)
        .param("unknown", outcomeUnknown)
        .param("next", ts(nextAttemptAt))
        .param("counts", countsAsAttempt)
        .param("code", error == null ? null : error.code())
        .param("message", error == null ? null : error.message())
        .param("resolution", error == null ? null : error.resolution())
        .param("now", ts(now))
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
  public long countInState(UUID integrationId, SyncState state) {
    return count(integrationId, Set.of(state));
  }

  private long count(UUID integrationId, Set<SyncState> states) {
    if (states.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "select count(*) from order_sync where integration_id = :i and state in (:states)")
        .param("i", integrationId)
        .param("states", states.stream().map(Enum::name).toList())
        .query(Long.class)
        .single();
  }

  @Override
  public List<OrderSync> stranded(String queueTask, Instant before, int limit) {
    return jdbc.sql(
            """
            select * from order_sync o
            where o.state in ('QUEUED', 'BOOKING') and o.updated_at < :before
              and not exists (
                select 1 from scheduled_tasks t
                where t.task_name = :task
                  and t.task_instance = o.integration_id::text || '/' || o.shop_order_id)
            order by o.updated_at limit :limit
            """)
        .param("before", ts(before))
        .param("task", queueTask)
        .param("limit", limit)
        .query(JdbcOrderSyncStore::map)
        .list();
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

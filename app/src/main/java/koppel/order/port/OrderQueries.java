package koppel.order.port;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;
import koppel.order.domain.WaitReason;

/**
 * In-port: what the dashboard and the JSON API read; the same rows the pipeline writes. An order's
 * date is the shop's order date (when Koppel has not read the order yet: when it heard of it).
 */
public interface OrderQueries {

  /** Newest first, one page ({@code offset} rows skipped). */
  List<OrderSync> list(UUID integrationId, Set<SyncState> states, int offset, int limit);

  /** How many orders are in these states. */
  long count(UUID integrationId, Set<SyncState> states);

  Optional<OrderSync> find(OrderKey key);

  /** The order with this order number (as the merchant knows it), if Koppel has seen it. */
  Optional<OrderSync> findByNumber(UUID integrationId, String orderNumber);

  Map<SyncState, Long> countByState(UUID integrationId);

  /** One order with what the tabs show besides its order_sync facts. */
  Optional<OrderRow> row(OrderKey key);

  /** The orders matching {@code search}, newest order date first, one page. */
  List<OrderRow> search(UUID integrationId, Search search, int offset, int limit);

  /** How many orders match {@code search}. */
  long count(UUID integrationId, Search search);

  /**
   * The sum of the order totals (incl. VAT) of the orders matching {@code search}, per currency.
   */
  Map<String, java.math.BigDecimal> totals(UUID integrationId, Search search);

  /** How many orders dated in [{@code from}, {@code to}) are in each state (every state named). */
  Map<SyncState, Long> countByState(UUID integrationId, Instant from, Instant to);

  /**
   * Per day of the shop's calendar ({@code zone}): how many orders dated in [{@code from}, {@code
   * to}) that day are in each of {@code states}. Days without such orders are left out.
   */
  List<DayCount> perDay(
      UUID integrationId, Set<SyncState> states, Instant from, Instant to, ZoneId zone);

  /**
   * Which orders: in one of {@code states}, dated in [{@code from}, {@code to}) (either may be
   * null: open-ended), and, when {@code text} is not blank, whose order number, customer name,
   * customer e-mail address or Exact document number contains it (case-insensitive).
   */
  record Search(Set<SyncState> states, Instant from, Instant to, String text) {

    public Search {
      states = Set.copyOf(states);
      text = text == null ? "" : text.strip();
    }
  }

  /**
   * An order as the tabs list it: its order_sync facts, the customer's e-mail address, the Exact
   * administration its document was written to (the fence's division) and why it waits.
   */
  record OrderRow(
      OrderSync order, String customerEmail, String bookingDivision, WaitReason waitReason) {}

  record DayCount(LocalDate day, SyncState state, long count) {}
}

package koppel.tabs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import koppel.integration.Integration;
import koppel.jobs.OpenOrdersRecheckJob;
import koppel.order.domain.BookingMode;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;
import koppel.order.port.BookedDocument;
import koppel.order.port.ConnectionStore;
import koppel.order.port.EventLog;
import koppel.order.port.OrderQueries;
import koppel.order.port.OrderQueries.OrderRow;
import koppel.order.port.OrderQueries.Search;
import koppel.order.port.SystemConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The Report, Errors and Open tabs and an order's details, for one integration. The pages and the
 * JSON API read through here, so they always show the same.
 */
@Service
public class OrderTabs {

  /** Rows per page on every tab. */
  public static final int PAGE_SIZE = 50;

  /** The most rows a CSV export holds. */
  public static final int EXPORT_LIMIT = 100_000;

  private final OrderQueries queries;
  private final EventLog events;
  private final ConnectionStore connections;
  private final OpenOrdersRecheckJob recheck;
  private final Clock clock;
  private final String exactBaseUrl;

  OrderTabs(
      OrderQueries queries,
      EventLog events,
      ConnectionStore connections,
      OpenOrdersRecheckJob recheck,
      Clock clock,
      @Value("${koppel.exact.base-url:https://start.exactonline.nl}") String exactBaseUrl) {
    this.queries = queries;
    this.events = events;
    this.connections = connections;
    this.recheck = recheck;
    this.clock = clock;
    this.exactBaseUrl = exactBaseUrl;
  }

  /** One page of a tab: its rows, how many match, and which page this is. */
  public record Page<T>(List<T> rows, long total, int page, int pages) {}

  /** An order as the Report tab shows it: the row and where its document opens in Exact. */
  public record Booked(OrderRow row, String exactLink) {}

  /** An order waiting, and when Koppel looks at it again. */
  public record Waiting(OrderRow row, Instant nextCheck) {}

  /** Everything "More info" shows: the order, its history and what Exact (or the shop) answered. */
  public record Details(
      OrderRow row, List<EventLog.Entry> history, String answer, String exactLink) {}

  /** The Report tab: totals of the period, the chart and one page of booked orders. */
  public record Report(
      Period period,
      String search,
      Map<SyncState, Long> counts,
      Map<String, java.math.BigDecimal> bookedTotals,
      Chart chart,
      Page<Booked> page) {}

  public LocalDate today(Integration integration) {
    return LocalDate.ofInstant(clock.instant(), integration.zone());
  }

  public Period period(Integration integration, LocalDate from, LocalDate to) {
    return Period.of(from, to, today(integration));
  }

  public Report report(Integration integration, Period period, String text, int page) {
    Search search = search(integration, EnumSet.of(SyncState.BOOKED), period, text);
    Page<OrderRow> rows = page(integration, search, page);
    String base = exactBase(integration);
    Page<Booked> booked =
        new Page<>(
            rows.rows().stream().map(r -> new Booked(r, exactLink(base, r))).toList(),
            rows.total(),
            rows.page(),
            rows.pages());
    Map<SyncState, Long> counts =
        queries.countByState(
            integration.id(), period.start(integration.zone()), period.end(integration.zone()));
    Chart chart =
        Chart.of(
            period,
            queries.perDay(
                integration.id(),
                EnumSet.of(SyncState.BOOKED, SyncState.FAILED),
                period.start(integration.zone()),
                period.end(integration.zone()),
                integration.zone()));
    Map<String, java.math.BigDecimal> totals =
        queries.totals(
            integration.id(), search(integration, EnumSet.of(SyncState.BOOKED), period, ""));
    return new Report(period, search.text(), counts, totals, chart, booked);
  }

  /** Every booked order of the report's filter, for the CSV export (at most EXPORT_LIMIT). */
  public List<Booked> reportExport(Integration integration, Period period, String text) {
    Search search = search(integration, EnumSet.of(SyncState.BOOKED), period, text);
    String base = exactBase(integration);
    return queries.search(integration.id(), search, 0, EXPORT_LIMIT).stream()
        .map(r -> new Booked(r, exactLink(base, r)))
        .toList();
  }

  /** The Errors tab: failed orders of the period. */
  public Page<OrderRow> errors(Integration integration, Period period, String text, int page) {
    return page(integration, search(integration, EnumSet.of(SyncState.FAILED), period, text), page);
  }

  /** The Open tab: every order waiting (whatever its date), with when it is looked at again. */
  public Page<Waiting> open(Integration integration, String text, int page) {
    Search search = new Search(EnumSet.of(SyncState.OPEN), null, null, text);
    Page<OrderRow> rows = page(integration, search, page);
    Instant now = clock.instant();
    Instant nightly = recheck.nextRun(now);
    List<Waiting> waiting = new ArrayList<>();
    for (OrderRow r : rows.rows()) {
      Instant next = r.order().nextAttemptAt();
      waiting.add(
          new Waiting(
              r, next != null && next.isAfter(now) && next.isBefore(nightly) ? next : nightly));
    }
    return new Page<>(waiting, rows.total(), rows.page(), rows.pages());
  }

  public Optional<Details> details(Integration integration, long shopOrderId) {
    OrderKey key = new OrderKey(integration.id(), shopOrderId);
    return queries
        .row(key)
        .map(
            row -> {
              List<EventLog.Entry> history = events.history(key);
              String answer = null;
              for (EventLog.Entry e : history) {
                if (e.kind().equals("EXACT_ANSWER") || e.kind().equals("SHOP_ANSWER")) {
                  answer = e.message();
                }
              }
              return new Details(row, history, answer, exactLink(exactBase(integration), row));
            });
  }

  private Search search(Integration integration, Set<SyncState> states, Period period, String t) {
    return new Search(states, period.start(integration.zone()), period.end(integration.zone()), t);
  }

  private Page<OrderRow> page(Integration integration, Search search, int page) {
    long total = queries.count(integration.id(), search);
    int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int p = Math.min(Math.max(page, 1), pages);
    return new Page<>(
        queries.search(integration.id(), search, (p - 1) * PAGE_SIZE, PAGE_SIZE), total, p, pages);
  }

  private String exactBase(Integration integration) {
    return connections
        .find(integration.id(), SystemConnection.ExternalSystem.EXACT)
        .map(SystemConnection::baseUrl)
        .filter(b -> b != null && !b.isBlank())
        .orElse(exactBaseUrl);
  }

  /**
   * Where the order's document is in Exact Online: the entity by its key in the administration it
   * was written to ({@code {base}/api/v1/{division}/{service}/{Entity}(guid'{id}')}, the one
   * document address the Exact reference describes). Null without a document.
   */
  static String exactLink(String base, OrderRow row) {
    BookedDocument doc = row.order().document();
    if (doc == null || doc.id() == null || row.bookingDivision() == null) {
      return null;
    }
    String path =
        switch (doc.mode() == null ? BookingMode.SALES_INVOICE : doc.mode()) {
          case SALES_ORDER -> "salesorder/SalesOrders";
          case SALES_INVOICE -> "salesinvoice/SalesInvoices";
          case SALES_ENTRY -> "salesentry/SalesEntries";
        };
    String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return root + "/api/v1/" + row.bookingDivision() + "/" + path + "(guid'" + doc.id() + "')";
  }
}

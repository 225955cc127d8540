package koppel.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.tabs.OrderTabs;
import koppel.tabs.Period;
import koppel.tabs.Ticket;
import koppel.tabs.Tickets;
import koppel.web.dashboard.OrderPages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The Report, Errors and Open tabs, an order's details and tickets, as JSON. */
@RestController
@Tag(name = "Orders tabs", description = "What the Report, Errors and Open tabs show")
class OrderTabsController {

  private final OrderPages pages;
  private final OrderTabs tabs;
  private final Tickets tickets;

  OrderTabsController(OrderPages pages, OrderTabs tabs, Tickets tickets) {
    this.pages = pages;
    this.tabs = tabs;
    this.tickets = tickets;
  }

  @Operation(summary = "Booked orders of a period (default this month), 50 a page, with totals")
  @GetMapping("/api/report")
  Map<String, Object> report(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page) {
    Integration i = pages.integration(auth, integration);
    OrderTabs.Report r = tabs.report(i, tabs.period(i, from, to), q, page);
    Map<String, Object> out = head(r.period(), r.page());
    out.put("counts", r.counts());
    out.put("bookedTotals", r.bookedTotals());
    out.put(
        "perDay",
        r.chart().days().stream()
            .map(d -> Map.of("day", d.day(), "booked", d.booked(), "failed", d.failed()))
            .toList());
    out.put(
        "orders",
        r.page().rows().stream()
            .map(
                b -> {
                  Map<String, Object> o = order(b.row());
                  o.put("exactLink", b.exactLink());
                  return o;
                })
            .toList());
    return out;
  }

  @Operation(summary = "Failed orders of a period, with code, message and resolution")
  @GetMapping("/api/errors")
  Map<String, Object> errors(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page) {
    Integration i = pages.integration(auth, integration);
    Period period = tabs.period(i, from, to);
    OrderTabs.Page<koppel.order.port.OrderQueries.OrderRow> p = tabs.errors(i, period, q, page);
    Map<String, Object> out = head(period, p);
    out.put("orders", p.rows().stream().map(OrderTabsController::order).toList());
    return out;
  }

  @Operation(summary = "Orders waiting, with the reason and when Koppel looks at them again")
  @GetMapping("/api/open")
  Map<String, Object> open(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page) {
    Integration i = pages.integration(auth, integration);
    OrderTabs.Page<OrderTabs.Waiting> p = tabs.open(i, q, page);
    Map<String, Object> out = head(null, p);
    out.put(
        "orders",
        p.rows().stream()
            .map(
                w -> {
                  Map<String, Object> o = order(w.row());
                  o.put("nextCheck", w.nextCheck());
                  return o;
                })
            .toList());
    return out;
  }

  @Operation(summary = "One order: its facts, history and what Exact answered word for word")
  @GetMapping("/api/orders/{shopOrderId}/details")
  Map<String, Object> details(
      Authentication auth,
      @PathVariable long shopOrderId,
      @RequestParam(required = false) UUID integration) {
    Integration i = pages.integration(auth, integration);
    OrderTabs.Details d =
        tabs.details(i, shopOrderId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown order"));
    Map<String, Object> out = order(d.row());
    out.put("exactLink", d.exactLink());
    out.put("answer", d.answer());
    out.put("history", d.history());
    return out;
  }

  /**
   * {@code {"shopOrderId": 48213, "note": "…"}} reports a problem with an order; {@code {"subject":
   * "…", "question": "…"}} asks a question.
   */
  record TicketRequest(Long shopOrderId, String note, String subject, String question) {}

  @Operation(summary = "Report a problem with an order, or ask a question; both e-mail support")
  @PostMapping("/api/tickets")
  ResponseEntity<Map<String, Object>> ticket(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestBody TicketRequest request) {
    Integration i = pages.integration(auth, integration);
    Ticket t;
    if (request.shopOrderId() != null) {
      t =
          tickets
              .reportProblem(i, request.shopOrderId(), request.note(), auth.getName())
              .orElseThrow(
                  () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown order"));
    } else {
      if (request.question() == null || request.question().isBlank()) {
        throw new IllegalArgumentException(
            "Say what you need: {\"question\": \"…\"} (or {\"shopOrderId\": 48213} for an order)");
      }
      t = tickets.ask(i, request.subject(), request.question(), auth.getName());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("number", t.number());
    out.put("subject", t.subject());
    out.put("createdAt", t.createdAt());
    return ResponseEntity.status(HttpStatus.CREATED).body(out);
  }

  private static Map<String, Object> head(Period period, OrderTabs.Page<?> p) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (period != null) {
      out.put("from", period.from());
      out.put("to", period.to());
    }
    out.put("total", p.total());
    out.put("page", p.page());
    out.put("pages", p.pages());
    out.put("size", OrderTabs.PAGE_SIZE);
    return out;
  }

  private static Map<String, Object> order(koppel.order.port.OrderQueries.OrderRow row) {
    var o = row.order();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("shopOrderId", o.key().shopOrderId());
    out.put("orderNumber", o.orderNumber());
    out.put("state", o.state());
    out.put("orderDate", o.orderCreatedAt());
    out.put("amount", o.totalIncl());
    out.put("currency", o.currency());
    out.put("customer", o.customerName());
    out.put("customerEmail", row.customerEmail());
    out.put("document", o.document());
    out.put("error", o.error());
    out.put("waitReason", row.waitReason());
    out.put("paymentStatus", o.paymentStatus());
    return out;
  }
}

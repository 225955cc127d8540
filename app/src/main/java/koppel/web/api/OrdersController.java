package koppel.web.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import koppel.jobs.OrderProcessing;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;
import koppel.order.port.EventLog;
import koppel.order.port.OrderQueries;
import koppel.order.port.OrderSync;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The merchant's orders (an operator names the integration), and Process. */
@RestController
@RequestMapping("/api/orders")
class OrdersController {

  private static final int MAX_PAGE = 1000;

  private final OrderQueries queries;
  private final EventLog events;
  private final Merchants merchants;
  private final OrderProcessing processing;

  OrdersController(
      OrderQueries queries, EventLog events, Merchants merchants, OrderProcessing processing) {
    this.queries = queries;
    this.events = events;
    this.merchants = merchants;
    this.processing = processing;
  }

  /**
   * One page of orders, newest first: {@code {"orders": [...], "total": 240, "page": 1, "size":
   * 100, "next": "/api/orders?page=2&size=100"}} ({@code next} is absent on the last page).
   */
  @GetMapping
  Map<String, Object> list(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) Set<SyncState> state,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) Integer limit) {
    UUID id = merchants.integrationOf(auth, integration);
    Set<SyncState> states =
        state == null || state.isEmpty() ? EnumSet.allOf(SyncState.class) : state;
    int pageSize =
        Math.min(Math.max(size != null ? size : limit != null ? limit : 100, 1), MAX_PAGE);
    int pageNumber = Math.max(page, 1);
    long total = queries.count(id, states);
    List<OrderSync> orders = queries.list(id, states, (pageNumber - 1) * pageSize, pageSize);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("orders", orders);
    out.put("total", total);
    out.put("page", pageNumber);
    out.put("size", pageSize);
    if ((long) pageNumber * pageSize < total) {
      List<String> query = new ArrayList<>();
      if (integration != null) {
        query.add("integration=" + integration);
      }
      if (state != null && !state.isEmpty()) {
        query.add(
            "state=" + state.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
      }
      query.add("page=" + (pageNumber + 1));
      query.add("size=" + pageSize);
      out.put("next", "/api/orders?" + String.join("&", query));
    }
    return out;
  }

  @GetMapping("/{shopOrderId}")
  Map<String, Object> one(
      Authentication auth,
      @PathVariable long shopOrderId,
      @RequestParam(required = false) UUID integration) {
    OrderKey key = new OrderKey(merchants.integrationOf(auth, integration), shopOrderId);
    OrderSync sync =
        queries
            .find(key)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown order"));
    return Map.of("order", sync, "history", events.history(key));
  }

  /**
   * Process: a FAILED or OPEN order is queued again (after the merchant fixed the cause); an order
   * already queued or being booked is brought forward. 200 with what happened, 409 for an order
   * that is booked or skipped, 404 for an unknown one.
   */
  @PostMapping("/{shopOrderId}/process")
  ResponseEntity<OrderProcessing.Outcome> process(
      Authentication auth,
      @PathVariable long shopOrderId,
      @RequestParam(required = false) UUID integration) {
    OrderProcessing.Outcome outcome =
        processing.process(
            new OrderKey(merchants.integrationOf(auth, integration), shopOrderId), auth.getName());
    return ResponseEntity.status(status(outcome)).body(outcome);
  }

  record Selection(List<Long> ids) {}

  /** Process for a selection: {@code {"ids": [48213, 48214]}}; one outcome per order. */
  @PostMapping("/process")
  List<OrderProcessing.Outcome> processSelection(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestBody Selection selection) {
    UUID id = merchants.integrationOf(auth, integration);
    if (selection == null || selection.ids() == null || selection.ids().isEmpty()) {
      throw new IllegalArgumentException("Name the orders to process: {\"ids\": [48213]}");
    }
    return selection.ids().stream()
        .distinct()
        .map(o -> processing.process(new OrderKey(id, o), auth.getName()))
        .toList();
  }

  private static HttpStatus status(OrderProcessing.Outcome outcome) {
    return switch (outcome.result()) {
      case QUEUED, ALREADY_QUEUED -> HttpStatus.OK;
      case NOT_PROCESSABLE -> HttpStatus.CONFLICT;
      case UNKNOWN -> HttpStatus.NOT_FOUND;
    };
  }
}

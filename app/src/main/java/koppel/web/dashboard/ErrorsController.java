package koppel.web.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.jobs.OrderProcessing;
import koppel.order.domain.OrderKey;
import koppel.tabs.OrderTabs;
import koppel.tabs.Period;
import koppel.tabs.Ticket;
import koppel.tabs.Tickets;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Errors tab: failed orders of a period with code, plain words and what to do; "More info" (an
 * order's page with its history and what Exact answered); Process for one order or a selection;
 * Report problem (a ticket to support).
 */
@Controller
class ErrorsController {

  private final OrderPages pages;
  private final OrderTabs tabs;
  private final OrderProcessing processing;
  private final Tickets tickets;

  ErrorsController(OrderPages pages, OrderTabs tabs, OrderProcessing processing, Tickets tickets) {
    this.pages = pages;
    this.tabs = tabs;
    this.processing = processing;
    this.tickets = tickets;
  }

  @GetMapping("/dashboard/errors")
  String errors(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    Integration i = pages.integration(auth, integration);
    Period period = from == null && to == null ? null : tabs.period(i, from, to);
    if (period == null) {
      // by default the errors of the last three months: an old failure must not hide
      LocalDate today = tabs.today(i);
      period = new Period(today.minusMonths(3).withDayOfMonth(1), today);
    }
    model.addAttribute("it", i);
    model.addAttribute("zone", i.zone());
    model.addAttribute("period", period);
    model.addAttribute("search", q == null ? "" : q.strip());
    model.addAttribute("errors", tabs.errors(i, period, q, page));
    return "dashboard/errors";
  }

  /** Process: {@code one} for the row's own button, else the ticked {@code ids}. */
  @PostMapping("/dashboard/errors/process")
  String process(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) Long one,
      @RequestParam(required = false) List<Long> ids,
      @RequestParam(required = false) String back,
      RedirectAttributes flash) {
    Integration i = pages.integration(auth, integration);
    Set<Long> chosen = new LinkedHashSet<>();
    if (one != null) {
      chosen.add(one);
    } else if (ids != null) {
      chosen.addAll(ids);
    }
    if (chosen.isEmpty()) {
      flash.addFlashAttribute("notice", "none");
      return redirect(back);
    }
    List<OrderProcessing.Outcome> outcomes = new ArrayList<>();
    for (Long id : chosen) {
      outcomes.add(processing.process(new OrderKey(i.id(), id), auth.getName()));
    }
    long queued =
        outcomes.stream()
            .filter(
                o ->
                    o.result() == OrderProcessing.Result.QUEUED
                        || o.result() == OrderProcessing.Result.ALREADY_QUEUED)
            .count();
    flash.addFlashAttribute("notice", "processed");
    flash.addFlashAttribute("queued", queued);
    flash.addFlashAttribute("refused", outcomes.size() - queued);
    return redirect(back);
  }

  @GetMapping("/dashboard/orders/{shopOrderId}")
  String details(
      Authentication auth,
      @PathVariable long shopOrderId,
      @RequestParam(required = false) UUID integration,
      Model model) {
    Integration i = pages.integration(auth, integration);
    model.addAttribute("it", i);
    model.addAttribute("zone", i.zone());
    model.addAttribute(
        "d",
        tabs.details(i, shopOrderId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown order")));
    return "dashboard/order";
  }

  @PostMapping("/dashboard/orders/{shopOrderId}/ticket")
  String reportProblem(
      Authentication auth,
      @PathVariable long shopOrderId,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) String note,
      RedirectAttributes flash) {
    Integration i = pages.integration(auth, integration);
    Ticket t =
        tickets
            .reportProblem(i, shopOrderId, note, auth.getName())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown order"));
    flash.addFlashAttribute("notice", "ticket");
    flash.addFlashAttribute("ticket", t.number());
    return "redirect:/dashboard/orders/" + shopOrderId;
  }

  /** Back to the page the form came from (a dashboard page only), else the Errors tab. */
  private static String redirect(String back) {
    if (back != null && back.startsWith("/dashboard/") && !back.startsWith("//")) {
      String path = UriComponentsBuilder.fromUriString(back).build().getPath();
      if (path != null && path.startsWith("/dashboard/") && !back.contains("\\")) {
        return "redirect:" + back;
      }
    }
    return "redirect:/dashboard/errors";
  }
}

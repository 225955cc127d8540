package koppel.web.dashboard;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.order.port.OrderSync;
import koppel.tabs.OrderTabs;
import koppel.tabs.Period;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Report tab: the orders booked in a period (this month by default, by the shop's order date),
 * searchable, 50 a page, with the period's totals, a chart per day and a CSV export.
 */
@Controller
class ReportController {

  private final OrderPages pages;
  private final OrderTabs tabs;
  private final MessageSource messages;

  ReportController(OrderPages pages, OrderTabs tabs, MessageSource messages) {
    this.pages = pages;
    this.tabs = tabs;
    this.messages = messages;
  }

  @GetMapping("/dashboard/report")
  String report(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    Integration i = pages.integration(auth, integration);
    Period period = tabs.period(i, from, to);
    model.addAttribute("it", i);
    model.addAttribute("zone", i.zone());
    model.addAttribute("report", tabs.report(i, period, q, page));
    return "dashboard/report";
  }

  /** The same filter as the page, every row: UTF-8 with BOM, ";" separated, amounts with a dot. */
  @GetMapping(value = "/dashboard/report.csv")
  ResponseEntity<byte[]> csv(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String q,
      Locale locale) {
    Integration i = pages.integration(auth, integration);
    Period period = tabs.period(i, from, to);
    StringBuilder csv = new StringBuilder("\uFEFF");
    row(
        csv,
        msg("orders.col.date", locale),
        msg("orders.col.number", locale),
        msg("orders.col.amount", locale),
        msg("orders.col.currency", locale),
        msg("orders.col.document", locale),
        msg("orders.col.documentNumber", locale),
        msg("orders.col.customer", locale),
        msg("orders.col.email", locale),
        msg("orders.col.link", locale));
    for (OrderTabs.Booked b : tabs.reportExport(i, period, q)) {
      OrderSync o = b.row().order();
      row(
          csv,
          o.orderCreatedAt() == null
              ? ""
              : o.orderCreatedAt().atZone(i.zone()).toLocalDate().toString(),
          o.orderNumber(),
          o.totalIncl() == null
              ? ""
              : o.totalIncl().setScale(2, RoundingMode.HALF_UP).toPlainString(),
          o.currency(),
          o.document() == null || o.document().mode() == null
              ? ""
              : msg("orders.doc." + o.document().mode().name(), locale),
          o.document() == null ? "" : o.document().number(),
          o.customerName(),
          b.row().customerEmail(),
          b.exactLink());
    }
    String name = "koppel-report-" + period.from() + "-" + period.to() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private static void row(StringBuilder csv, String... cells) {
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        csv.append(';');
      }
      csv.append(cell(cells[c]));
    }
    csv.append("\r\n");
  }

  /** A cell quoted when it must be; a leading =, +, - or @ is defused so Excel shows it as text. */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
      v = "'" + v;
    }
    if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}

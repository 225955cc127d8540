package koppel.web.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.jobs.ImportOrdersJob;
import koppel.jobs.OrderQueue;
import koppel.order.port.ImportJobs;
import koppel.web.Merchants;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Migration tab: import the orders of a past period, follow each import live (htmx polls its
 * card every second) and cancel it. Imported orders are queued behind the live ones.
 */
@Controller
class MigrationController {

  private final Merchants merchants;
  private final ImportOrdersJob imports;
  private final ImportJobs jobs;
  private final Clock clock;

  MigrationController(Merchants merchants, ImportOrdersJob imports, ImportJobs jobs, Clock clock) {
    this.merchants = merchants;
    this.imports = imports;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** One import as the page shows it. */
  record JobView(
      UUID id,
      LocalDate from,
      LocalDate to,
      String state,
      int seen,
      Integer total,
      int imported,
      int percent,
      String message) {

    public boolean running() {
      return "RUNNING".equals(state);
    }

    static JobView of(ImportJobs.ImportJob j, ZoneId zone) {
      int percent;
      if ("DONE".equals(j.state())) {
        percent = 100;
      } else if (j.total() == null || j.total() == 0) {
        percent = 0;
      } else {
        percent = (int) Math.min(100, Math.round(j.seen() * 100.0 / j.total()));
      }
      return new JobView(
          j.id(),
          j.createdFrom().atZone(zone).toLocalDate(),
          j.createdTo().atZone(zone).toLocalDate(),
          j.state(),
          j.seen(),
          j.total(),
          j.imported(),
          percent,
          j.message());
    }
  }

  @GetMapping("/dashboard/migration")
  String page(Authentication auth, Model model) {
    Integration integration = merchants.current(auth);
    LocalDate firstOfThisMonth =
        clock.instant().atZone(integration.zone()).toLocalDate().withDayOfMonth(1);
    fill(model, integration, firstOfThisMonth.minusMonths(1), firstOfThisMonth.minusDays(1));
    return "dashboard/migration";
  }

  @PostMapping("/dashboard/migration")
  String start(
      Authentication auth,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    Integration integration = merchants.current(auth);
    ZoneId zone = integration.zone();
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    Map<String, String> errors = new LinkedHashMap<>();
    if (from == null) {
      errors.put("from", "migration.error.from");
    }
    if (to == null) {
      errors.put("to", "migration.error.to");
    } else if (to.isAfter(today)) {
      errors.put("to", "migration.error.future");
    }
    if (from != null && to != null && from.isAfter(to)) {
      errors.put("to", "migration.error.order");
    }
    if (!errors.isEmpty()) {
      fill(model, integration, from, to);
      model.addAttribute("errors", errors);
      return "dashboard/migration";
    }
    imports.start(
        integration.id(),
        from.atStartOfDay(zone).toInstant(),
        to.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1));
    return "redirect:/dashboard/migration?started";
  }

  /** One import's card: polled every second by the page while the import runs. */
  @GetMapping("/dashboard/migration/jobs/{jobId}")
  String job(Authentication auth, @PathVariable UUID jobId, Model model) {
    model.addAttribute("job", view(auth, jobId));
    return "dashboard/migration :: job";
  }

  @PostMapping("/dashboard/migration/jobs/{jobId}/cancel")
  String cancel(
      Authentication auth,
      @PathVariable UUID jobId,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    view(auth, jobId);
    imports.cancel(jobId);
    if (htmx != null) {
      model.addAttribute("job", view(auth, jobId));
      return "dashboard/migration :: job";
    }
    return "redirect:/dashboard/migration";
  }

  /** The import, if it belongs to one of the merchant's integrations; else 404. */
  private JobView view(Authentication auth, UUID jobId) {
    ImportJobs.ImportJob job =
        jobs.find(jobId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown import"));
    UUID owner = merchants.integrationOf(auth, job.integrationId());
    Integration integration =
        merchants.integrations(auth).stream()
            .filter(i -> i.id().equals(owner))
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return JobView.of(job, integration.zone());
  }

  private void fill(Model model, Integration integration, LocalDate from, LocalDate to) {
    List<JobView> list =
        jobs.of(integration.id()).stream().map(j -> JobView.of(j, integration.zone())).toList();
    model.addAttribute("jobs", list);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("today", clock.instant().atZone(integration.zone()).toLocalDate());
    model.addAttribute("livePriority", OrderQueue.LIVE_PRIORITY);
    model.addAttribute("importPriority", OrderQueue.IMPORT_PRIORITY);
  }
}

package koppel.web.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import koppel.jobs.ImportOrdersJob;
import koppel.order.port.ImportJobs;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Historical imports ("migrations"): start one for a date range, follow its progress. */
@RestController
@RequestMapping("/api/imports")
class ImportsController {

  private static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Brussels");

  private final ImportOrdersJob imports;
  private final ImportJobs jobs;
  private final Merchants merchants;

  ImportsController(ImportOrdersJob imports, ImportJobs jobs, Merchants merchants) {
    this.imports = imports;
    this.jobs = jobs;
    this.merchants = merchants;
  }

  /** Both dates inclusive, as the merchant means them (shop time). */
  record NewImport(LocalDate from, LocalDate to) {}

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  ImportJobs.ImportJob start(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestBody NewImport r) {
    if (r == null || r.from() == null || r.to() == null) {
      throw new IllegalArgumentException(
          "Give the period as {\"from\":\"2026-01-01\",\"to\":\"2026-01-31\"}.");
    }
    return imports.start(
        merchants.integrationOf(auth, integration),
        r.from().atStartOfDay(SHOP_ZONE).toInstant(),
        r.to().plusDays(1).atStartOfDay(SHOP_ZONE).toInstant().minusSeconds(1));
  }

  @GetMapping("/{jobId}")
  ImportJobs.ImportJob one(Authentication auth, @PathVariable UUID jobId) {
    return owned(auth, jobId);
  }

  /** Stops reading further orders; the ones already read are still booked. */
  @PostMapping("/{jobId}/cancel")
  ImportJobs.ImportJob cancel(Authentication auth, @PathVariable UUID jobId) {
    owned(auth, jobId);
    imports.cancel(jobId);
    return owned(auth, jobId);
  }

  /** The import, when it belongs to one of the caller's integrations; else 404. */
  private ImportJobs.ImportJob owned(Authentication auth, UUID jobId) {
    ImportJobs.ImportJob job =
        jobs.find(jobId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown import"));
    merchants.integrationOf(auth, job.integrationId());
    return job;
  }

  @GetMapping
  List<ImportJobs.ImportJob> list(
      Authentication auth, @RequestParam(required = false) UUID integration) {
    return jobs.of(merchants.integrationOf(auth, integration));
  }
}

package koppel.order.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Historical imports ("migrations"): a date range fetched page by page, resumable. */
public interface ImportJobs {

  void create(ImportJob job);

  Optional<ImportJob> find(UUID id);

  List<ImportJob> of(UUID integrationId);

  /** Saves the progress after a page: where to continue, and the counts so far. */
  void progress(
      UUID id, Instant cursor, int page, int seen, int imported, Integer total, Instant now);

  /** A running import ends as DONE or FAILED (an import cancelled meanwhile stays CANCELLED). */
  void finish(UUID id, String state, String message, Instant now);

  /** A running import is CANCELLED: no further page is read; true when it was running. */
  boolean cancel(UUID id, String message, Instant now);

  record ImportJob(
      UUID id,
      UUID integrationId,
      Instant createdFrom,
      Instant createdTo,
      String state,
      Instant cursor,
      int page,
      int seen,
      int imported,
      Integer total,
      String message,
      Instant createdAt,
      Instant updatedAt) {}
}

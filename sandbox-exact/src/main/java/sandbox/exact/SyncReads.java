package sandbox.exact;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Exact's sync reads (reference §8.1, §8.2): {@code sync/CRM/Accounts}, {@code sync/CRM/Addresses},
 * {@code sync/Logistics/Items} and {@code sync/Deleted}. Only {@code $filter=Timestamp gt N} is
 * accepted, rows come in Timestamp order, 1,000 a page, with a {@code __next} link that repeats the
 * query and adds {@code $skiptoken=<timestamp>L} — also after an exactly full last page, whose next
 * page is then empty, as Exact does. The bulk reads ({@code bulk/...}, §8.3) map to their entity
 * here and are served by the normal GET with a page of 1,000.
 */
@Component
class SyncReads {

  /** Page size of the sync and bulk endpoints (reference §1.7). */
  static final int PAGE_SIZE = 1000;

  static final Map<String, String> SYNC =
      Map.of(
          "sync/CRM/Accounts", "crm/Accounts",
          "sync/CRM/Addresses", "crm/Addresses",
          "sync/Logistics/Items", "logistics/Items");

  static final Map<String, String> BULK =
      Map.of(
          "bulk/CRM/Accounts", "crm/Accounts",
          "bulk/CRM/Addresses", "crm/Addresses",
          "bulk/Logistics/Items", "logistics/Items");

  static final String DELETED = "sync/Deleted";

  static final String SYNC_TIMESTAMP = "read/sync/Sync/SyncTimestamp";

  /** The endPoint values of SyncTimestamp the sandbox knows, and their entity. */
  static final Map<String, String> SYNC_TIMESTAMP_ENDPOINTS =
      Map.of("Accounts", "crm/Accounts", "Addresses", "crm/Addresses", "Items", "logistics/Items");

  private static final Pattern QUOTED = Pattern.compile("\\s*'([^']*)'\\s*");
  private static final Pattern DATETIME =
      Pattern.compile("\\s*datetime'(\\d{4}-\\d{2}-\\d{2}(?:T[0-9:.]+)?)'\\s*");

  static final String FILTER_NOT_SUPPORTED =
      "This $filter parameter is not supported for this resource";

  static final String SELECT_MANDATORY = "It is mandatory to provide the $select query option.";

  private static final Pattern TIMESTAMP_GT =
      Pattern.compile("\\s*Timestamp\\s+gt\\s+(\\d{1,18})L?\\s*");
  private static final Pattern SKIP_TOKEN = Pattern.compile("(\\d{1,18})L?");

  /** sync/Deleted's fields (reference §8.2); ID is the log entry's own key. */
  static final EntityCatalog.Entity DELETED_ENTITY =
      new EntityCatalog.Entity(
          DELETED,
          List.of("GET"),
          fields(
              new EntityCatalog.Field("Timestamp", "long", true, false, true),
              new EntityCatalog.Field("DeletedBy", "guid", false, false, true),
              new EntityCatalog.Field("DeletedDate", "dt", false, false, true),
              new EntityCatalog.Field("Division", "int", false, false, true),
              new EntityCatalog.Field("EntityKey", "guid", false, false, true),
              new EntityCatalog.Field("EntityType", "int", false, false, true),
              new EntityCatalog.Field("ID", "guid", false, false, true)));

  private final EntityCatalog catalog;
  private final DivisionStore store;

  SyncReads(EntityCatalog catalog, DivisionStore store) {
    this.catalog = catalog;
    this.store = store;
  }

  static boolean isSync(String path) {
    return SYNC.containsKey(path) || path.equals(DELETED);
  }

  /**
   * The sync entity: the entity's fields with {@code Timestamp} as the key (the sync feeds are
   * keyed by their row version), so __metadata reads {@code sync/CRM/Accounts(123L)}.
   */
  private EntityCatalog.Entity entity(String path) {
    if (path.equals(DELETED)) {
      return DELETED_ENTITY;
    }
    EntityCatalog.Entity base = catalog.get(SYNC.get(path));
    Map<String, EntityCatalog.Field> fields = new LinkedHashMap<>();
    for (EntityCatalog.Field f : base.fields().values()) {
      boolean key = f.name().equals("Timestamp");
      fields.put(f.name(), new EntityCatalog.Field(f.name(), f.type(), key, false, true));
    }
    return new EntityCatalog.Entity(path, List.of("GET"), fields);
  }

  /** One page of a sync feed. */
  Object get(
      HttpServletRequest request,
      Division d,
      String path,
      String entityUrl,
      boolean requireSelect) {
    if (request.getParameter("$skip") != null) {
      throw new ApiError(400, "$skip is not supported on this resource; use the __next link.");
    }
    String filter = request.getParameter("$filter");
    if (filter == null || filter.isBlank()) {
      throw new ApiError(
          400,
          "This endpoint has mandatory filtering applied. A GET request for this endpoint must have"
              + " a $filter parameter with one of the following fields in the url:Timestamp");
    }
    Matcher gt = TIMESTAMP_GT.matcher(filter);
    if (!gt.matches()) {
      throw new ApiError(400, FILTER_NOT_SUPPORTED);
    }
    long after = Long.parseLong(gt.group(1));
    String select = request.getParameter("$select");
    if (requireSelect && (select == null || select.isBlank())) {
      throw new ApiError(400, SELECT_MANDATORY);
    }
    if (request.getParameter("$expand") != null) {
      throw new ApiError(400, "$expand is not supported on this resource.");
    }
    String skipToken = request.getParameter("$skiptoken");
    if (skipToken != null) {
      Matcher t = SKIP_TOKEN.matcher(skipToken.trim());
      if (!t.matches()) {
        throw new ApiError(400, "Error in query syntax: invalid $skiptoken.");
      }
      after = Math.max(after, Long.parseLong(t.group(1)));
    }
    EntityCatalog.Entity entity = entity(path);
    Projection projection = Projection.parse(catalog, entity, select, null);
    long from = after;
    List<Map<String, Object>> page;
    synchronized (store.lock()) {
      List<Map<String, Object>> rows =
          path.equals(DELETED) ? new ArrayList<>(d.deleted()) : d.rows(SYNC.get(path));
      page =
          rows.stream()
              .filter(r -> r.get("Timestamp") instanceof Long ts && ts > from)
              .sorted(Comparator.comparing(r -> (Long) r.get("Timestamp")))
              .limit(PAGE_SIZE)
              .map(r -> (Map<String, Object>) new LinkedHashMap<>(r))
              .toList();
    }
    List<Object> results = new ArrayList<>();
    for (Map<String, Object> row : page) {
      Map<String, Object> rendered =
          Rendering.render(entity, row, projection.select, null, entityUrl);
      // Int64 keys read (123L) in __metadata, as Exact's Int64-keyed feeds do
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = (Map<String, Object>) rendered.get("__metadata");
      rendered.put(
          "__metadata",
          Map.of("uri", entityUrl + "(" + row.get("Timestamp") + "L)", "type", meta.get("type")));
      results.add(rendered);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("results", results);
    if (page.size() == PAGE_SIZE) {
      // a full page always gets a next link, even when nothing follows (reference §1.7)
      long last = (Long) page.get(page.size() - 1).get("Timestamp");
      body.put("__next", entityUrl + "?" + nextQuery(request, last + "L"));
    }
    return Map.of("d", body);
  }

  /**
   * {@code read/sync/Sync/SyncTimestamp?modified=datetime'…'&endPoint='Accounts'} (reference §8.1):
   * a Timestamp to start a sync from so that it returns the rows modified on or after the date —
   * the newest version given out before the first such row (the division's latest when none).
   */
  Object syncTimestamp(HttpServletRequest request, Division d, String entityUrl) {
    String modified = request.getParameter("modified");
    String endPoint = request.getParameter("endPoint");
    if (modified == null || endPoint == null) {
      throw new ApiError(400, "The parameters modified and endPoint are required.");
    }
    Matcher date = DATETIME.matcher(modified);
    Matcher name = QUOTED.matcher(endPoint);
    if (!date.matches()) {
      throw new ApiError(400, "Error in query syntax: modified=" + modified);
    }
    String entity = name.matches() ? SYNC_TIMESTAMP_ENDPOINTS.get(name.group(1)) : null;
    if (entity == null) {
      throw new ApiError(400, "Invalid endPoint: " + endPoint);
    }
    String text = date.group(1);
    java.time.LocalDateTime since =
        text.contains("T")
            ? java.time.LocalDateTime.parse(text)
            : java.time.LocalDate.parse(text).atStartOfDay();
    long timestamp;
    synchronized (store.lock()) {
      timestamp =
          d.rows(entity).stream()
                  .filter(
                      r ->
                          r.get("Modified") instanceof java.time.LocalDateTime m
                              && !m.isBefore(since))
                  .mapToLong(r -> (Long) r.get("Timestamp"))
                  .min()
                  .orElse(d.timestamp + 1)
              - 1;
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(
        "__metadata", Map.of("uri", entityUrl, "type", "Exact.Web.Api.Models.Sync.SyncTimestamp"));
    row.put("TimeStampAsBigInt", timestamp);
    return Map.of("d", Map.of("results", List.of(row)));
  }

  /** The query of the next page: every parameter but $skiptoken repeated, then the new token. */
  static String nextQuery(HttpServletRequest request, String token) {
    StringBuilder q = new StringBuilder();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (name.equals("$skiptoken")) {
                return;
              }
              for (String v : values) {
                q.append(q.isEmpty() ? "" : "&")
                    .append(name)
                    .append('=')
                    .append(UriUtils.encodeQueryParam(v, StandardCharsets.UTF_8));
              }
            });
    return q
        + (q.isEmpty() ? "" : "&")
        + "$skiptoken="
        + UriUtils.encodeQueryParam(token, StandardCharsets.UTF_8);
  }

  private static Map<String, EntityCatalog.Field> fields(EntityCatalog.Field... fields) {
    Map<String, EntityCatalog.Field> out = new LinkedHashMap<>();
    for (EntityCatalog.Field f : fields) {
      out.put(f.name(), f);
    }
    return out;
  }
}

package sandbox.exact;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exact's REST API: {@code /api/v1/current/Me} and {@code /api/v1/{division}/{service}/{Entity}}
 * with OData queries, paging by {@code __next}, deep inserts, rate limits and Exact's errors.
 */
@RestController
class ApiController {

  private static final Pattern ENTITY_PATH =
      Pattern.compile(
          "/api/v1/(\\d+)/([A-Za-z]+/[A-Za-z]+)(?:\\(([^)]*)\\))?(?:/([A-Za-z]+))?(/\\$count)?/?");

  /** The sync and bulk reads: three segments, or sync/Deleted; same groups as ENTITY_PATH. */
  private static final Pattern SYNC_PATH =
      Pattern.compile(
          "/api/v1/(\\d+)/((?:sync|bulk)/[A-Za-z]+/[A-Za-z]+|sync/Deleted|read/sync/Sync/SyncTimestamp)"
              + "(?:\\(([^)]*)\\))?(?:/([A-Za-z]+))?(/\\$count)?/?");

  private static final Pattern DIVISION_PATH = Pattern.compile("/api/v1/(\\d+)/([^?]*)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EntityCatalog catalog;
  private final DivisionStore store;
  private final OAuthServer oauth;
  private final RateLimiter limiter;
  private final ErrorBudget errorBudget;
  private final Faults faults;
  private final CallCounters counters;
  private final Writes writes;
  private final ExactSandboxProperties props;
  private final Behaviour behaviour;
  private final RequestLog requestLog;
  private final SyncReads syncReads;

  ApiController(
      EntityCatalog catalog,
      DivisionStore store,
      OAuthServer oauth,
      RateLimiter limiter,
      ErrorBudget errorBudget,
      Faults faults,
      CallCounters counters,
      Writes writes,
      ExactSandboxProperties props,
      Behaviour behaviour,
      RequestLog requestLog,
      SyncReads syncReads) {
    this.catalog = catalog;
    this.store = store;
    this.oauth = oauth;
    this.limiter = limiter;
    this.errorBudget = errorBudget;
    this.faults = faults;
    this.counters = counters;
    this.writes = writes;
    this.props = props;
    this.behaviour = behaviour;
    this.requestLog = requestLog;
    this.syncReads = syncReads;
  }

  @RequestMapping("/api/v1/current/Me")
  ResponseEntity<Object> me(HttpServletRequest request) {
    OAuthServer.Session session;
    try {
      session = authenticate(request);
    } catch (ApiError e) {
      return error(e, new HttpHeaders());
    }
    OAuthServer.User user = oauth.user(session.username()).orElseThrow();
    try {
      List<Object> results =
          system(
              request,
              catalog.get("current/Me"),
              List.of(meRow(user)),
              base(request) + "/api/v1/current/Me");
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("d", Map.of("results", results)));
    } catch (ApiError e) {
      return error(e, new HttpHeaders());
    } catch (ODataFilter.FilterException e) {
      return error(new ApiError(400, e.getMessage()), new HttpHeaders());
    }
  }

  /**
   * Every field of current/Me: what the sandbox knows of the user and the current division (first
   * of the user's divisions), null for the rest.
   */
  private Map<String, Object> meRow(OAuthServer.User user) {
    Integer current = user.divisions().isEmpty() ? null : user.divisions().get(0);
    Division d = current == null ? null : store.find(current).orElse(null);
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("UserID", userId(user));
    me.put("AccountingDivision", current);
    me.put("CurrentDivision", current);
    if (d != null) {
      me.put("DivisionCustomer", divisionCustomer(d));
      me.put("DivisionCustomerCode", divisionCustomerCode(d));
      me.put("DivisionCustomerName", d.description);
      me.put("DivisionCustomerVatNumber", d.vatNumber);
      me.put("Legislation", legislationNumber(d.legislation));
    }
    me.put("Email", user.email());
    String fullName = user.fullName() == null ? "" : user.fullName().trim();
    int space = fullName.indexOf(' ');
    if (space > 0) {
      me.put("FirstName", fullName.substring(0, space));
      me.put("LastName", fullName.substring(fullName.lastIndexOf(' ') + 1));
    } else if (!fullName.isEmpty()) {
      me.put("FirstName", fullName);
    }
    me.put("FullName", user.fullName());
    for (String flag :
        List.of(
            "IsClientUser",
            "IsEmployeeSelfServiceUser",
            "IsMyFirmLiteUser",
            "IsMyFirmPortalUser",
            "IsOEIMigrationMandatory",
            "IsStarterUser")) {
      me.put(flag, false);
    }
    me.put("Language", "NL");
    me.put("LanguageCode", "nl-NL");
    me.put("PackageCode", PACKAGE_CODE);
    me.put("ServerTime", Rendering.value(store.now()));
    me.put(
        "ServerUtcOffset",
        (double)
            DivisionStore.EXACT_ZONE
                .getRules()
                .getOffset(store.now().atZone(DivisionStore.EXACT_ZONE).toInstant())
                .getTotalSeconds());
    me.put("UserName", user.username());
    return me;
  }

  /** The licence package the sandbox reports in current/Me (a sandbox value). */
  static final String PACKAGE_CODE = "SANDBOX";

  private static UUID userId(OAuthServer.User user) {
    return UUID.nameUUIDFromBytes(user.username().getBytes(StandardCharsets.UTF_8));
  }

  /** The account that owns the division (the licence holder): a stable GUID per division. */
  private static UUID divisionCustomer(Division d) {
    return UUID.nameUUIDFromBytes(("division-customer:" + d.code).getBytes(StandardCharsets.UTF_8));
  }

  private static String divisionCustomerCode(Division d) {
    return String.format("%18s", d.code);
  }

  /** Legislation as a number in current/Me (sandbox convention: NL 1, BE 32; UNCONFIRMED). */
  static Long legislationNumber(String legislation) {
    if (legislation == null) {
      return null;
    }
    return switch (legislation) {
      case "NL" -> 1L;
      case "BE" -> 32L;
      default -> null;
    };
  }

  /** Filter, $select (checked) and rendering for current/Me and system/Divisions. */
  private List<Object> system(
      HttpServletRequest request,
      EntityCatalog.Entity entity,
      List<Map<String, Object>> rows,
      String entityUrl) {
    if (request.getParameter("$skip") != null) {
      throw new ApiError(400, "$skip is not supported on this resource; use the __next link.");
    }
    Projection projection =
        Projection.parse(
            catalog, entity, request.getParameter("$select"), request.getParameter("$expand"));
    String filter = request.getParameter("$filter");
    if (filter != null && !filter.isBlank()) {
      Behaviour.Values b = behaviour.values();
      rows =
          rows.stream()
              .filter(
                  ODataFilter.parse(
                          filter, entity, b.caseInsensitiveStrings(), props.substringFunctions())
                      .predicate())
              .toList();
    }
    List<Object> results = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      results.add(Rendering.render(entity, row, projection.select, null, entityUrl));
    }
    return results;
  }

  @RequestMapping("/api/v1/{division}/**")
  ResponseEntity<Object> entity(
      HttpServletRequest request, @RequestBody(required = false) String body) {
    String uri = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    RequestLog.Entry logged = null;
    Matcher division = DIVISION_PATH.matcher(uri);
    if (RequestLog.isWrite(method) && division.matches()) {
      Matcher m = route(uri);
      String path = m.matches() ? m.group(2) : division.group(2);
      String key = m.matches() ? m.group(3) : null;
      try {
        logged =
            requestLog.record(
                Integer.parseInt(division.group(1)),
                method,
                path,
                key,
                uri,
                request.getQueryString(),
                body);
      } catch (NumberFormatException tooLong) {
        // not a division number Exact could have: not logged
      }
    }
    int status = 500;
    try {
      ResponseEntity<Object> answer = entity(request, body, uri, method);
      status = answer.getStatusCode().value();
      return answer;
    } finally {
      if (logged != null) {
        requestLog.complete(logged, status);
      }
    }
  }

  private ResponseEntity<Object> entity(
      HttpServletRequest request, String body, String uri, String method) {
    Matcher m = route(uri);
    HttpHeaders headers = new HttpHeaders();
    OAuthServer.Session session;
    try {
      session = authenticate(request);
    } catch (ApiError e) {
      // an expired token still names its app and user: Exact counts these 401s toward the
      // hourly error budget too (reference §2.4, §3.1)
      if (m.matches()) {
        oauth
            .owner(bearer(request))
            .ifPresent(
                o ->
                    errorBudget.record(
                        o.clientId(), o.username(), Integer.parseInt(m.group(1)), m.group(2)));
      }
      return error(e, headers);
    }
    if (!m.matches()) {
      return error(new ApiError(404, "Resource not found for the segment '" + uri + "'."), headers);
    }
    int division = Integer.parseInt(m.group(1));
    String path = m.group(2);
    String endpoint = path;
    String key = m.group(3);
    String navigation = m.group(4);
    boolean count = m.group(5) != null;
    if (errorBudget.blocked(session.clientId(), session.username(), division, endpoint)) {
      return error(
          new ApiError(
              props.errorBlockStatus(),
              "API rate limit exceeded: too many errors on this endpoint; blocked for a while"),
          headers);
    }
    Optional<Faults.Fault> fault = faults.take(method, path);
    boolean force429 = fault.map(f -> f.kind() == Faults.Kind.FORCE_429).orElse(false);
    RateLimiter.Verdict verdict = limiter.hit(session.clientId(), division, force429);
    verdict.headers().forEach(headers::add);
    if (!verdict.allowed()) {
      return ResponseEntity.status(429)
          .headers(headers)
          .contentType(MediaType.APPLICATION_JSON)
          .body(envelope("API rate limit exceeded"));
    }
    counters.count(division, method, path);
    try {
      ResponseEntity<Object> answer =
          handle(
              request,
              session,
              division,
              path,
              key,
              navigation,
              count,
              method,
              body,
              fault,
              headers);
      if (fault.isPresent()
          && (fault.get().kind() == Faults.Kind.FAIL_AFTER_STORE
              || fault.get().kind() == Faults.Kind.TIMEOUT_AFTER_STORE)
          && answer.getStatusCode().is2xxSuccessful()) {
        // outside the store lock: a slow answer must not hold up other callers
        return afterStoreFault(fault.get(), headers);
      }
      return answer;
    } catch (ApiError e) {
      if (e.countsAsError()) {
        errorBudget.record(session.clientId(), session.username(), division, endpoint);
      }
      return error(e, headers);
    } catch (Writes.ValidationFailed e) {
      ApiError validation = ApiError.validation(props.validationStatus(), e.messages);
      if (validation.countsAsError()) {
        // with the status knob at 400, validation errors count like any other 400
        errorBudget.record(session.clientId(), session.username(), division, endpoint);
      }
      return error(validation, headers);
    } catch (ODataFilter.FilterException e) {
      errorBudget.record(session.clientId(), session.username(), division, endpoint);
      return error(new ApiError(400, e.getMessage()), headers);
    } catch (BeforeStore e) {
      return html500(headers);
    }
  }

  private ResponseEntity<Object> handle(
      HttpServletRequest request,
      OAuthServer.Session session,
      int division,
      String path,
      String key,
      String navigation,
      boolean count,
      String method,
      String body,
      Optional<Faults.Fault> fault,
      HttpHeaders headers) {
    if (fault.isPresent() && fault.get().kind() == Faults.Kind.FAIL_BEFORE_STORE) {
      // Exact's gateway: nothing reaches the application
      throw new BeforeStore();
    }
    if (path.equals("system/Divisions")) {
      return divisions(request, session, division, headers);
    }
    Division d = accessible(session, division);
    if (SyncReads.isSync(path)
        || SyncReads.BULK.containsKey(path)
        || path.equals(SyncReads.SYNC_TIMESTAMP)) {
      return syncOrBulk(request, d, path, key, navigation, count, method, headers);
    }
    if (path.equals("salesinvoice/PrintedSalesInvoices") && method.equals("POST")) {
      return printed(d, body, headers);
    }
    EntityCatalog.Entity entity =
        catalog
            .find(path)
            .filter(e -> !path.startsWith("current/") && !path.startsWith("system/"))
            .orElseThrow(
                () ->
                    new ApiError(
                        404,
                        "Resource not found for the segment '"
                            + path.substring(path.indexOf('/') + 1)
                            + "'."));
    if (!entity.allows(method)) {
      throw new ApiError(405, "The HTTP method '" + method + "' is not allowed on '" + path + "'.");
    }
    if (navigation != null && !method.equals("GET")) {
      throw new ApiError(
          405, "The HTTP method '" + method + "' is not allowed on '" + navigation + "'.");
    }
    String entityUrl = base(request) + "/api/v1/" + division + "/" + path;
    Behaviour.Values b = behaviour.values();
    synchronized (store.lock()) {
      switch (method) {
        case "GET" -> {
          return ResponseEntity.ok()
              .headers(headers)
              .contentType(count ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON)
              .body(get(request, d, entity, key, navigation, count, entityUrl, b));
        }
        case "POST" -> {
          if (key != null) {
            throw new ApiError(400, "POST is not allowed on a single entity.");
          }
          Projection projection =
              Projection.parse(
                  catalog,
                  entity,
                  request.getParameter("$select"),
                  request.getParameter("$expand"));
          Map<String, Object> row = writes.create(d, entity, parse(body), b);
          return ResponseEntity.status(201)
              .headers(headers)
              .contentType(MediaType.APPLICATION_JSON)
              .body(Map.of("d", representation(request, d, entity, row, entityUrl, projection)));
        }
        case "PUT" -> {
          update(d, entity, keyOf(entity, key), parse(body));
          return ResponseEntity.noContent().headers(headers).build();
        }
        case "DELETE" -> {
          UUID id = keyOf(entity, key);
          OAuthServer.User user = oauth.user(session.username()).orElseThrow();
          if (!store.delete(d, entity.path(), id, userId(user))) {
            throw notFound(entity);
          }
          return ResponseEntity.noContent().headers(headers).build();
        }
        default -> throw new ApiError(405, "Method not allowed");
      }
    }
  }

  /** The path matcher: the sync and bulk reads first, then service/Entity. */
  private static Matcher route(String uri) {
    Matcher sync = SYNC_PATH.matcher(uri);
    return sync.matches() ? sync : ENTITY_PATH.matcher(uri);
  }

  /**
   * sync/… and bulk/… (reference §8): GET only, no key, page size 1000. Bulk requires $select and
   * applies the entity's mandatory filtering; sync accepts only {@code Timestamp gt N}.
   */
  private ResponseEntity<Object> syncOrBulk(
      HttpServletRequest request,
      Division d,
      String path,
      String key,
      String navigation,
      boolean count,
      String method,
      HttpHeaders headers) {
    if (!method.equals("GET")) {
      throw new ApiError(405, "The HTTP method '" + method + "' is not allowed on '" + path + "'.");
    }
    if (key != null || navigation != null || count) {
      throw new ApiError(
          404,
          "Resource not found for the segment '" + path.substring(path.indexOf('/') + 1) + "'.");
    }
    String url = base(request) + "/api/v1/" + d.code + "/" + path;
    Behaviour.Values b = behaviour.values();
    Object body;
    if (path.equals(SyncReads.SYNC_TIMESTAMP)) {
      body = syncReads.syncTimestamp(request, d, url);
    } else if (SyncReads.isSync(path)) {
      body = syncReads.get(request, d, path, url, b.syncRequiresSelect());
    } else {
      String select = request.getParameter("$select");
      if (select == null || select.isBlank()) {
        throw new ApiError(400, SyncReads.SELECT_MANDATORY);
      }
      EntityCatalog.Entity entity = catalog.get(SyncReads.BULK.get(path));
      synchronized (store.lock()) {
        body =
            get(
                request,
                d,
                entity,
                null,
                request.getParameter("$filter"),
                false,
                url,
                b,
                d.rows(entity.path()),
                false,
                SyncReads.PAGE_SIZE);
      }
    }
    return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /** A FAIL_BEFORE_STORE fault: answered with the gateway's HTML 500. */
  private static final class BeforeStore extends RuntimeException {
    BeforeStore() {
      super(null, null, false, false);
    }
  }

  /** Exact's (WCF Data Services') 404 for a key that does not exist. */
  private static ApiError notFound(EntityCatalog.Entity entity) {
    return new ApiError(404, "Resource not found for the segment '" + entity.name() + "'.");
  }

  private Object get(
      HttpServletRequest request,
      Division d,
      EntityCatalog.Entity entity,
      String key,
      String navigation,
      boolean count,
      String entityUrl,
      Behaviour.Values b) {
    if (request.getParameter("$skip") != null) {
      throw new ApiError(400, "$skip is not supported on this resource; use the __next link.");
    }
    String filter = request.getParameter("$filter");
    List<Map<String, Object>> rows;
    if (key != null) {
      Map<String, Object> row = d.row(entity.path(), keyOf(entity, key));
      if (row == null) {
        throw notFound(entity);
      }
      if (navigation != null) {
        // the __deferred link of a line collection: the document's lines
        EntityCatalog.Field nav = entity.fields().get(navigation);
        if (nav == null || !nav.type().equals("lines")) {
          throw new ApiError(404, "Resource not found for the segment '" + navigation + "'.");
        }
        Object parentId = row.get(entity.key().name());
        EntityCatalog.Entity lines =
            Projection.lineEntity(catalog, entity, navigation).orElse(null);
        if (lines == null) {
          return Map.of("d", Map.of("results", List.of()));
        }
        List<Map<String, Object>> ofParent =
            d.rows(lines.path()).stream()
                .filter(l -> parentId.equals(l.get(entity.key().name())))
                .toList();
        return get(
            request,
            d,
            lines,
            null,
            null,
            count,
            base(request) + "/api/v1/" + d.code + "/" + lines.path(),
            b,
            ofParent,
            true,
            props.pageSize());
      }
      rows = List.of(row);
    } else {
      rows = d.rows(entity.path());
    }
    return get(
        request, d, entity, key, filter, count, entityUrl, b, rows, key != null, props.pageSize());
  }

  private Object get(
      HttpServletRequest request,
      Division d,
      EntityCatalog.Entity entity,
      String key,
      String filter,
      boolean count,
      String entityUrl,
      Behaviour.Values b,
      List<Map<String, Object>> rows,
      boolean keyed,
      int pageSize) {
    Projection projection =
        Projection.parse(
            catalog, entity, request.getParameter("$select"), request.getParameter("$expand"));
    Set<String> filterFields = Set.of();
    if (!keyed && filter != null && !filter.isBlank()) {
      ODataFilter.Parsed parsed =
          ODataFilter.parse(filter, entity, b.caseInsensitiveStrings(), props.substringFunctions());
      filterFields = parsed.fields();
      rows = rows.stream().filter(parsed.predicate()).toList();
    }
    List<String> mandatory = props.mandatoryFilterFields().get(entity.path());
    if (mandatory != null && !keyed && filterFields.stream().noneMatch(mandatory::contains)) {
      throw new ApiError(
          400,
          "This endpoint has mandatory filtering applied. A GET request for"
              + " this endpoint must have a $filter parameter with one of the following fields in"
              + " the url:"
              + String.join(",", mandatory));
    }
    if (count) {
      return Integer.toString(rows.size());
    }
    rows = new ArrayList<>(rows);
    String orderBy = request.getParameter("$orderby");
    if (orderBy != null && !orderBy.isBlank()) {
      rows.sort(order(entity, orderBy));
    } else {
      rows.sort(Comparator.comparing(r -> String.valueOf(r.get(entity.key().name()))));
    }
    String skipToken = request.getParameter("$skiptoken");
    if (skipToken != null) {
      String after = skipToken.replaceFirst("(?i)^guid'(.*)'$", "$1").replaceFirst("L$", "");
      String keyName = entity.key().name();
      rows =
          rows.stream()
              .filter(r -> String.valueOf(r.get(keyName)).compareTo(after) > 0)
              .collect(Collectors.toCollection(ArrayList::new));
    }
    int top = parseTop(request.getParameter("$top"));
    int limit = Math.min(top, pageSize);
    List<Map<String, Object>> page = rows.subList(0, Math.min(limit, rows.size()));
    List<Object> results = new ArrayList<>();
    for (Map<String, Object> row : page) {
      results.add(
          Rendering.render(
              entity, row, projection.select, expanded(d, entity, row, projection), entityUrl));
    }
    Map<String, Object> dBody = new LinkedHashMap<>();
    dBody.put("results", results);
    if ("allpages".equals(request.getParameter("$inlinecount"))) {
      dBody.put("__count", rows.size());
    }
    boolean more = top > pageSize && page.size() == pageSize;
    if (more && !page.isEmpty()) {
      Object last = page.get(page.size() - 1).get(entity.key().name());
      String token = last instanceof UUID ? "guid'" + last + "'" : last + "L";
      dBody.put("__next", entityUrl + "?" + SyncReads.nextQuery(request, token));
    }
    return Map.of("d", dBody);
  }

  private Map<String, List<Map<String, Object>>> expanded(
      Division d, EntityCatalog.Entity entity, Map<String, Object> row, Projection projection) {
    if (projection.expand.isEmpty()) {
      return null;
    }
    Map<String, List<Map<String, Object>>> out = new HashMap<>();
    for (String collection : projection.expand) {
      Optional<EntityCatalog.Entity> lineEntity =
          Projection.lineEntity(catalog, entity, collection);
      List<Map<String, Object>> lines = new ArrayList<>();
      if (lineEntity.isPresent()) {
        Object parentId = row.get(entity.key().name());
        for (Map<String, Object> line : d.rows(lineEntity.get().path())) {
          if (parentId.equals(line.get(entity.key().name()))) {
            lines.add(
                Rendering.render(
                    lineEntity.get(),
                    line,
                    projection.lineSelect(collection),
                    null,
                    "/api/v1/" + d.code + "/" + lineEntity.get().path()));
          }
        }
      }
      out.put(collection, lines);
    }
    return out;
  }

  /**
   * The 201 answer: with {@code Prefer: return=representation} the stored record, its line
   * collections deferred unless {@code $expand} names them; without it only the key.
   */
  private Object representation(
      HttpServletRequest request,
      Division d,
      EntityCatalog.Entity entity,
      Map<String, Object> row,
      String entityUrl,
      Projection projection) {
    String prefer = request.getHeader("Prefer");
    if (prefer == null || !prefer.contains("return=representation")) {
      Map<String, Object> keyOnly = new LinkedHashMap<>();
      entity.fields().keySet().forEach(f -> keyOnly.put(f, null));
      keyOnly.put(entity.key().name(), row.get(entity.key().name()));
      return Rendering.render(entity, keyOnly, null, null, entityUrl);
    }
    return Rendering.render(
        entity, row, projection.select, expanded(d, entity, row, projection), entityUrl);
  }

  private void update(Division d, EntityCatalog.Entity entity, UUID id, JsonNode body) {
    Map<String, Object> row = d.row(entity.path(), id);
    if (row == null) {
      throw notFound(entity);
    }
    if (!body.isObject()) {
      throw new ApiError(400, RequestReader.NOT_AN_OBJECT);
    }
    if (Integer.valueOf(50).equals(row.get("Status"))) {
      throw new Writes.ValidationFailed(List.of("Reeds verwerkt"));
    }
    for (Map.Entry<String, JsonNode> p : body.properties()) {
      EntityCatalog.Field f = entity.fields().get(p.getKey());
      if (f == null) {
        throw new ApiError(
            400,
            "Error processing request stream. The property name '"
                + p.getKey()
                + "' specified for type '"
                + entity.typeName()
                + "' is not valid.");
      }
      if (!f.readOnly() && !f.key() && !f.type().equals("lines")) {
        row.put(f.name(), RequestReader.convert(f, p.getValue()));
      }
    }
    row.put("Modified", store.now());
    store.touched(d, entity.path(), row);
  }

  private ResponseEntity<Object> printed(Division d, String body, HttpHeaders headers) {
    JsonNode json = parse(body);
    synchronized (store.lock()) {
      UUID id;
      try {
        id = UUID.fromString(json.path("InvoiceID").asString());
      } catch (RuntimeException e) {
        throw new Writes.ValidationFailed(List.of("Verplicht: Factuur"));
      }
      Map<String, Object> invoice = d.row("salesinvoice/SalesInvoices", id);
      if (invoice == null) {
        throw new Writes.ValidationFailed(List.of("Ongeldige referentie: Factuur"));
      }
      if (Integer.valueOf(50).equals(invoice.get("Status"))) {
        throw new Writes.ValidationFailed(List.of("Reeds verwerkt"));
      }
      invoice.put("Status", 50);
      invoice.put("StatusDescription", "Verwerkt");
      if (invoice.get("InvoiceNumber") == null) {
        invoice.put("InvoiceNumber", d.nextInvoiceNumber++);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("InvoiceID", id.toString());
      out.put("DocumentCreationSuccess", "Document created");
      out.put("InvoiceNumber", invoice.get("InvoiceNumber"));
      return ResponseEntity.status(201)
          .headers(headers)
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("d", out));
    }
  }

  private ResponseEntity<Object> divisions(
      HttpServletRequest request, OAuthServer.Session session, int division, HttpHeaders headers) {
    OAuthServer.User user = oauth.user(session.username()).orElseThrow();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Integer code : user.divisions()) {
      store.find(code).ifPresent(d -> rows.add(divisionRow(d, user)));
    }
    String url = base(request) + "/api/v1/" + division + "/system/Divisions";
    List<Object> results = system(request, catalog.get("system/Divisions"), rows, url);
    return ResponseEntity.ok()
        .headers(headers)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("d", Map.of("results", results)));
  }

  /**
   * Every field of system/Divisions: what the sandbox knows of the division, null for the rest. The
   * user's first division is the current and main one.
   */
  private static Map<String, Object> divisionRow(Division d, OAuthServer.User user) {
    boolean first = Integer.valueOf(d.code).equals(user.divisions().get(0));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("Code", d.code);
    r.put("BlockingStatus", 0);
    r.put("Country", d.country);
    r.put("Created", d.created);
    r.put("Currency", d.currency);
    r.put("Current", first);
    r.put("Customer", divisionCustomer(d));
    r.put("CustomerCode", divisionCustomerCode(d));
    r.put("CustomerName", d.description);
    r.put("Description", d.description);
    r.put("Hid", d.code);
    r.put("IsDossierDivision", false);
    r.put("IsHRDivision", false);
    r.put("IsMainDivision", first);
    r.put("IsPracticeDivision", false);
    r.put("Legislation", d.legislation);
    r.put("Modified", d.created);
    r.put(
        "StartDate",
        d.created == null ? null : d.created.toLocalDate().withDayOfYear(1).atStartOfDay());
    r.put("Status", 1);
    r.put("VATNumber", d.vatNumber);
    return r;
  }

  /** FAIL_AFTER_STORE and TIMEOUT_AFTER_STORE: the work is done, the answer is lost. */
  private ResponseEntity<Object> afterStoreFault(Faults.Fault fault, HttpHeaders headers) {
    if (fault.kind() == Faults.Kind.TIMEOUT_AFTER_STORE) {
      sleep(fault.delay());
    }
    return html500(headers);
  }

  private static ResponseEntity<Object> html500(HttpHeaders headers) {
    return ResponseEntity.status(500)
        .headers(headers)
        .contentType(MediaType.TEXT_HTML)
        .body(
            "<html><body><h1>Service Unavailable</h1><p>The service is temporarily"
                + " unavailable.</p></body></html>");
  }

  private Division accessible(OAuthServer.Session session, int division) {
    OAuthServer.User user = oauth.user(session.username()).orElseThrow();
    Optional<Division> d = store.find(division);
    if (d.isEmpty() || !user.divisions().contains(division)) {
      throw new ApiError(403, "Forbidden", "NoDivisionAccess");
    }
    return d.get();
  }

  private OAuthServer.Session authenticate(HttpServletRequest request) {
    String bearer = bearer(request);
    if (bearer == null) {
      throw new ApiError(401, "Unauthorized");
    }
    return oauth.authenticate(bearer).orElseThrow(() -> new ApiError(401, "Unauthorized"));
  }

  private static String bearer(HttpServletRequest request) {
    String auth = request.getHeader("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return auth.substring(7).trim();
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw new ApiError(400, RequestReader.NOT_AN_OBJECT);
    }
    try {
      return JSON.readTree(body);
    } catch (RuntimeException e) {
      throw new ApiError(400, "Error processing request stream. The JSON is not valid.");
    }
  }

  private static UUID keyOf(EntityCatalog.Entity entity, String key) {
    if (key == null) {
      throw new ApiError(400, "A key is required: " + entity.path() + "(guid'…')");
    }
    String k = key.replaceFirst("^[A-Za-z]+=", "").replaceFirst("(?i)^guid'(.*)'$", "$1");
    try {
      return UUID.fromString(k);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "Error in query syntax: invalid key " + key);
    }
  }

  private static Comparator<Map<String, Object>> order(EntityCatalog.Entity e, String orderBy) {
    Comparator<Map<String, Object>> c = null;
    for (String part : orderBy.split(",")) {
      String[] words = part.trim().split("\\s+");
      if (!e.fields().containsKey(words[0])) {
        throw new ApiError(
            400,
            "Could not find a property named '" + words[0] + "' on type '" + e.typeName() + "'.");
      }
      Comparator<Map<String, Object>> next =
          Comparator.comparing(
              r -> sortable(r.get(words[0])), Comparator.nullsFirst(Comparator.naturalOrder()));
      if (words.length > 1 && words[1].equalsIgnoreCase("desc")) {
        next = next.reversed();
      }
      c = c == null ? next : c.thenComparing(next);
    }
    return c;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparable sortable(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return new java.math.BigDecimal(n.toString());
    }
    return v instanceof Comparable c ? c : v.toString();
  }

  private int parseTop(String top) {
    if (top == null) {
      return Integer.MAX_VALUE;
    }
    try {
      return Math.max(0, Integer.parseInt(top.trim()));
    } catch (NumberFormatException e) {
      throw new ApiError(400, "Error in query syntax: invalid $top.");
    }
  }

  static String base(HttpServletRequest request) {
    return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
  }

  private static ResponseEntity<Object> error(ApiError e, HttpHeaders headers) {
    if (e.reason != null) {
      headers.add("Reason", e.reason);
    }
    return ResponseEntity.status(e.status)
        .headers(headers)
        .contentType(MediaType.APPLICATION_JSON)
        .body(envelope(e.getMessage()));
  }

  static Map<String, Object> envelope(String message) {
    return Map.of("error", Map.of("code", "", "message", Map.of("lang", "", "value", message)));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

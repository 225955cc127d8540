package koppel.connector.exact;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import koppel.order.port.AccountingCallMeter;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.SystemConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Exact's REST API: authorised, JSON, division calls through the rate governor, paged by
 * following {@code __next}, errors typed by {@link ExactErrors}.
 */
final class ExactClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final ExactHttp http;
  private final ExactTokens tokens;
  private final ExactRateGovernor governor;
  private final Clock clock;
  private final AccountingCallMeter meter;

  ExactClient(
      ExactHttp http,
      ExactTokens tokens,
      ExactRateGovernor governor,
      Clock clock,
      AccountingCallMeter meter) {
    this.http = http;
    this.tokens = tokens;
    this.governor = governor;
    this.clock = clock;
    this.meter = meter;
  }

  <T> T withConnection(UUID integrationId, Function<SystemConnection, T> work) {
    return work.apply(tokens.connection(integrationId));
  }

  /** GET in the connection's chosen division; every page, up to {@code maxRows}. */
  List<JsonNode> get(UUID integrationId, String path, String query, int maxRows) {
    SystemConnection c = tokens.connection(integrationId);
    return getInDivision(c, division(c), path, query, maxRows);
  }

  /** GET in the given division (where an earlier write went); every page, up to maxRows. */
  List<JsonNode> getIn(
      UUID integrationId, String division, String path, String query, int maxRows) {
    return getInDivision(tokens.connection(integrationId), division, path, query, maxRows);
  }

  /** The division the merchant chose. */
  String division(UUID integrationId) {
    return division(tokens.connection(integrationId));
  }

  List<JsonNode> getInDivision(SystemConnection c, String division, String path, String query) {
    return getInDivision(c, division, path, query, Integer.MAX_VALUE);
  }

  private List<JsonNode> getInDivision(
      SystemConnection c, String division, String path, String query, int maxRows) {
    List<JsonNode> rows = new ArrayList<>();
    pages(c, division, path, query, page -> rows.addAll(page), () -> rows.size() < maxRows);
    return rows;
  }

  /**
   * GET in the given division, every page (each one call), each handed to {@code page} as it
   * arrives: a long read keeps what it read when a later page fails.
   */
  void forEachPage(
      UUID integrationId,
      String division,
      String path,
      String query,
      Consumer<List<JsonNode>> page) {
    pages(tokens.connection(integrationId), division, path, query, page, () -> true);
  }

  private void pages(
      SystemConnection c,
      String division,
      String path,
      String query,
      Consumer<List<JsonNode>> page,
      BooleanSupplier more) {
    String url =
        c.baseUrl()
            + "/api/v1/"
            + division
            + "/"
            + path
            + (query == null || query.isEmpty() ? "" : "?" + query);
    while (url != null && more.getAsBoolean()) {
      String next = url;
      ExactResponse r =
          exchange(
              c,
              division,
              token ->
                  ExactHttp.request(next)
                      .header("Authorization", "Bearer " + token.accessToken())
                      .GET(),
              false,
              "GET " + path);
      JsonNode d = parse(r, path).path("d");
      JsonNode results = d.isArray() ? d : d.path("results");
      List<JsonNode> rows = new ArrayList<>();
      results.forEach(rows::add);
      page.accept(rows);
      JsonNode link = d.path("__next");
      url = link.isString() && !link.asString().isBlank() ? link.asString() : null;
    }
  }

  /** GET on an endpoint without a division (current/Me): not rate limited by Exact. */
  JsonNode getWithoutDivision(SystemConnection c, String pathAndQuery) {
    ExactResponse r =
        exchange(
            c,
            null,
            token ->
                ExactHttp.request(c.baseUrl() + "/api/v1/" + pathAndQuery)
                    .header("Authorization", "Bearer " + token.accessToken())
                    .GET(),
            false,
            "GET " + pathAndQuery);
    return parse(r, pathAndQuery);
  }

  /** POST {division}/{path}; the created entity as Exact returns it (201). */
  JsonNode post(UUID integrationId, String division, String path, Object body, String what) {
    SystemConnection c = tokens.connection(integrationId);
    String json = JSON.writeValueAsString(body);
    ExactResponse r =
        exchange(
            c,
            division,
            token ->
                ExactHttp.request(c.baseUrl() + "/api/v1/" + division + "/" + path)
                    .header("Authorization", "Bearer " + token.accessToken())
                    .header("Content-Type", "application/json")
                    .header("Prefer", "return=representation")
                    .POST(HttpRequest.BodyPublishers.ofString(json)),
            true,
            what);
    try {
      JsonNode d = JSON.readTree(r.body()).path("d");
      return d.isArray() && !d.isEmpty() ? d.get(0) : d;
    } catch (RuntimeException e) {
      throw new ExternalSystemException.OutcomeUnknown(what + ": unreadable answer", e);
    }
  }

  /** DELETE {division}/{path}(guid'id'); Exact answers 204. */
  void delete(UUID integrationId, String division, String path, UUID id, String what) {
    SystemConnection c = tokens.connection(integrationId);
    exchange(
        c,
        division,
        token ->
            ExactHttp.request(
                    c.baseUrl() + "/api/v1/" + division + "/" + path + "(guid'" + id + "')")
                .header("Authorization", "Bearer " + token.accessToken())
                .DELETE(),
        true,
        what);
  }

  /**
   * One call, through the governor when it is a division call; a successful answer or a typed
   * failure. A 401 on a token we believed valid (it expired a moment early, or clocks differ) is
   * not a broken connection: the token is marked expired and the call is sent once more with the
   * token Koppel has now. (Exact refuses a 401 request before doing anything, so a repeated write
   * cannot book twice.)
   */
  private ExactResponse exchange(
      SystemConnection c,
      String division,
      Function<SystemConnection, HttpRequest.Builder> request,
      boolean write,
      String what) {
    ExactResponse r = once(c, division, request, write, what);
    if (r.status() == 401) {
      tokens.expired(c.integrationId(), c.accessToken());
      SystemConnection fresh = tokens.connection(c.integrationId());
      if (!fresh.accessToken().equals(c.accessToken())) {
        r = once(fresh, division, request, write, what);
      }
    }
    if (r.status() == 401) {
      throw new ExternalSystemException.Unavailable(
          what + ": Exact Online did not accept the access token; a new one is fetched", null);
    }
    if (!r.isSuccess()) {
      throw ExactErrors.toException(r, write, what, clock);
    }
    return r;
  }

  private ExactResponse once(
      SystemConnection c,
      String division,
      Function<SystemConnection, HttpRequest.Builder> request,
      boolean write,
      String what) {
    if (division != null) {
      governor.reserve(c, division);
    }
    HttpRequest.Builder builder = request.apply(c);
    HttpRequest sending = builder.copy().build();
    // counted as it leaves: Exact counts a request it received even when the answer is lost
    meter.sent(
        c.integrationId(), division, kind(sending.method(), division, sending.uri().getPath()));
    ExactResponse r = http.send(builder, write, what);
    if (division != null) {
      governor.observe(c, division, r);
    }
    return r;
  }

  /**
   * What a call was for, from its method and path ({@code /api/v1/{division}/crm/Accounts...}):
   * documents, creates of customers, items and addresses, mirror reads (sync/, bulk/), other reads
   * in a division; everything else (deletes, updates, calls outside a division) is OTHER.
   */
  static AccountingCallMeter.Kind kind(String method, String division, String urlPath) {
    if (division == null) {
      return AccountingCallMeter.Kind.OTHER;
    }
    String marker = "/api/v1/" + division + "/";
    int at = urlPath.indexOf(marker);
    String path = at < 0 ? urlPath : urlPath.substring(at + marker.length());
    if ("GET".equals(method)) {
      return path.startsWith("sync/") || path.startsWith("bulk/")
          ? AccountingCallMeter.Kind.MIRROR
          : AccountingCallMeter.Kind.LOOKUP;
    }
    if ("POST".equals(method)) {
      return switch (path) {
        case "salesinvoice/SalesInvoices", "salesorder/SalesOrders", "salesentry/SalesEntries" ->
            AccountingCallMeter.Kind.DOCUMENT;
        case "crm/Accounts" -> AccountingCallMeter.Kind.CUSTOMER_CREATE;
        case "logistics/Items" -> AccountingCallMeter.Kind.ITEM_CREATE;
        case "crm/Addresses" -> AccountingCallMeter.Kind.ADDRESS_CREATE;
        default -> AccountingCallMeter.Kind.OTHER;
      };
    }
    return AccountingCallMeter.Kind.OTHER;
  }

  private static String division(SystemConnection c) {
    if (c.externalId() == null || c.externalId().isBlank()) {
      throw new ExternalSystemException.NotAuthorized("no Exact Online division is chosen yet");
    }
    return c.externalId();
  }

  private static JsonNode parse(ExactResponse r, String path) {
    try {
      return JSON.readTree(r.body());
    } catch (RuntimeException e) {
      throw new ExternalSystemException.Unavailable(
          "GET " + path + ": Exact Online answered something that is not JSON", e);
    }
  }
}

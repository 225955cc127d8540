package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.filter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Exact's sync, Deleted and bulk reads (reference §1.6, §1.7, §8) over real HTTP: Timestamp row
 * versions from one counter per division, 1,000 rows a page in Timestamp order with a __next link
 * (also after an exactly full last page), only {@code Timestamp gt N} as filter, $select mandatory,
 * every page one rate-limited, counted call. The NL division holds 2,000 items, made once; the
 * first two tests read it before the third adds one more.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncConformanceIT {

  private static final int ITEMS = 2000;
  private static final String ITEM_SELECT = "$select=ID,Code,Timestamp";

  private static Sandbox sandbox;
  private static Sandbox.Setup s;
  private static int nl;
  private static int be;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            Map.of("sandbox.exact.minutely-limit", 100_000, "sandbox.exact.daily-limit", 100_000));
    s = sandbox.setup("NL", "BE");
    nl = s.divisions().get("NL");
    be = s.divisions().get("BE");
    // made in the sandbox itself, as Exact's own screens would: 2,000 HTTP round trips would
    // take most of this test's time (creating items over the API is proven elsewhere)
    DivisionStore store = sandbox.context.getBean(DivisionStore.class);
    Writes writes = sandbox.context.getBean(Writes.class);
    EntityCatalog.Entity items =
        sandbox.context.getBean(EntityCatalog.class).get("logistics/Items");
    Behaviour.Values behaviour = sandbox.context.getBean(Behaviour.class).values();
    synchronized (store.lock()) {
      Division d = store.find(nl).orElseThrow();
      for (int i = 0; i < ITEMS; i++) {
        writes.create(
            d,
            items,
            Sandbox.JSON.valueToTree(
                Map.of("Code", String.format("SKU-%04d", i), "Description", "Artikel " + i)),
            behaviour);
      }
    }
  }

  /** A fresh access token: some tests move the sandbox clock past the old one's lifetime. */
  @BeforeEach
  void freshToken() {
    s = new Sandbox.Setup(s.divisions(), sandbox.token(Sandbox.CLIENT, Sandbox.USER));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static String sync(int division, String entity, String query) {
    return "/api/v1/" + division + "/sync/" + entity + "?" + query;
  }

  private static String since(long timestamp) {
    return filter("Timestamp gt " + timestamp);
  }

  /** Follows __next from the first page; every page as it came. */
  private static List<Sandbox.Response> allPages(String first) {
    List<Sandbox.Response> pages = new ArrayList<>();
    String next = first;
    while (next != null) {
      Sandbox.Response page = sandbox.get(next, s.token());
      assertThat(page.status()).as("%s: %s", next, page.body()).isEqualTo(200);
      pages.add(page);
      JsonNode link = page.json().path("d").path("__next");
      next = link.isMissingNode() || link.isNull() ? null : link.asString();
      assertThat(pages).as("no endless paging").hasSizeLessThan(10);
    }
    return pages;
  }

  private static List<Long> timestamps(List<Sandbox.Response> pages) {
    List<Long> out = new ArrayList<>();
    for (Sandbox.Response p : pages) {
      p.d().forEach(r -> out.add(r.path("Timestamp").asLong()));
    }
    return out;
  }

  private static int calls(int division, String endpoint) {
    return sandbox
        .admin("GET", "/admin/divisions/" + division + "/counters", null)
        .path("calls")
        .path(endpoint)
        .asInt();
  }

  @Test
  @Order(1)
  void firstSyncGivesEveryRowInPagesOfAThousandAndAnEmptyPageAfterAnExactlyFullLastOne() {
    int before = calls(nl, "GET sync/Logistics/Items");

    List<Sandbox.Response> pages =
        allPages(sync(nl, "Logistics/Items", ITEM_SELECT + "&" + since(1)));

    assertThat(pages).extracting(p -> p.d().size()).containsExactly(1000, 1000, 0);
    String next = pages.get(0).json().path("d").path("__next").asString();
    long lastOfFirst = pages.get(0).d().get(999).path("Timestamp").asLong();
    assertThat(next)
        .startsWith(sandbox.url + "/api/v1/" + nl + "/sync/Logistics/Items?")
        .contains("$select=ID,Code,Timestamp")
        .contains("$filter=Timestamp%20gt%201")
        .endsWith("$skiptoken=" + lastOfFirst + "L");
    assertThat(pages.get(1).json().path("d").has("__next"))
        .as("an exactly full last page still has a next link")
        .isTrue();
    assertThat(pages.get(2).json().path("d").has("__next")).isFalse();
    List<Long> ts = timestamps(pages);
    assertThat(ts).hasSize(ITEMS).isSorted().doesNotHaveDuplicates().allMatch(t -> t > 1);
    Set<String> ids = new HashSet<>();
    pages.forEach(p -> p.d().forEach(r -> ids.add(r.path("ID").asString())));
    assertThat(ids).hasSize(ITEMS);
    JsonNode row = pages.get(0).d().get(0);
    assertThat(row.propertyNames()).containsExactly("__metadata", "ID", "Code", "Timestamp");
    assertThat(row.path("__metadata").path("uri").asString())
        .endsWith("/sync/Logistics/Items(" + row.path("Timestamp").asLong() + "L)");

    // each page is one call: counted and rate limited like any other
    assertThat(calls(nl, "GET sync/Logistics/Items")).isEqualTo(before + 3);
    List<Integer> remaining =
        pages.stream()
            .map(p -> Integer.parseInt(p.header("X-RateLimit-Minutely-Remaining").orElseThrow()))
            .toList();
    assertThat(remaining.get(1)).isEqualTo(remaining.get(0) - 1);
    assertThat(remaining.get(2)).isEqualTo(remaining.get(1) - 1);
    assertThat(
            Integer.parseInt(pages.get(2).header("X-RateLimit-Remaining").orElseThrow())
                - Integer.parseInt(pages.get(0).header("X-RateLimit-Remaining").orElseThrow()))
        .isEqualTo(-2);
  }

  @Test
  @Order(2)
  void bulkPagesByAThousandWithMandatorySelectAndMandatoryFiltering() {
    String bulk = "/api/v1/" + nl + "/bulk/Logistics/Items?";

    Sandbox.Response noSelect =
        sandbox.get(bulk + filter("Created gt datetime'2000-01-01T00:00:00'"), s.token());
    assertThat(noSelect.status()).isEqualTo(400);
    assertThat(noSelect.error()).isEqualTo("It is mandatory to provide the $select query option.");
    Sandbox.Response noFilter = sandbox.get(bulk + "$select=ID,Code", s.token());
    assertThat(noFilter.status()).isEqualTo(400);
    assertThat(noFilter.error())
        .startsWith("This endpoint has mandatory filtering applied.")
        .contains("Barcode", "Code");

    List<Sandbox.Response> pages =
        allPages(bulk + "$select=ID,Code&" + filter("Created gt datetime'2000-01-01T00:00:00'"));

    assertThat(pages).extracting(p -> p.d().size()).containsExactly(1000, 1000, 0);
    String next = pages.get(0).json().path("d").path("__next").asString();
    String lastId = pages.get(0).d().get(999).path("ID").asString();
    assertThat(next)
        .startsWith(sandbox.url + "/api/v1/" + nl + "/bulk/Logistics/Items?")
        .contains("$select=ID,Code")
        .endsWith("$skiptoken=guid'" + lastId + "'");
    Set<String> ids = new HashSet<>();
    pages.forEach(p -> p.d().forEach(r -> ids.add(r.path("ID").asString())));
    assertThat(ids).hasSize(ITEMS);
    assertThat(pages.get(0).d().get(0).propertyNames()).containsExactly("__metadata", "ID", "Code");

    Sandbox.Response accounts =
        sandbox.get(
            "/api/v1/" + nl + "/bulk/CRM/Accounts?$select=ID,Name&" + filter("Name eq 'x'"),
            s.token());
    assertThat(accounts.status()).isEqualTo(200);
    assertThat(accounts.d()).isEmpty();
  }

  @Test
  @Order(3)
  void oneRowMoreEndsOnAPartPageWithoutNextLink() {
    sandbox.create(
        new Sandbox.Setup(Map.of("NL", nl), s.token()),
        "logistics/Items",
        Map.of("Code", "SKU-EXTRA", "Description", "Nog een"));

    List<Sandbox.Response> pages =
        allPages(sync(nl, "Logistics/Items", ITEM_SELECT + "&" + since(1)));

    assertThat(pages).extracting(p -> p.d().size()).containsExactly(1000, 1000, 1);
    assertThat(pages.get(2).d().get(0).path("Code").asString()).isEqualTo("SKU-EXTRA");
    assertThat(timestamps(pages)).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void laterSyncFromTheHighestTimestampGivesOnlyCreatedAndChangedRows() {
    Sandbox.Setup b = new Sandbox.Setup(Map.of("BE", be), s.token());
    String a = sandbox.create(b, "crm/Accounts", Map.of("Name", "Alfa")).path("ID").asString();
    String bravo = sandbox.create(b, "crm/Accounts", Map.of("Name", "Bravo")).path("ID").asString();
    String select = "$select=ID,Name,Timestamp";
    List<Sandbox.Response> first = allPages(sync(be, "CRM/Accounts", select + "&" + since(1)));
    long highest = timestamps(first).stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(timestamps(first)).hasSizeGreaterThanOrEqualTo(2);

    assertThat(allPages(sync(be, "CRM/Accounts", select + "&" + since(highest))).get(0).d())
        .as("nothing changed")
        .isEmpty();

    Sandbox.Response put =
        sandbox.send(
            "PUT",
            b.api("crm/Accounts") + "(guid'" + bravo + "')",
            s.token(),
            Sandbox.text(Map.of("Name", "Bravo bis")));
    assertThat(put.status()).isEqualTo(204);
    String charlie =
        sandbox.create(b, "crm/Accounts", Map.of("Name", "Charlie")).path("ID").asString();
    String address =
        sandbox
            .create(b, "crm/Addresses", Map.of("Account", a, "Type", 4, "City", "Gent"))
            .path("ID")
            .asString();

    JsonNode delta = allPages(sync(be, "CRM/Accounts", select + "&" + since(highest))).get(0).d();
    assertThat(delta).extracting(r -> r.path("ID").asString()).containsExactly(bravo, charlie);
    assertThat(delta.get(0).path("Name").asString()).isEqualTo("Bravo bis");
    assertThat(delta.get(0).path("Timestamp").asLong()).isGreaterThan(highest);
    long charlieTs = delta.get(1).path("Timestamp").asLong();

    JsonNode addresses =
        allPages(sync(be, "CRM/Addresses", "$select=ID,City,Timestamp&" + since(highest)))
            .get(0)
            .d();
    assertThat(addresses).extracting(r -> r.path("ID").asString()).containsExactly(address);
    assertThat(addresses.get(0).path("Timestamp").asLong())
        .as("one counter per division")
        .isGreaterThan(charlieTs);

    Sandbox.Response normal =
        sandbox.get(
            b.api("crm/Accounts")
                + "?$select=ID,Timestamp&"
                + filter("ID eq guid'" + charlie + "'"),
            s.token());
    assertThat(normal.status()).isEqualTo(200);
    assertThat(normal.d().get(0).path("Timestamp").asLong()).isEqualTo(charlieTs);
  }

  @Test
  void deletedListsADeletedItemAndAnAccountDeletedByAdmin() {
    Sandbox.Setup b = new Sandbox.Setup(Map.of("BE", be), s.token());
    JsonNode item =
        sandbox.create(b, "logistics/Items", Map.of("Code", "WEG", "Description", "Weg"));
    String itemId = item.path("ID").asString();
    long itemTs = item.path("Timestamp").asLong();
    String account =
        sandbox.create(b, "crm/Accounts", Map.of("Name", "Weg BV")).path("ID").asString();

    Sandbox.Response delete =
        sandbox.send(
            "DELETE", b.api("logistics/Items") + "(guid'" + itemId + "')", s.token(), null);
    assertThat(delete.status()).isEqualTo(204);
    sandbox.admin("DELETE", "/admin/divisions/" + be + "/crm/Accounts/" + account, null);

    String select = "$select=EntityKey,EntityType,DeletedBy,DeletedDate,Division,ID,Timestamp";
    JsonNode deleted = allPages(sync(be, "Deleted", select + "&" + since(itemTs))).get(0).d();
    assertThat(deleted).hasSize(2);
    JsonNode first = deleted.get(0);
    assertThat(first.path("EntityKey").asString()).isEqualTo(itemId);
    assertThat(first.path("EntityType").asInt()).isEqualTo(9);
    assertThat(first.path("Division").asInt()).isEqualTo(be);
    assertThat(first.path("DeletedBy").isNull()).isFalse();
    assertThat(first.path("DeletedDate").asString()).startsWith("/Date(");
    assertThat(first.path("ID").asString()).isNotEqualTo(itemId);
    assertThat(first.path("Timestamp").asLong()).isGreaterThan(itemTs);
    assertThat(deleted.get(1).path("EntityKey").asString()).isEqualTo(account);
    assertThat(deleted.get(1).path("EntityType").asInt()).isEqualTo(2);
    assertThat(deleted.get(1).path("Timestamp").asLong())
        .isGreaterThan(first.path("Timestamp").asLong());

    JsonNode items = allPages(sync(be, "Logistics/Items", ITEM_SELECT + "&" + since(1))).get(0).d();
    assertThat(items).extracting(r -> r.path("ID").asString()).doesNotContain(itemId);
    assertThat(
            sandbox
                .send("DELETE", "/admin/divisions/" + be + "/crm/Accounts/" + account, null, null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void onlyTimestampGtIsAcceptedAndSelectIsRequiredUnlessSwitchedOff() {
    String items = "/api/v1/" + be + "/sync/Logistics/Items?";

    Sandbox.Response otherField =
        sandbox.get(items + ITEM_SELECT + "&" + filter("Code eq 'WEG'"), s.token());
    assertThat(otherField.status()).isEqualTo(400);
    assertThat(otherField.error())
        .isEqualTo("This $filter parameter is not supported for this resource");
    Sandbox.Response otherOperator =
        sandbox.get(items + ITEM_SELECT + "&" + filter("Timestamp ge 1"), s.token());
    assertThat(otherOperator.status()).isEqualTo(400);
    assertThat(otherOperator.error())
        .isEqualTo("This $filter parameter is not supported for this resource");
    Sandbox.Response both =
        sandbox.get(
            items + ITEM_SELECT + "&" + filter("Timestamp gt 1 and Code eq 'WEG'"), s.token());
    assertThat(both.status()).isEqualTo(400);

    Sandbox.Response noFilter = sandbox.get(items + ITEM_SELECT, s.token());
    assertThat(noFilter.status()).isEqualTo(400);
    assertThat(noFilter.error())
        .isEqualTo(
            "This endpoint has mandatory filtering applied. A GET request for this endpoint must"
                + " have a $filter parameter with one of the following fields in the"
                + " url:Timestamp");

    Sandbox.Response noSelect = sandbox.get(items + since(1), s.token());
    assertThat(noSelect.status()).isEqualTo(400);
    assertThat(noSelect.error()).isEqualTo("It is mandatory to provide the $select query option.");

    Sandbox.Response deletedNoFilter =
        sandbox.get("/api/v1/" + be + "/sync/Deleted?$select=ID", s.token());
    assertThat(deletedNoFilter.status()).isEqualTo(400);
    Sandbox.Response post =
        sandbox.send("POST", "/api/v1/" + be + "/sync/Logistics/Items", s.token(), "{}");
    assertThat(post.status()).isEqualTo(405);

    sandbox.admin("PUT", "/admin/behaviour", Map.of("syncRequiresSelect", false));
    try {
      Sandbox.Response all = sandbox.get(items + since(1), s.token());
      assertThat(all.status()).isEqualTo(200);
      if (!all.d().isEmpty()) {
        assertThat(all.d().get(0).has("Description")).isTrue();
      }
    } finally {
      sandbox.admin("PUT", "/admin/behaviour", Map.of("syncRequiresSelect", true));
    }
  }

  @Test
  void syncTimestampGivesTheVersionToStartFromForRowsModifiedSinceADate() {
    Sandbox.Setup b = new Sandbox.Setup(Map.of("BE", be), s.token());
    sandbox.create(b, "crm/Accounts", Map.of("Name", "Oud"));
    sandbox.advance(2 * 86_400);
    freshToken();
    b = new Sandbox.Setup(Map.of("BE", be), s.token());
    java.time.LocalDate today =
        sandbox.now().atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate();
    String recent =
        sandbox.create(b, "crm/Accounts", Map.of("Name", "Nieuw")).path("ID").asString();

    Sandbox.Response r =
        sandbox.get(
            "/api/v1/"
                + be
                + "/read/sync/Sync/SyncTimestamp?modified="
                + Sandbox.enc("datetime'" + today + "'")
                + "&endPoint="
                + Sandbox.enc("'Accounts'"),
            s.token());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    long from = r.d().get(0).path("TimeStampAsBigInt").asLong();
    JsonNode since = allPages(sync(be, "CRM/Accounts", "$select=ID&" + since(from))).get(0).d();
    assertThat(since).extracting(a -> a.path("ID").asString()).containsExactly(recent);
    Sandbox.Response unknown =
        sandbox.get(
            "/api/v1/"
                + be
                + "/read/sync/Sync/SyncTimestamp?modified="
                + Sandbox.enc("datetime'" + today + "'")
                + "&endPoint="
                + Sandbox.enc("'Bananas'"),
            s.token());
    assertThat(unknown.status()).isEqualTo(400);
  }

  @Test
  void rowsFromAStateFileWrittenBeforeTimestampsGetThemWhenLoaded() throws Exception {
    DivisionStore store = sandbox.context.getBean(DivisionStore.class);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    synchronized (store.lock()) {
      Division old = store.create("BE", 777_001, "Oud");
      store.insert(old, "logistics/Items", new java.util.HashMap<>(Map.of("Code", "OUD-1")));
      store.insert(old, "logistics/Items", new java.util.HashMap<>(Map.of("Code", "OUD-2")));
      // as an older sandbox wrote it: no Timestamp on the rows, the counter untouched
      old.table("logistics/Items").values().forEach(row -> row.remove("Timestamp"));
      old.timestamp = 1;
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(store.snapshot());
      }
    }
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      store.restore((java.io.Serializable) in.readObject());
    }

    Division loaded = store.find(777_001).orElseThrow();
    assertThat(loaded.rows("logistics/Items"))
        .extracting(row -> row.get("Timestamp"))
        .containsExactly(2L, 3L);
    synchronized (store.lock()) {
      assertThat(loaded.nextTimestamp()).as("the counter continues after them").isEqualTo(4L);
    }
  }

  @Test
  void timestampsAndTheDeletionLogSurviveARestartWithAStateFile() throws Exception {
    java.nio.file.Path file =
        java.nio.file.Files.createTempDirectory("exact-sync").resolve("state");
    Map<String, Object> knobs = Map.of("sandbox.exact.state-file", file.toString());
    long first;
    String token;
    int division;
    String gone;
    try (Sandbox one = Sandbox.start(knobs)) {
      Sandbox.Setup setup = one.setup("NL");
      token = setup.token();
      division = setup.division();
      first =
          one.create(setup, "logistics/Items", Map.of("Code", "A", "Description", "A"))
              .path("Timestamp")
              .asLong();
      gone =
          one.create(setup, "logistics/Items", Map.of("Code", "B", "Description", "B"))
              .path("ID")
              .asString();
      assertThat(
              one.send("DELETE", setup.api("logistics/Items") + "(guid'" + gone + "')", token, null)
                  .status())
          .isEqualTo(204);
    }
    try (Sandbox two = Sandbox.start(knobs)) {
      Sandbox.Response items =
          two.get(
              "/api/v1/" + division + "/sync/Logistics/Items?" + ITEM_SELECT + "&" + since(1),
              token);
      assertThat(items.status()).as(items.body()).isEqualTo(200);
      assertThat(items.d()).extracting(r -> r.path("Timestamp").asLong()).containsExactly(first);
      Sandbox.Response deleted =
          two.get(
              "/api/v1/" + division + "/sync/Deleted?$select=EntityKey,Timestamp&" + since(1),
              token);
      assertThat(deleted.d()).extracting(r -> r.path("EntityKey").asString()).containsExactly(gone);
      long newer =
          two.create(
                  new Sandbox.Setup(Map.of("NL", division), token),
                  "logistics/Items",
                  Map.of("Code", "C", "Description", "C"))
              .path("Timestamp")
              .asLong();
      assertThat(newer).isGreaterThan(deleted.d().get(0).path("Timestamp").asLong());
    }
  }

  @Test
  void countersShowTheBusiestRollingAndClockMinute() {
    int own = sandbox.division("NL");
    sandbox.user("piet", "geheim", own);
    String token = sandbox.token(Sandbox.CLIENT, "piet");
    String journals = "/api/v1/" + own + "/financial/Journals";
    Instant now = sandbox.now();
    Instant nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
    sandbox.advance(ChronoUnit.SECONDS.between(now, nextMinute) + 30);

    // two calls at :30 of one clock minute, three at :10 of the next (40 s later)
    for (int i = 0; i < 2; i++) {
      assertThat(sandbox.get(journals, token).status()).isEqualTo(200);
    }
    sandbox.advance(40);
    for (int i = 0; i < 3; i++) {
      assertThat(sandbox.get(journals, token).status()).isEqualTo(200);
    }
    sandbox.advance(120);
    assertThat(sandbox.get(journals, token).status()).isEqualTo(200);

    JsonNode busiest =
        sandbox.admin("GET", "/admin/divisions/" + own + "/counters", null).path("busiestMinute");
    assertThat(busiest.path("rolling").asInt()).isEqualTo(5);
    assertThat(busiest.path("fixed").asInt()).isEqualTo(3);
    assertThat(busiest.path("total").asInt()).isEqualTo(6);
    JsonNode all = sandbox.admin("GET", "/admin/counters", null).path(Integer.toString(own));
    assertThat(all.path("calls").path("GET financial/Journals").asInt()).isEqualTo(6);
    assertThat(all.path("busiestMinute").path("rolling").asInt()).isEqualTo(5);
  }
}

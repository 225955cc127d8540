package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.filter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OData as Exact serves it (reference §1.4, §1.6, §1.7, §10.5): d/results, $filter, $select, $top,
 * $orderby, $count, pages of 60 with an absolute __next (also after an exactly full last page),
 * $skip refused, mandatory filtering and no filters on navigation properties. The rate limits are
 * raised here so that a test can create a few pages of data.
 */
class ODataConformanceIT {

  private static final String MANDATORY =
      "This endpoint has mandatory filtering applied. A GET request for this endpoint must have a"
          + " $filter parameter with one of the following fields in the url:";

  private static Sandbox sandbox;
  private Sandbox.Setup s;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            Map.of("sandbox.exact.minutely-limit", 1000, "sandbox.exact.daily-limit", 9999));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    s = sandbox.setup("NL");
  }

  @Test
  void filterOperatorsFunctionsAndLiterals() {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("Alfa", account("Alfa", "10", "C", "Gent", "o'brien@example.be"));
    ids.put("Bravo", account("Bravo", "20", "C", "Utrecht", "bravo@example.nl"));
    ids.put("Charlie", account("Charlie", "30", "P", "Utrecht", "charlie@example.nl"));

    assertThat(names("Email eq 'o''brien@example.be'")).containsExactly("Alfa");
    assertThat(names("Status ne 'C'")).containsExactly("Charlie");
    assertThat(names("Status eq 'C' and City eq 'Utrecht'")).containsExactly("Bravo");
    assertThat(names("City eq 'Gent' or Status eq 'P'"))
        .containsExactlyInAnyOrder("Alfa", "Charlie");
    assertThat(names("trim(Code) gt '15'")).containsExactlyInAnyOrder("Bravo", "Charlie");
    assertThat(names("trim(Code) lt '25'")).containsExactlyInAnyOrder("Alfa", "Bravo");
    assertThat(names("ID eq guid'" + ids.get("Bravo") + "'")).containsExactly("Bravo");
    assertThat(names("Created gt datetime'2000-01-01T00:00:00'")).hasSize(3);
    assertThat(names("Created lt datetime'2000-01-01T00:00:00'")).isEmpty();
    assertThat(names("(Status eq 'C' or Status eq 'P') and City ne 'Gent'"))
        .containsExactlyInAnyOrder("Bravo", "Charlie");

    // numbers: the revenue accounts are of type 110
    Sandbox.Response revenue =
        sandbox.get(
            s.api("financial/GLAccounts") + "?" + filter("Type gt 100 and Type lt 111"), s.token());
    assertThat(revenue.d().valueStream().map(g -> g.path("Type").asInt()))
        .isNotEmpty()
        .allMatch(t -> t == 110);
  }

  @Test
  void collectionsComeInADResultsEnvelope() {
    account("Alfa", "10", "C", "Gent", "a@example.nl");

    JsonNode body =
        sandbox.get(s.api("crm/Accounts") + "?" + filter("Status eq 'C'"), s.token()).json();

    assertThat(body.propertyNames()).containsExactly("d");
    assertThat(body.path("d").path("results").isArray()).isTrue();
    assertThat(body.path("d").has("__next")).isFalse();
  }

  @Test
  void selectTopAndOrderBy() {
    account("Alfa", "10", "C", "Gent", "a@example.nl");
    account("Bravo", "20", "C", "Utrecht", "b@example.nl");
    account("Charlie", "30", "C", "Utrecht", "c@example.nl");
    String byStatus = s.api("crm/Accounts") + "?" + filter("Status eq 'C'");

    JsonNode selected = sandbox.get(byStatus + "&$select=ID,Name", s.token()).d().path(0);
    assertThat(selected.propertyNames()).containsExactlyInAnyOrder("__metadata", "ID", "Name");

    Sandbox.Response top = sandbox.get(byStatus + "&$top=2", s.token());
    assertThat(top.d()).hasSize(2);
    assertThat(top.json().path("d").has("__next")).isFalse();

    Sandbox.Response ordered = sandbox.get(byStatus + "&$orderby=Name%20desc", s.token());
    assertThat(ordered.d().valueStream().map(a -> a.path("Name").asString()))
        .containsExactly("Charlie", "Bravo", "Alfa");
    Sandbox.Response ascending = sandbox.get(byStatus + "&$orderby=Name", s.token());
    assertThat(ascending.d().valueStream().map(a -> a.path("Name").asString()))
        .containsExactly("Alfa", "Bravo", "Charlie");
  }

  @Test
  void countAndInlineCount() {
    account("Alfa", "10", "C", "Gent", "a@example.nl");
    account("Bravo", "20", "P", "Utrecht", "b@example.nl");

    Sandbox.Response count =
        sandbox.send(
            "GET",
            s.api("crm/Accounts") + "/$count?" + filter("Status eq 'C'"),
            s.token(),
            null,
            "Accept",
            "*/*");
    assertThat(count.status()).isEqualTo(200);
    assertThat(count.body().trim()).isEqualTo("1");

    Sandbox.Response inline =
        sandbox.get(
            s.api("crm/Accounts")
                + "?"
                + filter("Created gt datetime'2000-01-01'")
                + "&$inlinecount=allpages&$top=1",
            s.token());
    assertThat(inline.json().path("d").path("__count").asInt()).isEqualTo(2);
    assertThat(inline.d()).hasSize(1);
  }

  @Test
  void pagesOf60WithAnAbsoluteNextLinkAlsoAfterAnExactlyFullLastPage() {
    for (int i = 0; i < 120; i++) {
      account("Klant " + i, null, "C", "Utrecht", null);
    }
    String first = s.api("crm/Accounts") + "?" + filter("Status eq 'C'") + "&$select=ID,Name";

    List<JsonNode> pages = follow(first);
    assertThat(pages).extracting(p -> p.path("results").size()).containsExactly(60, 60, 0);
    String next = pages.get(0).path("__next").asString();
    assertThat(next)
        .startsWith(sandbox.url + s.api("crm/Accounts") + "?")
        .contains("$skiptoken=guid'")
        .contains("$select=ID,Name")
        .contains("$filter=Status%20eq%20'C'");
    assertThat(pages.get(2).has("__next")).isFalse();
    assertThat(ids(pages)).hasSize(120);

    for (int i = 120; i < 125; i++) {
      account("Klant " + i, null, "C", "Utrecht", null);
    }
    List<JsonNode> again = follow(first);
    assertThat(again).extracting(p -> p.path("results").size()).containsExactly(60, 60, 5);
    assertThat(ids(again)).hasSize(125);
  }

  @Test
  void skipIsRefused() {
    Sandbox.Response r =
        sandbox.get(s.api("crm/Accounts") + "?" + filter("Status eq 'C'") + "&$skip=60", s.token());

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).contains("$skip");
  }

  @Test
  void mandatoryFilteringOnAccountsAndItems() {
    Sandbox.Response accounts = sandbox.get(s.api("crm/Accounts"), s.token());
    assertThat(accounts.status()).isEqualTo(400);
    assertThat(accounts.error())
        .startsWith(MANDATORY + "Accountant,AccountManager,AddressLine1,")
        .contains(",ID,", ",Name,", ",Email,", ",Code,");

    Sandbox.Response notAllowedField =
        sandbox.get(s.api("crm/Accounts") + "?" + filter("Website eq 'x'"), s.token());
    assertThat(notAllowedField.status()).isEqualTo(400);
    assertThat(notAllowedField.error()).startsWith(MANDATORY);

    Sandbox.Response items = sandbox.get(s.api("logistics/Items"), s.token());
    assertThat(items.status()).isEqualTo(400);
    assertThat(items.error()).startsWith(MANDATORY).contains("Code");

    Sandbox.Response selectOnly = sandbox.get(s.api("logistics/Items") + "?$select=ID", s.token());
    assertThat(selectOnly.status()).isEqualTo(400);

    assertThat(
            sandbox.get(s.api("logistics/Items") + "?" + filter("Code eq 'X'"), s.token()).status())
        .isEqualTo(200);
    // endpoints without a sync API have no mandatory filter
    assertThat(sandbox.get(s.api("financial/Journals"), s.token()).status()).isEqualTo(200);
  }

  @Test
  void filteringOnNavigationPropertiesIsRefused() {
    Sandbox.Response accounts =
        sandbox.get(s.api("crm/Accounts") + "?" + filter("BankAccounts/IBAN eq 'NL01'"), s.token());
    assertThat(accounts.status()).isEqualTo(400);

    Sandbox.Response entries =
        sandbox.get(
            s.api("salesentry/SalesEntries") + "?" + filter("SalesEntryLines/AmountFC gt 0"),
            s.token());
    assertThat(entries.status()).isEqualTo(400);
    assertThat(entries.error()).contains("not supported");

    Sandbox.Response unknownField =
        sandbox.get(s.api("salesentry/SalesEntries") + "?" + filter("Nope eq 1"), s.token());
    assertThat(unknownField.status()).isEqualTo(400);
  }

  // ------------------------------------------------------------------------------------------

  private String account(String name, String code, String status, String city, String email) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Name", name);
    if (code != null) {
      body.put("Code", code);
    }
    body.put("Status", status);
    body.put("City", city);
    if (email != null) {
      body.put("Email", email);
    }
    return sandbox.create(s, "crm/Accounts", body).path("ID").asString();
  }

  private List<String> names(String expression) {
    Sandbox.Response r = sandbox.get(s.api("crm/Accounts") + "?" + filter(expression), s.token());
    assertThat(r.status()).as("%s: %s", expression, r.body()).isEqualTo(200);
    return r.d().valueStream().map(a -> a.path("Name").asString()).toList();
  }

  /** Follows d.__next verbatim until it is absent; returns each page's d object. */
  private List<JsonNode> follow(String first) {
    List<JsonNode> pages = new ArrayList<>();
    String next = first;
    while (next != null) {
      Sandbox.Response r = sandbox.get(next, s.token());
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode d = r.json().path("d");
      pages.add(d);
      next = d.has("__next") ? d.path("__next").asString() : null;
      assertThat(pages).hasSizeLessThan(10);
    }
    return pages;
  }

  private static Set<String> ids(List<JsonNode> pages) {
    Set<String> ids = new HashSet<>();
    pages.forEach(p -> p.path("results").forEach(a -> ids.add(a.path("ID").asString())));
    return ids;
  }
}

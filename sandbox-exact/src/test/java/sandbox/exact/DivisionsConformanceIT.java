package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.CLIENT;
import static sandbox.exact.Sandbox.filter;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Divisions and users (reference §1.2, §4.1, §11 #8): current/Me without a division and without
 * rate limits, system/Divisions limited to the user's divisions, 403 NoDivisionAccess, and data
 * that never leaks from one division into another.
 */
class DivisionsConformanceIT {

  private static Sandbox sandbox;
  private int first;
  private int second;
  private int foreign;
  private String token;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(Map.of());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    sandbox.reset();
    sandbox.startOfAFreshWindow();
    first = sandbox.division("NL");
    second = sandbox.division("BE");
    foreign = sandbox.division("NL");
    sandbox.client(CLIENT, Sandbox.SECRET, Sandbox.REDIRECT);
    sandbox.user(Sandbox.USER, Sandbox.PASSWORD, first, second);
    sandbox.user("other", "pw", foreign);
    token = sandbox.token(CLIENT, Sandbox.USER);
  }

  @Test
  void meReturnsTheCurrentDivisionWithoutRateLimitHeaders() {
    Sandbox.Response me = sandbox.get("/api/v1/current/Me", token);

    assertThat(me.status()).isEqualTo(200);
    JsonNode user = me.json().path("d").path("results").path(0);
    assertThat(user.path("CurrentDivision").asInt()).isEqualTo(first);
    assertThat(user.path("UserName").asString()).isEqualTo(Sandbox.USER);
    assertThat(user.path("Email").asString()).isEqualTo("jan@example.nl");
    assertThat(user.path("UserID").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-.*");
    assertThat(user.path("__metadata").path("type").asString())
        .isEqualTo("Exact.Web.Api.System.Me");
    assertThat(me.rateLimitHeaders()).isEmpty();

    Sandbox.Response selected = sandbox.get("/api/v1/current/Me?$select=CurrentDivision", token);
    assertThat(selected.json().path("d").path("results").path(0).propertyNames())
        .containsExactlyInAnyOrder("__metadata", "CurrentDivision");
  }

  @Test
  void meIsNotRateLimitedAndDoesNotCount() {
    for (int i = 0; i < 70; i++) {
      assertThat(sandbox.get("/api/v1/current/Me", token).status()).isEqualTo(200);
    }

    Sandbox.Response call = sandbox.get("/api/v1/" + first + "/system/Divisions", token);

    assertThat(call.status()).isEqualTo(200);
    assertThat(call.header("X-RateLimit-Minutely-Remaining")).hasValue("59");
    assertThat(call.header("X-RateLimit-Remaining")).hasValue("4999");
  }

  @Test
  void systemDivisionsListsOnlyTheUsersDivisions() {
    Sandbox.Response divisions = sandbox.get("/api/v1/" + first + "/system/Divisions", token);

    assertThat(divisions.status()).isEqualTo(200);
    List<Integer> codes =
        divisions.d().valueStream().map(d -> d.path("Code").asInt()).sorted().toList();
    assertThat(codes).containsExactly(first, second);
    JsonNode be =
        divisions.d().valueStream().filter(d -> d.path("Code").asInt() == second).findFirst().get();
    assertThat(be.path("Country").asString()).isEqualTo("BE");
    assertThat(be.path("Currency").asString()).isEqualTo("EUR");
    assertThat(divisions.rateLimitHeaders()).hasSize(6);
  }

  @Test
  void anotherDivisionsEndpointIsForbiddenWithNoDivisionAccess() {
    Sandbox.Response r = sandbox.get("/api/v1/" + foreign + "/financial/Journals", token);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.header("Reason")).hasValue("NoDivisionAccess");
    assertThat(r.json().path("error").path("message").has("value")).isTrue();

    Sandbox.Response post =
        sandbox.post(
            "/api/v1/" + foreign + "/crm/Accounts", token, Map.of("Name", "X", "Status", "C"));
    assertThat(post.status()).isEqualTo(403);
    assertThat(post.header("Reason")).hasValue("NoDivisionAccess");
    assertThat(sandbox.rows(foreign, "crm/Accounts")).isEmpty();

    Sandbox.Response unknown = sandbox.get("/api/v1/999999/financial/Journals", token);
    assertThat(unknown.status()).isEqualTo(403);
    assertThat(unknown.header("Reason")).hasValue("NoDivisionAccess");
  }

  @Test
  void dataOfOneDivisionNeverShowsInAnother() {
    Sandbox.Response created =
        sandbox.post(
            "/api/v1/" + first + "/crm/Accounts",
            token,
            Map.of("Name", "Alleen in de eerste", "Status", "C"));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("d").path("ID").asString();

    String byName = filter("Name eq 'Alleen in de eerste'");
    assertThat(sandbox.get("/api/v1/" + first + "/crm/Accounts?" + byName, token).d()).hasSize(1);
    assertThat(sandbox.get("/api/v1/" + second + "/crm/Accounts?" + byName, token).d()).isEmpty();
    assertThat(
            sandbox
                .get(
                    "/api/v1/" + second + "/crm/Accounts?" + filter("ID eq guid'" + id + "'"),
                    token)
                .d())
        .isEmpty();
    assertThat(sandbox.rows(second, "crm/Accounts")).isEmpty();
    assertThat(sandbox.rows(foreign, "crm/Accounts")).isEmpty();
  }
}

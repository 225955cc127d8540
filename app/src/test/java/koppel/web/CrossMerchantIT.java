package koppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No merchant sees or changes another's data through any URL. Every route of the application is
 * read from Spring's handler mapping (so routes added later are tried too), the first merchant's
 * ids (integration, order, import, licence key, month) are put in for its path variables and as
 * {@code ?integration=}, and each route is called as the second merchant — GET, and the
 * state-changing methods with a valid CSRF token of the second merchant's session. No answer
 * carries the first merchant's data, and afterwards the first merchant's profile, settings, order
 * and import are exactly as before.
 */
class CrossMerchantIT {

  /** Routes not tried: logging out would end the session; the rest is public by design. */
  private static final List<String> NOT_TRIED =
      List.of("/logout", "/error", "/api-docs", "/v3/api-docs", "/swagger-ui");

  static KoppelSystem system;
  static KoppelSystem.Seeded alice;
  static KoppelSystem.Seeded bob;
  static long aliceOrder;
  static String aliceJob;
  static String aliceKey;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start();
    alice = system.seedIntegration("alice");
    bob = system.seedIntegration("bob");
    aliceOrder = ShopOrders.paidOrder(system, alice, "alice-klant@example.be").path("id").asLong();
    ShopOrders.awaitState(system, alice, aliceOrder, "BOOKED", 60);
    Http.put(
        system.appUrl() + "/api/profile/notification-email",
        Map.of("email", "alice-boekhouder@example.be"),
        alice.login(),
        alice.password());
    aliceJob =
        Http.post(
                system.appUrl() + "/api/imports",
                Map.of("from", "2020-01-01", "to", "2020-01-31"),
                alice.login(),
                alice.password())
            .json()
            .path("id")
            .asString();
    aliceKey =
        Http.get(system.appUrl() + "/api/profile", alice.login(), alice.password())
            .json()
            .path("licenceKey")
            .asString();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  /** What only the first merchant's answers contain. */
  private static List<String> aliceMarkers() {
    return List.of(
        aliceKey,
        "Shop alice",
        "alice@example.be",
        "alice-boekhouder@example.be",
        "alice-klant@example.be",
        alice.integrationId(),
        aliceJob);
  }

  /** Everything about the first merchant that a request could change. */
  private static String aliceSnapshot() {
    String a = "?integration=" + alice.integrationId();
    return String.join(
        "\n",
        Http.get(system.appUrl() + "/api/profile", alice.login(), alice.password()).body(),
        Http.get(system.appUrl() + "/api/imports", alice.login(), alice.password()).body(),
        system
            .operatorGet("/api/operator/integrations/" + alice.integrationId() + "/settings")
            .body(),
        ShopOrders.state(system, alice, aliceOrder),
        system.operatorGet("/api/connections" + a).body());
  }

  private String value(String variable) {
    String v = variable.toLowerCase();
    if (v.contains("order")) {
      return Long.toString(aliceOrder);
    }
    if (v.contains("job") || v.contains("import")) {
      return aliceJob;
    }
    if (v.contains("key") || v.contains("licence") || v.contains("license")) {
      return aliceKey;
    }
    if (v.contains("month")) {
      return YearMonth.now(ZoneId.of("Europe/Brussels")).toString();
    }
    return alice.integrationId(); // {id}, {integration}, {integrationId} and anything else
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

  private String fill(String pattern) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
    }
    m.appendTail(out);
    return out.toString().replace("/**", "");
  }

  /** A session of the second merchant: cookies, and the CSRF token of its pages. */
  private static final class Session {
    final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    String csrfHeader;
    String csrfToken;

    HttpResponse<String> send(String method, String url, String contentType, String body)
        throws Exception {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Accept-Language", "en-GB");
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      if (csrfToken != null && !method.equals("GET")) {
        b.header(csrfHeader, csrfToken);
      }
      b.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    void login(String app, String user, String password) throws Exception {
      String page = send("GET", app + "/login", null, null).body();
      Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
      assertThat(m.find()).isTrue();
      String form =
          "username="
              + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8)
              + "&_csrf="
              + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
      csrfToken = null;
      send("POST", app + "/login", "application/x-www-form-urlencoded", form);
      String dashboard = send("GET", app + "/dashboard/profile", null, null).body();
      Matcher t = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(dashboard);
      Matcher h = Pattern.compile("name=\"_csrf_header\" content=\"([^\"]+)\"").matcher(dashboard);
      assertThat(t.find() && h.find()).as("logged in as " + user).isTrue();
      csrfToken = t.group(1);
      csrfHeader = h.group(1);
    }

    boolean loggedIn(String app) throws Exception {
      return send("GET", app + "/dashboard/profile", null, null).statusCode() == 200;
    }
  }

  @Test
  void everyRouteAsTheWrongMerchantShowsAndChangesNothingOfTheFirst() throws Exception {
    String app = system.appUrl();
    RequestMappingHandlerMapping mapping =
        system.node(0).getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    Set<String> routes = new TreeSet<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (NOT_TRIED.stream().anyMatch(pattern::startsWith)) {
          continue;
        }
        if (methods.isEmpty()) {
          routes.add("GET " + pattern);
          routes.add("POST " + pattern);
        } else {
          methods.forEach(m -> routes.add(m.name() + " " + pattern));
        }
      }
    }
    assertThat(routes).contains("GET /dashboard/profile", "POST /api/orders/process");

    String before = aliceSnapshot();
    Session bobSession = new Session();
    bobSession.login(app, bob.login(), bob.password());
    List<String> tried = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      String pattern = route.substring(route.indexOf(' ') + 1);
      if (method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE")) {
        continue;
      }
      if (!bobSession.loggedIn(app)) {
        bobSession.login(app, bob.login(), bob.password());
      }
      String path = fill(pattern);
      String url =
          app + path + (path.contains("?") ? "&" : "?") + "integration=" + alice.integrationId();
      List<HttpResponse<String>> answers = new ArrayList<>();
      if (method.equals("GET")) {
        answers.add(bobSession.send("GET", url, null, null));
      } else {
        answers.add(bobSession.send(method, url, "application/json", "{}"));
        answers.add(
            bobSession.send(
                method,
                url,
                "application/x-www-form-urlencoded",
                "integration=" + alice.integrationId() + "&email=bob-was-here@example.be"));
      }
      for (HttpResponse<String> r : answers) {
        String seen = r.body() + " " + r.headers().firstValue("Location").orElse("");
        tried.add(String.format("%-6s %-55s → %d", method, pattern, r.statusCode()));
        for (String marker : aliceMarkers()) {
          if (r.statusCode() < 400 && seen.contains(marker)) {
            leaks.add(route + " (" + r.statusCode() + ") shows " + marker);
          }
        }
        if (r.statusCode() >= 400) {
          for (String marker : aliceMarkers().subList(0, 5)) {
            // an error page may repeat the address the caller typed (the language switch links
            // back to it); what the caller sent is no leak, anything else of Alice's is
            if (seen.replace(URI.create(url).getPath(), "").contains(marker)) {
              leaks.add(route + " (" + r.statusCode() + ") shows " + marker);
            }
          }
        }
      }
    }
    System.out.println("Routes tried as the wrong merchant (" + tried.size() + " calls):");
    tried.forEach(t -> System.out.println("  " + t));

    assertThat(leaks).isEmpty();
    assertThat(aliceSnapshot()).isEqualTo(before);
    assertThat(tried.size()).isGreaterThan(20);
  }
}

package koppel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import koppel.KoppelApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import sandbox.exact.ExactSandboxApplication;
import sandbox.kmoshops.KmoShopsSandboxApplication;
import sandbox.vies.ViesSandboxApplication;
import tools.jackson.databind.JsonNode;

/**
 * The whole system for integration tests: the Exact sandbox, the KMO Shops sandbox, the VIES
 * sandbox (every well-formed number registered unless a test says otherwise) and one or more Koppel
 * nodes on one PostgreSQL, each a real server on its own port, talking real HTTP.
 */
public final class KoppelSystem implements AutoCloseable {

  public static final String OPERATOR = "operator";
  public static final String OPERATOR_PASSWORD = "operator-test";
  public static final String CLIENT_ID = "koppel-test";
  public static final String CLIENT_SECRET = "koppel-test-secret";

  public final ConfigurableApplicationContext exact;
  public final ConfigurableApplicationContext shops;
  public final ConfigurableApplicationContext vies;
  public final String exactUrl;
  public final String shopsUrl;

  /** The VIES sandbox's root; its REST API is under {@link ViesSandboxApplication#BASE_PATH}. */
  public final String viesUrl;

  public final String dbUrl;
  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
  private final List<String> nodeUrls = new ArrayList<>();
  private final Map<String, Object> appProperties;

  private KoppelSystem(
      Map<String, Object> exactProps, Map<String, Object> shopProps, Map<String, Object> appProps) {
    Map<String, Object> e = new HashMap<>(Map.of("server.port", 0));
    e.putAll(exactProps);
    this.exact = ExactSandboxApplication.start(e);
    Map<String, Object> s = new HashMap<>(Map.of("server.port", 0));
    s.putAll(shopProps);
    this.shops = KmoShopsSandboxApplication.start(s);
    this.vies =
        ViesSandboxApplication.start(
            Map.of("server.port", 0, "sandbox.vies.unknown-numbers-valid", true));
    this.viesUrl = "http://localhost:" + port(vies);
    this.exactUrl = "http://localhost:" + port(exact);
    this.shopsUrl = "http://localhost:" + port(shops);
    this.dbUrl = TestDatabase.newDatabase();
    this.appProperties = appProps;
  }

  public static KoppelSystem start() {
    return start(Map.of(), Map.of(), Map.of());
  }

  public static KoppelSystem start(
      Map<String, Object> exactProps, Map<String, Object> shopProps, Map<String, Object> appProps) {
    KoppelSystem system = new KoppelSystem(exactProps, shopProps, appProps);
    system.startNode(Map.of());
    return system;
  }

  /** The sandboxes and the database only: Koppel nodes run elsewhere (see {@link #useNode}). */
  public static KoppelSystem sandboxes(
      Map<String, Object> exactProps, Map<String, Object> shopProps, Map<String, Object> appProps) {
    return new KoppelSystem(exactProps, shopProps, appProps);
  }

  /** Registers a Koppel node running elsewhere (a separate process); the first one seeds. */
  public void useNode(String url) {
    nodeUrls.add(url);
  }

  /** Starts one more Koppel node on the same database; returns its base URL. */
  public String startNode(Map<String, Object> extra) {
    int port =
        extra.containsKey("server.port")
            ? Integer.parseInt(extra.get("server.port").toString())
            : freePort();
    String url = "http://localhost:" + port;
    Map<String, Object> p = nodeProperties(port, tempDir());
    p.putAll(extra);
    String[] args =
        p.entrySet().stream()
            .map(x -> "--" + x.getKey() + "=" + x.getValue())
            .toArray(String[]::new);
    ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(KoppelApplication.class).run(args);
    nodes.add(ctx);
    nodeUrls.add(url);
    return url;
  }

  /**
   * What a Koppel node of this system is started with: this database, these sandboxes, the test app
   * registration and keys; its own port and data directory.
   */
  public Map<String, Object> nodeProperties(int port, Path dataDir) {
    String url = "http://localhost:" + port;
    Map<String, Object> p = new HashMap<>();
    p.put("server.port", port);
    p.put("koppel.public-url", url);
    p.put("koppel.db.url", dbUrl);
    p.put("koppel.data-dir", dataDir.toString());
    p.put("koppel.crypto.key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    p.put("koppel.operator.password", OPERATOR_PASSWORD);
    p.put("koppel.exact.client-id", CLIENT_ID);
    p.put("koppel.exact.client-secret", CLIENT_SECRET);
    p.put("koppel.exact.base-url", exactUrl);
    p.put("koppel.kmoshops.base-url", shopsUrl);
    p.put("koppel.kmoshops.client-id", CLIENT_ID);
    p.put("koppel.kmoshops.client-secret", CLIENT_SECRET);
    p.put("koppel.vat.vies.base-url", viesUrl + ViesSandboxApplication.BASE_PATH);
    p.put("koppel.vat.vies.requester-country", "BE");
    p.put("koppel.vat.vies.requester-number", "0403170701");
    p.put("spring.jmx.enabled", false);
    p.putAll(appProperties);
    return p;
  }

  public String appUrl() {
    return nodeUrls.get(0);
  }

  public ConfigurableApplicationContext node(int i) {
    return nodes.get(i);
  }

  /** What {@link #seedIntegration} created, for the test to use. */
  public record Seeded(
      String integrationId,
      int division,
      long shopId,
      String shopToken,
      String webhookSecret,
      String login,
      String password) {}

  /**
   * A Belgian shop and a Belgian Exact division, connected to a new integration booking sales
   * invoices with VAT codes incl. VAT (21 % → 13, 6 % → 11, 12 % → 12).
   */
  public Seeded seedIntegration(String login) {
    return seedIntegration(login, null);
  }

  /** As {@link #seedIntegration(String)}, with a start date (orders placed before are skipped). */
  public Seeded seedIntegration(String login, java.time.LocalDate startDate) {
    return seedIntegration(login, startDate, true);
  }

  /**
   * As {@link #seedIntegration(String)}, for a shop whose prices are entered incl. or excl. VAT.
   */
  public Seeded seedIntegration(
      String login, java.time.LocalDate startDate, boolean shopPricesIncludeVat) {
    return seedIntegration(login, startDate, shopPricesIncludeVat, null);
  }

  /**
   * As {@link #seedIntegration(String, java.time.LocalDate, boolean)}, booking into an existing
   * division (two shops sharing one administration) when {@code sharedDivision} is given.
   */
  public Seeded seedIntegration(
      String login,
      java.time.LocalDate startDate,
      boolean shopPricesIncludeVat,
      Integer sharedDivision) {
    int code =
        sharedDivision != null
            ? sharedDivision
            : Http.post(exactUrl + "/admin/divisions", Map.of("country", "BE"))
                .json()
                .path("code")
                .asInt();
    Http.post(
        exactUrl + "/admin/clients",
        Map.of(
            "clientId",
            CLIENT_ID,
            "clientSecret",
            CLIENT_SECRET,
            "redirectUri",
            appUrl() + "/oauth/exact/callback",
            "name",
            "Koppel"));
    String exactUser = "exact-" + login;
    Http.post(
        exactUrl + "/admin/users",
        Map.of("username", exactUser, "password", "pw", "divisions", List.of(code)));

    long shopId =
        Http.post(
                shopsUrl + "/admin/shops",
                Map.of(
                    "name",
                    "Shop " + login,
                    "country",
                    "BE",
                    "pricesIncludeTax",
                    shopPricesIncludeVat))
            .json()
            .path("id")
            .asLong();
    JsonNode install =
        Http.post(shopsUrl + "/admin/shops/" + shopId + "/install", Map.of("clientId", CLIENT_ID))
            .json();

    String password = "pw-" + login;
    Map<String, Object> integration =
        new HashMap<>(
            Map.of(
                "name",
                "Shop " + login,
                "ownerEmail",
                login + "@example.be",
                "login",
                login,
                "password",
                password,
                "shopCountry",
                "BE"));
    if (startDate != null) {
      integration.put("startDate", startDate.toString());
    }
    JsonNode created = operatorPost("/api/operator/integrations", integration).json();
    String id = created.path("id").asString();
    operatorPut(
        "/api/operator/integrations/" + id + "/connections/kmoshops",
        Map.of(
            "baseUrl",
            shopsUrl,
            "shopId",
            Long.toString(shopId),
            "accessToken",
            install.path("access_token").asString(),
            "webhookSecret",
            install.path("webhook_secret").asString()));
    // tokens are fetched right before they are handed over, as a real code exchange would be:
    // Koppel counts a token's age from when it received it
    JsonNode tokens =
        Http.post(exactUrl + "/admin/tokens", Map.of("clientId", CLIENT_ID, "username", exactUser))
            .json();
    operatorPut(
        "/api/operator/integrations/" + id + "/connections/exact",
        Map.of(
            "baseUrl",
            exactUrl,
            "division",
            Integer.toString(code),
            "accessToken",
            tokens.path("access_token").asString(),
            "refreshToken",
            tokens.path("refresh_token").asString(),
            "expiresIn",
            Long.parseLong(tokens.path("expires_in").asString())));
    operatorPut(
        "/api/operator/integrations/" + id + "/settings",
        Map.of("bookingMode", "SALES_INVOICE", "vatIncluding", true, "salesJournal", "700"));
    String revenue21 = glAccount(code, "700000");
    String revenue6 = glAccount(code, "700100");
    operatorPut(
        "/api/operator/integrations/" + id + "/vat-mappings",
        List.of(
            Map.of(
                "kind",
                "COUNTRY",
                "country",
                "BE",
                "rate",
                new BigDecimal("21"),
                "vatCode",
                "13",
                "glAccount",
                revenue21),
            Map.of(
                "kind",
                "COUNTRY",
                "country",
                "BE",
                "rate",
                new BigDecimal("6"),
                "vatCode",
                "11",
                "glAccount",
                revenue6)));
    return new Seeded(
        id,
        code,
        shopId,
        install.path("access_token").asString(),
        install.path("webhook_secret").asString(),
        login,
        password);
  }

  /**
   * Creates a customer account in the seeded Exact administration through Exact's own API (as an
   * accountant would), e.g. the debtor for guest orders; returns its JSON.
   */
  public JsonNode createDebtor(Seeded seeded, String code, String name) {
    JsonNode tokens =
        Http.post(
                exactUrl + "/admin/tokens",
                Map.of("clientId", CLIENT_ID, "username", "exact-" + seeded.login()))
            .json();
    Http.Response r =
        Http.postBearer(
            exactUrl + "/api/v1/" + seeded.division() + "/crm/Accounts",
            Map.of("Code", code, "Name", name, "Status", "C"),
            tokens.path("access_token").asString());
    if (r.status() != 201) {
      throw new IllegalStateException("Exact refused the debtor: " + r.status() + " " + r.body());
    }
    return r.json().path("d");
  }

  /**
   * Replaces the integration's settings: a sales invoice with incl. VAT codes on journal 700,
   * changed by {@code changes} (any field of the operator settings API).
   */
  public void settings(Seeded seeded, Map<String, Object> changes) {
    Map<String, Object> s =
        new HashMap<>(
            Map.of("bookingMode", "SALES_INVOICE", "vatIncluding", true, "salesJournal", "700"));
    s.putAll(changes);
    operatorPut("/api/operator/integrations/" + seeded.integrationId() + "/settings", s);
  }

  /** One row of the VAT table, the revenue account by its code. */
  public static Map<String, Object> vatRow(
      String kind, String country, String rate, String vatCode, String glAccount) {
    return Map.of(
        "kind",
        kind,
        "country",
        country,
        "rate",
        new BigDecimal(rate),
        "vatCode",
        vatCode,
        "glAccount",
        glAccount);
  }

  /**
   * What a Belgian merchant selling across the EU configures: domestic rates, the OSS code (incl.
   * VAT) of every destination and rate in the administration, ICP and exports; all on revenue
   * account 700000.
   */
  public void belgianVatTable(Seeded seeded) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String[] be : new String[][] {{"21", "13"}, {"12", "12"}, {"6", "11"}, {"0", "00"}}) {
      rows.add(vatRow("COUNTRY", "BE", be[0], be[1], "700000"));
    }
    for (JsonNode code : exactRows(seeded.division(), "vat/VATCodes")) {
      String country = code.path("OssCountry").asString("");
      if (!country.isEmpty() && "I".equals(code.path("Type").asString())) {
        String rate =
            new BigDecimal(code.path("Percentage").asString())
                .movePointRight(2)
                .stripTrailingZeros()
                .toPlainString();
        rows.add(vatRow("COUNTRY", country, rate, code.path("Code").asString(), "700000"));
      }
    }
    rows.add(vatRow("ICP", "", "0", "44", "700000"));
    rows.add(vatRow("INTERNATIONAL", "", "0", "47", "700000"));
    operatorPut("/api/operator/integrations/" + seeded.integrationId() + "/vat-mappings", rows);
  }

  /** The ID of a GL account by code, read from the sandbox's admin API. */
  public String glAccount(int division, String code) {
    for (JsonNode gl : exactRows(division, "financial/GLAccounts")) {
      if (code.equals(gl.path("Code").asString())) {
        return gl.path("ID").asString();
      }
    }
    throw new IllegalArgumentException("No GL account " + code);
  }

  public JsonNode exactRows(int division, String entity) {
    return Http.get(exactUrl + "/admin/divisions/" + division + "/" + entity).json();
  }

  public Http.Response operatorPost(String path, Object body) {
    Http.Response r = Http.post(appUrl() + path, body, OPERATOR, OPERATOR_PASSWORD);
    if (r.status() >= 300) {
      throw new IllegalStateException(path + " → " + r.status() + " " + r.body());
    }
    return r;
  }

  public Http.Response operatorPut(String path, Object body) {
    Http.Response r = Http.put(appUrl() + path, body, OPERATOR, OPERATOR_PASSWORD);
    if (r.status() >= 300) {
      throw new IllegalStateException(path + " → " + r.status() + " " + r.body());
    }
    return r;
  }

  public Http.Response operatorGet(String path) {
    return Http.get(appUrl() + path, OPERATOR, OPERATOR_PASSWORD);
  }

  @Override
  public void close() {
    for (ConfigurableApplicationContext n : nodes) {
      n.close();
    }
    shops.close();
    exact.close();
    vies.close();
  }

  private static int port(ConfigurableApplicationContext ctx) {
    return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path tempDir() {
    try {
      return Files.createTempDirectory("koppel-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

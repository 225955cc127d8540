package koppel.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the demo over the real APIs: a Belgian Exact administration and app registration, a Belgian
 * shop with Koppel installed, the integration with its settings and VAT mapping, a month of orders
 * that show every state (booked, waiting for payment, cancelled, broken) and an import of forty
 * older orders, so every tab of the dashboard has something to show. Skips what a previous run
 * already created.
 */
final class DemoSeed {

  static final String LOGIN = "demo";
  static final String PASSWORD = "demo";
  static final int DIVISION = 100_001;
  static final String GUEST_DEBTOR = "9999";
  static final int PAST_ORDERS = 40;
  private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Result(int division, long shopId, String summary) {}

  private final String appUrl;
  private final String exactUrl;
  private final String shopUrl;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  DemoSeed(String appUrl, String exactUrl, String shopUrl) {
    this.appUrl = appUrl;
    this.exactUrl = exactUrl;
    this.shopUrl = shopUrl;
  }

  Result run() throws IOException, InterruptedException {
    boolean divisionExists = false;
    for (JsonNode d : call("GET", exactUrl + "/admin/divisions", null, false)) {
      divisionExists |= d.path("code").asInt() == DIVISION;
    }
    JsonNode existing =
        call("GET", appUrl + "/api/operator/integrations?login=" + LOGIN, null, true);
    if (divisionExists && !existing.isEmpty()) {
      long shopId = call("GET", shopUrl + "/admin/shops", null, false).path(0).path("id").asLong();
      return new Result(DIVISION, shopId, "Restarted: the data of the previous run is kept.");
    }

    call(
        "POST",
        exactUrl + "/admin/divisions",
        Map.of("country", "BE", "code", DIVISION, "description", "Fietsen Janssens BV"),
        false);
    call(
        "POST",
        exactUrl + "/admin/clients",
        Map.of(
            "clientId",
            DemoLauncher.CLIENT_ID,
            "clientSecret",
            DemoLauncher.CLIENT_SECRET,
            "redirectUri",
            appUrl + "/oauth/exact/callback",
            "name",
            "Koppel"),
        false);
    call(
        "POST",
        exactUrl + "/admin/users",
        Map.of(
            "username",
            "demo@exact",
            "password",
            "demo",
            "fullName",
            "Demo Boekhouder",
            "divisions",
            List.of(DIVISION)),
        false);
    JsonNode tokens =
        call(
            "POST",
            exactUrl + "/admin/tokens",
            Map.of("clientId", DemoLauncher.CLIENT_ID, "username", "demo@exact"),
            false);

    long shopId =
        call(
                "POST",
                shopUrl + "/admin/shops",
                Map.of(
                    "name",
                    "Fietsen Janssens",
                    "country",
                    "BE",
                    "email",
                    "info@fietsen-janssens.be"),
                false)
            .path("id")
            .asLong();
    JsonNode install =
        call(
            "POST",
            shopUrl + "/admin/shops/" + shopId + "/install",
            Map.of("clientId", DemoLauncher.CLIENT_ID),
            false);

    // forty orders of the month before, placed before Koppel was installed: the Migration tab
    // brings them in (no webhook reached Koppel for them)
    LocalDate today = LocalDate.now(BRUSSELS);
    LocalDate pastFrom = today.minusDays(60);
    LocalDate pastTo = today.minusDays(31);
    call(
        "POST",
        shopUrl + "/admin/shops/" + shopId + "/generate",
        Map.of(
            "count",
            PAST_ORDERS,
            "seed",
            2025,
            "from",
            pastFrom.atTime(8, 0).atZone(BRUSSELS).toOffsetDateTime().toString(),
            "to",
            pastTo.atTime(20, 0).atZone(BRUSSELS).toOffsetDateTime().toString(),
            "brokenRate",
            0.0),
        false);

    String id =
        existing.isEmpty()
            ? call(
                    "POST",
                    appUrl + "/api/operator/integrations",
                    Map.of(
                        "name",
                        "Fietsen Janssens",
                        "ownerEmail",
                        "info@fietsen-janssens.be",
                        "login",
                        LOGIN,
                        "password",
                        PASSWORD,
                        "shopCountry",
                        "BE"),
                    true)
                .path("id")
                .asString()
            : existing.get(0).path("id").asString();
    String base = appUrl + "/api/operator/integrations/" + id;
    call(
        "PUT",
        base + "/connections/kmoshops",
        Map.of(
            "baseUrl",
            shopUrl,
            "shopId",
            Long.toString(shopId),
            "accessToken",
            install.path("access_token").asString(),
            "webhookSecret",
            install.path("webhook_secret").asString()),
        true);
    call(
        "PUT",
        base + "/connections/exact",
        Map.of(
            "baseUrl",
            exactUrl,
            "division",
            Integer.toString(DIVISION),
            "accessToken",
            tokens.path("access_token").asString(),
            "refreshToken",
            tokens.path("refresh_token").asString(),
            "expiresIn",
            Long.parseLong(tokens.path("expires_in").asString())),
        true);
    // guests who order by phone leave no e-mail address: they are booked on this debtor
    exactApi(
        tokens.path("access_token").asString(),
        "crm/Accounts",
        Map.of("Code", GUEST_DEBTOR, "Name", "Webshop guests", "Status", "C"));
    call(
        "PUT",
        base + "/settings",
        Map.of(
            "bookingMode",
            "SALES_INVOICE",
            "vatIncluding",
            true,
            "salesJournal",
            "700",
            "cashJournal",
            "10",
            "paymentCondition",
            "14",
            "warehouse",
            "1",
            "fallbackDebtor",
            GUEST_DEBTOR),
        true);
    call("PUT", base + "/vat-mappings", vatMappings(), true);
    // saved once as the merchant's Configuration tab saves it: checked, and marked complete, so
    // the dashboard opens on the Report rather than on the installation wizard
    String asMerchant = "?integration=" + id;
    JsonNode saved =
        call(
            "PUT",
            appUrl + "/api/configuration" + asMerchant,
            call("GET", appUrl + "/api/configuration" + asMerchant, null, true),
            true);
    if (!saved.path("complete").asBoolean()) {
      throw new IllegalStateException("The demo's configuration is incomplete: " + saved);
    }
    // a paying customer: the Profile tab shows this month's subscription invoice
    call("PUT", base + "/subscription", Map.of("active", true), true);

    // a realistic month: B2C and B2B, OSS destinations, ICP, exports, discounts, fees, late
    // bank transfers, cancellations and a few broken orders
    int count = 120;
    call(
        "POST",
        shopUrl + "/admin/shops/" + shopId + "/generate",
        Map.of("count", count, "seed", 2026, "brokenRate", 0.04),
        false);
    awaitSettled(id, count);
    call(
        "POST",
        appUrl + "/api/imports" + asMerchant,
        Map.of("from", pastFrom.toString(), "to", pastTo.toString()),
        true);
    String summary = awaitSettled(id, count + PAST_ORDERS);
    return new Result(DIVISION, shopId, summary);
  }

  private String awaitSettled(String integrationId, int expected)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(90);
    Map<String, Integer> states = new LinkedHashMap<>();
    Map<String, Integer> errors = new LinkedHashMap<>();
    while (Instant.now().isBefore(deadline)) {
      states.clear();
      errors.clear();
      for (JsonNode o :
          call("GET", appUrl + "/api/orders?size=1000&integration=" + integrationId, null, true)
              .path("orders")) {
        states.merge(o.path("state").asString(), 1, Integer::sum);
        if ("FAILED".equals(o.path("state").asString())) {
          errors.merge(o.path("error").path("code").asString(), 1, Integer::sum);
        }
      }
      int settled =
          states.entrySet().stream()
              .filter(e -> !e.getKey().equals("QUEUED") && !e.getKey().equals("BOOKING"))
              .mapToInt(Map.Entry::getValue)
              .sum();
      if (settled >= expected) {
        break;
      }
      Thread.sleep(250);
    }
    return "Demo orders: " + states + (errors.isEmpty() ? "" : ", errors " + errors);
  }

  private static Map<String, Object> vat(String country, String rate, String code, String gl) {
    return Map.of(
        "kind", "COUNTRY", "country", country, "rate", rate, "vatCode", code, "glAccount", gl);
  }

  /**
   * The VAT configuration a Belgian merchant selling across the EU makes: domestic rates, one OSS
   * code per destination and rate (read from the administration), ICP and exports.
   */
  private List<Map<String, Object>> vatMappings() throws IOException, InterruptedException {
    // revenue accounts by the code an accountant knows; Koppel finds them in the administration
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(vat("BE", "21", "13", "700000"));
    rows.add(vat("BE", "12", "12", "700200"));
    rows.add(vat("BE", "6", "11", "700100"));
    rows.add(vat("BE", "0", "00", "700000"));
    String oss = "700500";
    for (JsonNode code :
        call("GET", exactUrl + "/admin/divisions/" + DIVISION + "/vat/VATCodes", null, false)) {
      String country = code.path("OssCountry").asString("");
      if (!country.isEmpty() && "I".equals(code.path("Type").asString())) {
        String rate =
            new java.math.BigDecimal(code.path("Percentage").asString())
                .movePointRight(2)
                .stripTrailingZeros()
                .toPlainString();
        rows.add(vat(country, rate, code.path("Code").asString(), oss));
      }
    }
    rows.add(
        Map.of("kind", "ICP", "country", "", "rate", "0", "vatCode", "44", "glAccount", "700300"));
    rows.add(
        Map.of(
            "kind",
            "INTERNATIONAL",
            "country",
            "",
            "rate",
            "0",
            "vatCode",
            "47",
            "glAccount",
            "700400"));
    return rows;
  }

  /** A POST to Exact's own API in the demo administration, as an accountant's tool would. */
  private JsonNode exactApi(String token, String path, Object body)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(exactUrl + "/api/v1/" + DIVISION + "/" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Prefer", "return=representation")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException("POST " + path + " → " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private JsonNode call(String method, String url, Object body, boolean operator)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (operator) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      ("operator:" + DemoLauncher.OPERATOR_PASSWORD)
                          .getBytes(StandardCharsets.UTF_8)));
    }
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + url + " → " + r.statusCode() + " " + r.body());
    }
    return r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
  }
}

package koppel.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the demo over the real APIs: a Belgian Exact administration and app registration, a Belgian
 * shop with Koppel installed, the integration with its settings and VAT mapping, and a few orders
 * that show every state (booked, waiting for payment, cancelled, broken). Skips what a previous run
 * already created.
 */
final class DemoSeed {

  static final String LOGIN = "demo";
  static final String PASSWORD = "demo";
  static final int DIVISION = 100_001;
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
            "14"),
        true);
    call(
        "PUT",
        base + "/vat-mappings",
        List.of(
            vat("BE", "21", "13", glAccount("700000")),
            vat("BE", "12", "12", glAccount("700200")),
            vat("BE", "6", "11", glAccount("700100"))),
        true);

    List<Map<String, Object>> orders = orders();
    for (Map<String, Object> order : orders) {
      call("POST", shopUrl + "/admin/shops/" + shopId + "/orders", order, false);
    }
    String summary = awaitSettled(id, orders.size());
    return new Result(DIVISION, shopId, summary);
  }

  private String awaitSettled(String integrationId, int expected)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    Map<String, Integer> states = new LinkedHashMap<>();
    while (Instant.now().isBefore(deadline)) {
      states.clear();
      for (JsonNode o :
          call("GET", appUrl + "/api/orders?integration=" + integrationId, null, true)) {
        states.merge(o.path("state").asString(), 1, Integer::sum);
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
    return "Demo orders: " + states;
  }

  private String glAccount(String code) throws IOException, InterruptedException {
    for (JsonNode gl :
        call(
            "GET",
            exactUrl + "/admin/divisions/" + DIVISION + "/financial/GLAccounts",
            null,
            false)) {
      if (code.equals(gl.path("Code").asString())) {
        return gl.path("ID").asString();
      }
    }
    throw new IllegalStateException("No GL account " + code);
  }

  private static Map<String, Object> vat(String country, String rate, String code, String gl) {
    return Map.of(
        "kind", "COUNTRY", "country", country, "rate", rate, "vatCode", code, "glAccount", gl);
  }

  private static List<Map<String, Object>> orders() {
    List<Map<String, Object>> orders = new ArrayList<>();
    orders.add(
        order(
            "processing",
            "paid",
            "bancontact",
            "Bancontact",
            customer("an.peeters@example.be", "An", "Peeters", false, null, null),
            address("An Peeters", "Kerkstraat", "12", "9000", "Gent"),
            List.of(
                line("FIETS-CITY-01", "Stadsfiets Gent", "1", "649.00", null, "21"),
                line("SLOT-07", "Kettingslot", "1", "34.95", "3.50", "21")),
            charge("bpost", "0.00", "21"),
            null));
    orders.add(
        order(
            "completed",
            "paid",
            "ideal",
            "iDEAL",
            customer("jo.o'brien@example.be", "Jo", "O'Brien", false, null, null),
            address("Jo O'Brien", "Meir", "5", "2000", "Antwerpen"),
            List.of(
                line("BOEK-ROUTE", "Fietsroutes in Vlaanderen", "2", "19.95", null, "6"),
                line("BIDON-1", "Bidon 750 ml", "3", "7.50", null, "21")),
            charge("bpost", "6.05", "21"),
            null));
    orders.add(
        order(
            "processing",
            "paid",
            "banktransfer",
            "Bank transfer",
            customer("inkoop@velo-pro.be", "Els", "Maes", true, "Velo Pro BV", "BE0123456749"),
            address("Velo Pro BV", "Industrieweg", "44", "3000", "Leuven"),
            List.of(line("BAND-28", "Buitenband 28\"", "10", "24.00", "12.00", "21")),
            charge("DHL", "12.10", "21"),
            null));
    orders.add(
        order(
            "shipped",
            "paid",
            "creditcard",
            "Credit card",
            customer("zoe.dubois@example.be", "Zoë", "Dubois", false, null, null),
            address("Zoë Dubois", "Rue Haute", "101", "1000", "Bruxelles"),
            List.of(
                line("HELM-M", "Fietshelm M", "1", "59.99", null, "21"),
                line("KAART-BE", "Fietskaart België", "1", "12.50", null, "6")),
            null,
            null));
    orders.add(
        order(
            "new",
            "pending",
            "banktransfer",
            "Bank transfer",
            customer("karel@example.be", "Karel", "Janssens", false, null, null),
            address("Karel Janssens", "Markt", "1", "8000", "Brugge"),
            List.of(line("FIETS-KIDS", "Kinderfiets 20\"", "1", "299.00", null, "21")),
            charge("bpost", "6.05", "21"),
            null));
    orders.add(
        order(
            "cancelled",
            "cancelled",
            "bancontact",
            "Bancontact",
            customer("lies@example.be", "Lies", "Wouters", false, null, null),
            address("Lies Wouters", "Stationsstraat", "3", "2800", "Mechelen"),
            List.of(line("POMP-1", "Vloerpomp", "1", "29.95", null, "21")),
            null,
            null));
    orders.add(
        order(
            "processing",
            "paid",
            "bancontact",
            "Bancontact",
            customer("tom@example.be", "Tom", "Claes", false, null, null),
            address("Tom Claes", "Dorp", "9", "3500", "Hasselt"),
            List.of(line("LAMP-SET", "Verlichtingsset", "1", "39.95", null, "21")),
            null,
            "35.00"));
    return orders;
  }

  private static Map<String, Object> order(
      String status,
      String payment,
      String method,
      String title,
      Map<String, Object> customer,
      Map<String, Object> address,
      List<Map<String, Object>> lines,
      Map<String, Object> shipping,
      String brokenTotal) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("status", status);
    o.put("paymentStatus", payment);
    o.put("paymentMethodCode", method);
    o.put("paymentMethodTitle", title);
    o.put("customer", customer);
    o.put("billingAddress", address);
    o.put("lines", lines);
    o.put("shipping", shipping);
    o.put("totalInclOverride", brokenTotal);
    return o;
  }

  private static Map<String, Object> customer(
      String email, String first, String last, boolean company, String companyName, String vat) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("email", email);
    c.put("firstName", first);
    c.put("lastName", last);
    c.put("isCompany", company);
    c.put("companyName", companyName);
    c.put("vatNumber", vat);
    return c;
  }

  private static Map<String, Object> address(
      String name, String street, String number, String zip, String city) {
    return Map.of(
        "name",
        name,
        "street",
        street,
        "number",
        number,
        "zipcode",
        zip,
        "city",
        city,
        "countryCode",
        "BE");
  }

  private static Map<String, Object> line(
      String sku, String name, String qty, String price, String discount, String rate) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("sku", sku);
    l.put("name", name);
    l.put("quantity", qty);
    l.put("unitPrice", price);
    l.put("discount", discount);
    l.put("vatRate", rate);
    return l;
  }

  private static Map<String, Object> charge(String title, String price, String rate) {
    return Map.of("title", title, "price", price, "vatRate", rate);
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

package koppel.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One Belgian shop, one Belgian Exact division and a connected, fully configured integration, made
 * through the public APIs as the demo makes them (demo/DemoSeed): sales invoices incl. VAT, every
 * OSS, ICP and export VAT code mapped, a guest debtor, the configuration saved as complete.
 */
final class Seed {

  static final int DIVISION = 100_001;
  static final String GUEST_DEBTOR = "9999";
  static final String LOGIN = "bench";

  /** What was made. */
  record Seeded(String integrationId, int division, long shopId) {}

  private Seed() {}

  static Seeded run(Cluster c) {
    Http http = new Http();
    Http operator = new Http("operator", Cluster.OPERATOR_PASSWORD);
    String appUrl = c.appUrl();
    String exactUrl = c.exactUrl;
    String shopUrl = c.shopUrl;

    http.call(
        "POST",
        exactUrl + "/admin/divisions",
        Map.of("country", "BE", "code", DIVISION, "description", "Fietsen Janssens BV"));
    http.call(
        "POST",
        exactUrl + "/admin/clients",
        Map.of(
            "clientId",
            Cluster.CLIENT_ID,
            "clientSecret",
            Cluster.CLIENT_SECRET,
            "redirectUri",
            appUrl + "/oauth/exact/callback",
            "name",
            "Koppel"));
    http.call(
        "POST",
        exactUrl + "/admin/users",
        Map.of(
            "username",
            "bench@exact",
            "password",
            "bench",
            "fullName",
            "Bench Boekhouder",
            "divisions",
            List.of(DIVISION)));
    JsonNode tokens =
        http.call(
            "POST",
            exactUrl + "/admin/tokens",
            Map.of("clientId", Cluster.CLIENT_ID, "username", "bench@exact"));

    long shopId =
        http.call(
                "POST",
                shopUrl + "/admin/shops",
                Map.of(
                    "name",
                    "Fietsen Janssens",
                    "country",
                    "BE",
                    "email",
                    "info@fietsen-janssens.be"))
            .path("id")
            .asLong();
    JsonNode install =
        http.call(
            "POST",
            shopUrl + "/admin/shops/" + shopId + "/install",
            Map.of("clientId", Cluster.CLIENT_ID));

    String id =
        operator
            .call(
                "POST",
                appUrl + "/api/operator/integrations",
                Map.of(
                    "name", "Fietsen Janssens",
                    "ownerEmail", "info@fietsen-janssens.be",
                    "login", LOGIN,
                    "password", "bench-merchant",
                    "shopCountry", "BE"))
            .path("id")
            .asString();
    String base = appUrl + "/api/operator/integrations/" + id;
    operator.call(
        "PUT",
        base + "/connections/kmoshops",
        Map.of(
            "baseUrl", shopUrl,
            "shopId", Long.toString(shopId),
            "accessToken", install.path("access_token").asString(),
            "webhookSecret", install.path("webhook_secret").asString()));
    operator.call(
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
            Long.parseLong(tokens.path("expires_in").asString())));
    // guests who order by phone leave no e-mail address: they are booked on this debtor
    exactPost(exactUrl, tokens.path("access_token").asString(), "crm/Accounts");
    operator.call(
        "PUT",
        base + "/settings",
        Map.of(
            "bookingMode", "SALES_INVOICE",
            "vatIncluding", true,
            "salesJournal", "700",
            "cashJournal", "10",
            "paymentCondition", "14",
            "warehouse", "1",
            "fallbackDebtor", GUEST_DEBTOR));
    operator.call("PUT", base + "/vat-mappings", vatMappings(http, exactUrl));
    String asMerchant = "?integration=" + id;
    JsonNode saved =
        operator.call(
            "PUT",
            appUrl + "/api/configuration" + asMerchant,
            operator.get(appUrl + "/api/configuration" + asMerchant));
    if (!saved.path("complete").asBoolean()) {
      throw new IllegalStateException("The bench's configuration is incomplete: " + saved);
    }
    operator.call("PUT", base + "/subscription", Map.of("active", true));
    return new Seeded(id, DIVISION, shopId);
  }

  /** The guest debtor, made in Exact as an accountant's tool would (a bearer token). */
  private static void exactPost(String exactUrl, String token, String path) {
    try {
      java.net.http.HttpResponse<String> r =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(exactUrl + "/api/v1/" + DIVISION + "/" + path))
                      .header("Accept", "application/json")
                      .header("Content-Type", "application/json")
                      .header("Authorization", "Bearer " + token)
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "{\"Code\":\""
                                  + GUEST_DEBTOR
                                  + "\",\"Name\":\"Webshop guests\",\"Status\":\"C\"}"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException("POST " + path + " → " + r.statusCode() + " " + r.body());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> vat(String country, String rate, String code, String gl) {
    return Map.of(
        "kind", "COUNTRY", "country", country, "rate", rate, "vatCode", code, "glAccount", gl);
  }

  /** Domestic rates, one OSS code per destination and rate (read from Exact), ICP and exports. */
  private static List<Map<String, Object>> vatMappings(Http http, String exactUrl) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(vat("BE", "21", "13", "700000"));
    rows.add(vat("BE", "12", "12", "700200"));
    rows.add(vat("BE", "6", "11", "700100"));
    rows.add(vat("BE", "0", "00", "700000"));
    for (JsonNode code : http.get(exactUrl + "/admin/divisions/" + DIVISION + "/vat/VATCodes")) {
      String country = code.path("OssCountry").asString("");
      if (!country.isEmpty() && "I".equals(code.path("Type").asString())) {
        String rate =
            new BigDecimal(code.path("Percentage").asString())
                .movePointRight(2)
                .stripTrailingZeros()
                .toPlainString();
        rows.add(vat(country, rate, code.path("Code").asString(), "700500"));
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
}

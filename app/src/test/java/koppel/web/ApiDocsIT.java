package koppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import koppel.support.Chrome;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/** The JSON API's OpenAPI description and its page, reachable without a login. */
class ApiDocsIT {

  static KoppelSystem system;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void theDescriptionListsTheApiAndNoDashboardPages() {
    Http.Response r = Http.get(system.appUrl() + "/v3/api-docs");
    assertThat(r.status()).isEqualTo(200);
    JsonNode paths = r.json().path("paths");
    assertThat(paths.has("/api/orders")).isTrue();
    assertThat(paths.has("/api/profile")).isTrue();
    assertThat(paths.has("/api/imports")).isTrue();
    assertThat(paths.has("/dashboard/profile")).isFalse();
    assertThat(r.json().path("info").path("title").asString()).isEqualTo("Koppel API");
  }

  @Test
  void thePageAnswersAfterItsRedirects() throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(system.appUrl() + "/api-docs")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).containsIgnoringCase("swagger");
    try (Chrome en = Chrome.start("en-GB")) {
      en.open(system.appUrl() + "/api-docs");
      en.waitUntil(d -> d.getPageSource().contains("/api/orders"));
      assertThat(en.text(By.cssSelector(".info .title"))).contains("Koppel API");
      en.screenshot("api-docs");
    }
  }
}

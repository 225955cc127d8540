package koppel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import koppel.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Without a database URL Koppel starts a real embedded PostgreSQL whose data directory survives a
 * restart; health and readiness are public.
 */
class EmbeddedDatabaseIT {

  @Test
  void embeddedPostgresKeepsDataAcrossRestartsAndReportsReady() throws IOException {
    Path dataDir = Files.createTempDirectory("koppel-embedded");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://localhost:" + port;
    String id;
    try (ConfigurableApplicationContext first = start(dataDir, port)) {
      assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
      assertThat(Http.get(url + "/actuator/health/readiness").body()).contains("UP");
      assertThat(Http.get(url + "/actuator/health/liveness").body()).contains("UP");
      Http.Response created =
          Http.post(
              url + "/api/operator/integrations",
              Map.of(
                  "name",
                  "Restart shop",
                  "ownerEmail",
                  "r@example.be",
                  "login",
                  "restart",
                  "password",
                  "secret-pw",
                  "shopCountry",
                  "NL"),
              "operator",
              "op");
      assertThat(created.status()).isEqualTo(201);
      id = created.json().path("id").asString();
    }
    try (ConfigurableApplicationContext second = start(dataDir, port)) {
      Http.Response orders = Http.get(url + "/api/orders", "restart", "secret-pw");
      assertThat(orders.status()).isEqualTo(200);
      Http.Response operator = Http.get(url + "/api/orders?integration=" + id, "operator", "op");
      assertThat(operator.status()).isEqualTo(200);
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir, int port) {
    return new SpringApplicationBuilder(KoppelApplication.class)
        .run(
            "--server.port=" + port,
            "--koppel.data-dir=" + dataDir,
            "--koppel.operator.password=op",
            "--spring.jmx.enabled=false");
  }
}

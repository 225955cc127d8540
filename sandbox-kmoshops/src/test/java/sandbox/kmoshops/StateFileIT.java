package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a state file (the demo's setting), a restarted sandbox keeps shops, tokens, apps, orders.
 */
class StateFileIT {

  @Test
  void aRestartKeepsShopsTokensAppsAndOrders(@TempDir Path dir) {
    Map<String, Object> knobs =
        Map.of("sandbox.kmoshops.state-file", dir.resolve("kmoshops.state").toString());
    long shopId;
    Sandbox.Installed app;
    long orderId;
    try (Sandbox first = Sandbox.start(knobs)) {
      shopId = first.shop("BE");
      app = first.install(shopId);
      orderId = first.order(shopId, "10.00").path("id").asLong();
      first.admin(
          "POST",
          "/admin/apps",
          Map.of("clientId", "koppel", "clientSecret", "s", "redirectUri", "https://k.example/cb"));
    }
    try (Sandbox second = Sandbox.start(knobs)) {
      assertThat(second.get("/api/v1/orders/" + orderId, app.token()).status()).isEqualTo(200);
      assertThat(second.admin("GET", "/admin/apps", null).path(0).path("clientId").asString())
          .isEqualTo("koppel");
      assertThat(second.shop("NL")).isGreaterThan(shopId);
    }
  }
}

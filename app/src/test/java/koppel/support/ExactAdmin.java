package koppel.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Exact sandbox as tests drive it: faults, computation knobs, the log of what reached Exact,
 * its rows, and Exact's own API used as an accountant would (a document typed by hand).
 */
public final class ExactAdmin {

  private final KoppelSystem system;

  public ExactAdmin(KoppelSystem system) {
    this.system = system;
  }

  /** A fault for the next {@code times} calls of {@code method path}. */
  public void fault(String method, String path, String kind, int times) {
    fault(method, path, kind, Map.of("times", times));
  }

  /** A fault for this share of the calls of {@code method path}, until cleared. */
  public void faultRate(String method, String path, String kind, double probability, long seed) {
    fault(method, path, kind, Map.of("probability", probability, "seed", seed));
  }

  private void fault(String method, String path, String kind, Map<String, Object> how) {
    Map<String, Object> body = new HashMap<>(how);
    body.put("method", method);
    body.put("path", path);
    body.put("kind", kind);
    body.put("delayMillis", 2500);
    Http.Response r = Http.post(system.exactUrl + "/admin/faults", body);
    if (r.status() >= 300) {
      throw new IllegalStateException("fault refused: " + r.body());
    }
  }

  public void clearFaults() {
    Http.Response r = Http.delete(system.exactUrl + "/admin/faults");
    if (r.status() >= 300) {
      throw new IllegalStateException("faults not cleared: " + r.body());
    }
  }

  /** Sets computation knobs (lineRounding, vatRounding, entryAmountIncludesVat, …). */
  public JsonNode behaviour(Map<String, Object> knobs) {
    Http.Response r = Http.put(system.exactUrl + "/admin/behaviour", knobs, null, null);
    if (r.status() >= 300) {
      throw new IllegalStateException("knobs refused: " + r.body());
    }
    return r.json();
  }

  /** The writes that reached a division, oldest first (method, path, body, status). */
  public List<JsonNode> requests(int division, String method, String path) {
    List<JsonNode> out = new ArrayList<>();
    Http.get(
            system.exactUrl
                + "/admin/divisions/"
                + division
                + "/requests?method="
                + method
                + "&path="
                + path)
        .json()
        .forEach(out::add);
    return out;
  }

  public List<JsonNode> rows(int division, String entity) {
    List<JsonNode> out = new ArrayList<>();
    system.exactRows(division, entity).forEach(out::add);
    return out;
  }

  /** Calls Exact's REST API with a token of the seeded Exact user (an accountant at work). */
  public Http.Response api(
      KoppelSystem.Seeded seeded, String method, String pathAfterDivision, Object body) {
    String token =
        Http.post(
                system.exactUrl + "/admin/tokens",
                Map.of("clientId", KoppelSystem.CLIENT_ID, "username", "exact-" + seeded.login()))
            .json()
            .path("access_token")
            .asString();
    String url = system.exactUrl + "/api/v1/" + seeded.division() + "/" + pathAfterDivision;
    return switch (method) {
      case "POST" -> Http.postBearer(url, body, token);
      case "DELETE" -> Http.deleteBearer(url, token);
      default -> throw new IllegalArgumentException(method);
    };
  }
}

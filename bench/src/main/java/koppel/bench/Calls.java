package koppel.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Exact calls, counted two ways: by Koppel itself (its Prometheus counter {@code
 * koppel_exact_calls_total{kind,…}}, summed over the nodes) and by the Exact sandbox (its calls per
 * endpoint, sorted into the same kinds). The bench reports Koppel's figures and cross-checks them
 * with the sandbox's.
 */
final class Calls {

  static final List<String> KINDS =
      List.of(
          "document",
          "customer_create",
          "item_create",
          "address_create",
          "lookup",
          "mirror",
          "other");

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private Calls() {}

  /** One scrape of a node's /actuator/prometheus: null when the node has no such endpoint. */
  static String scrape(Http operator, String nodeUrl) {
    Http.Answer a = operator.tryGet(nodeUrl + "/actuator/prometheus", "text/plain");
    return a.ok() ? a.body() : null;
  }

  /**
   * Sum of a metric's samples whose labels contain {@code match}, grouped by the value of label
   * {@code by} (or under "" when {@code by} is null).
   */
  static Map<String, Double> sum(String text, String metric, Map<String, String> match, String by) {
    Map<String, Double> out = new TreeMap<>();
    if (text == null) {
      return out;
    }
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.find() || !m.group(1).equals(metric)) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      boolean fits =
          match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
      if (fits) {
        double v;
        try {
          v = Double.parseDouble(m.group(4));
        } catch (NumberFormatException e) {
          continue;
        }
        out.merge(by == null ? "" : labels.getOrDefault(by, ""), v, Double::sum);
      }
    }
    return out;
  }

  /** Koppel's Exact calls by kind, summed over the nodes; null when no node has the metric. */
  static Map<String, Long> koppelByKind(Http operator, List<String> nodeUrls) {
    Map<String, Long> out = new TreeMap<>();
    boolean seen = false;
    for (String url : nodeUrls) {
      String text = scrape(operator, url);
      if (text != null && text.contains("koppel_exact_calls_total")) {
        seen = true;
        sum(text, "koppel_exact_calls_total", Map.of(), "kind")
            .forEach((k, v) -> out.merge(k, Math.round(v), Long::sum));
      }
    }
    return seen ? out : null;
  }

  /** A node's heap in use, in bytes (jvm_memory_used_bytes{area="heap"}); -1 if unknown. */
  static long heapUsed(Http operator, String nodeUrl) {
    String text = scrape(operator, nodeUrl);
    if (text != null) {
      Map<String, Double> s = sum(text, "jvm_memory_used_bytes", Map.of("area", "heap"), null);
      if (!s.isEmpty()) {
        return Math.round(s.get(""));
      }
    }
    // older nodes: the actuator's metrics endpoint
    Http.Answer a = operator.tryGet(nodeUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap");
    if (a.ok()) {
      for (JsonNode m : a.json().path("measurements")) {
        if ("VALUE".equals(m.path("statistic").asString())) {
          return Math.round(m.path("value").asDouble());
        }
      }
    }
    return -1;
  }

  /** The Exact sandbox's own counters of a division, sorted into kinds. */
  static Map<String, Long> exactByKind(JsonNode counters) {
    Map<String, Long> out = new TreeMap<>();
    counters
        .path("calls")
        .properties()
        .forEach(e -> out.merge(kindOf(e.getKey()), e.getValue().asLong(), Long::sum));
    return out;
  }

  /** The Exact sandbox's calls per endpoint between two readings of its counters. */
  static Map<String, Long> byEndpoint(JsonNode after, JsonNode before) {
    Map<String, Long> out = new TreeMap<>();
    after
        .path("calls")
        .properties()
        .forEach(
            e -> {
              long n = e.getValue().asLong() - before.path("calls").path(e.getKey()).asLong(0);
              if (n != 0) {
                out.put(e.getKey(), n);
              }
            });
    return out;
  }

  static long total(Map<String, Long> byKind) {
    return byKind == null ? 0 : byKind.values().stream().mapToLong(Long::longValue).sum();
  }

  /** "POST crm/Accounts" → customer_create, and so on. */
  static String kindOf(String endpoint) {
    String[] parts = endpoint.split(" ", 2);
    String method = parts[0];
    String path = parts.length > 1 ? parts[1] : "";
    String entity = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
    if (path.startsWith("sync/") || path.startsWith("bulk/") || path.startsWith("read/sync/")) {
      return "mirror";
    }
    if (method.equals("POST")) {
      if (entity.equals("SalesInvoices")
          || entity.equals("SalesOrders")
          || entity.equals("SalesEntries")
          || entity.equals("PrintedSalesInvoices")) {
        return "document";
      }
      if (entity.equals("Accounts")) {
        return "customer_create";
      }
      if (entity.equals("Items")) {
        return "item_create";
      }
      if (entity.equals("Addresses")) {
        return "address_create";
      }
    }
    if (method.equals("GET") && (entity.startsWith("Accounts") || entity.startsWith("Items"))) {
      return "lookup";
    }
    return "other";
  }

  static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
    if (after == null) {
      return null;
    }
    Map<String, Long> out = new TreeMap<>();
    after.forEach((k, v) -> out.put(k, v - (before == null ? 0 : before.getOrDefault(k, 0L))));
    return out;
  }
}

package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The generator's benchmark knobs over real HTTP: a shop's catalogue of {@code skus} products and
 * its buyers last across generate calls (so {@code returningRate} 1.0 gives a steady state of known
 * customers and known products), {@code webhooks: "hold"} queues the deliveries, and a release
 * sends them in their order, paced at the asked rate, one order's changes never before its
 * creation.
 */
class BenchGeneratorIT {

  static final String FROM = "2026-10-01T00:00:00+02:00";
  static final String TO = "2026-10-31T23:59:59+01:00";

  private final Sandbox sandbox = Sandbox.shared();

  @BeforeEach
  void setUp() {
    sandbox.reset();
  }

  @Test
  void theCatalogueHasAtMostSkusProductsEachAlwaysTheSame() {
    long shopId = sandbox.shop("BE");
    Sandbox.Installed app = sandbox.install(shopId);
    JsonNode summary = generate(shopId, Map.of("count", 300, "seed", 11, "skus", 25));
    assertThat(summary.path("catalogueSize").asInt()).isEqualTo(25);
    generate(shopId, Map.of("count", 100, "seed", 12, "skus", 25));

    List<JsonNode> lines =
        sandbox.allOrders(app.token(), "").stream()
            .flatMap(o -> o.path("lines").valueStream())
            .toList();
    assertThat(lines).hasSizeGreaterThan(400);
    Set<String> skus =
        lines.stream().map(l -> l.path("sku").asString()).collect(Collectors.toSet());
    assertThat(skus).hasSizeLessThanOrEqualTo(25).hasSizeGreaterThan(15);
    // one SKU is one product: the same name, EAN and VAT class (rate at home) in every order
    Map<String, Set<String>> seen = new HashMap<>();
    for (JsonNode l : lines) {
      seen.computeIfAbsent(l.path("sku").asString(), k -> new HashSet<>())
          .add(l.path("name").asString() + "|" + l.path("ean").asString());
    }
    assertThat(seen.values()).allSatisfy(v -> assertThat(v).hasSize(1));
    assertThat(seen.values().stream().map(v -> v.iterator().next().split("\\|")[1]))
        .doesNotHaveDuplicates();
  }

  @Test
  void aSecondCallWithReturningRateOneBringsOnlyKnownCustomersAndProducts() {
    long shopId = sandbox.shop("BE");
    Sandbox.Installed app = sandbox.install(shopId);
    JsonNode first =
        generate(
            shopId,
            Map.of("count", 300, "seed", 21, "skus", 12, "returningRate", 0.4, "brokenRate", 0));
    assertThat(first.path("mix").path("returningCustomer").asInt()).isPositive();
    JsonNode second =
        generate(
            shopId,
            Map.of("count", 200, "seed", 22, "skus", 12, "returningRate", 1.0, "brokenRate", 0));
    long firstOfSecond = second.path("firstOrderId").asLong();

    List<JsonNode> orders = sandbox.allOrders(app.token(), "");
    assertThat(orders).hasSize(500);
    List<JsonNode> before = orders.stream().filter(o -> id(o) < firstOfSecond).toList();
    List<JsonNode> after = orders.stream().filter(o -> id(o) >= firstOfSecond).toList();
    Set<String> knownEmails = emails(before);
    Set<String> knownSkus = skus(before);
    assertThat(knownSkus).hasSize(12);

    assertThat(emails(after)).isNotEmpty().isSubsetOf(knownEmails);
    assertThat(skus(after)).isSubsetOf(knownSkus);
    // every order with an account is a returning one (guests have no account)
    long withAccount = after.stream().filter(o -> o.path("customer").has("email")).count();
    assertThat(second.path("mix").path("returningCustomer").asLong()).isEqualTo(withAccount);
    assertThat(second.path("knownCustomers").asInt())
        .isEqualTo(first.path("knownCustomers").asInt());
    // a known customer keeps his id and his e-mail; new buyers got e-mails of their own
    Map<String, Set<Long>> ids = new HashMap<>();
    for (JsonNode o : orders) {
      if (o.path("customer").has("email")) {
        ids.computeIfAbsent(o.path("customer").path("email").asString(), k -> new HashSet<>())
            .add(o.path("customer").path("id").asLong());
      }
    }
    assertThat(ids.values()).allSatisfy(v -> assertThat(v).hasSize(1));
  }

  @Test
  void heldDeliveriesWaitUntilReleasedAndThenComePacedAndInOrder() {
    long shopId = sandbox.shop("BE");
    Sandbox.Installed app = sandbox.install(shopId);
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      sandbox.subscribe(app, "order.created", receiver.url());
      sandbox.subscribe(app, "order.updated", receiver.url());

      JsonNode summary =
          generate(shopId, Map.of("count", 40, "seed", 31, "webhooks", "hold", "brokenRate", 0));
      int held = summary.path("heldDeliveries").asInt();
      assertThat(held).isEqualTo(40 + summary.path("updates").asInt());
      assertThat(summary.path("webhooks").asString()).isEqualTo("hold");

      // a hand-made order of the same shop still goes out at once
      sandbox.order(shopId, "10.00");
      receiver.await(1);
      WebhookReceiver.sleep(300);
      assertThat(receiver.received()).hasSize(1);
      JsonNode status = sandbox.admin("GET", "/admin/shops/" + shopId + "/webhooks/release", null);
      assertThat(status.path("held").asInt()).isEqualTo(held);
      assertThat(status.path("sent").asInt()).isZero();
      assertThat(status.path("done").asBoolean()).isFalse();

      Instant released = Instant.now();
      JsonNode answer =
          sandbox.admin(
              "POST", "/admin/shops/" + shopId + "/webhooks/release", Map.of("perSecond", 50));
      assertThat(answer.path("held").asInt()).isEqualTo(held);
      assertThat(answer.path("perSecond").asDouble()).isEqualTo(50.0);

      WebhookReceiver.sleep(100);
      assertThat(receiver.received().size() - 1).as("not all in the first 100 ms").isLessThan(held);
      List<WebhookReceiver.Received> got = awaitCount(receiver, held + 1, Duration.ofSeconds(30));
      List<WebhookReceiver.Received> generated = got.subList(1, got.size());
      Duration took = Duration.between(released, generated.get(generated.size() - 1).at());
      // 50 a second: the last one about (held - 1) / 50 s after the release, not in a burst
      assertThat(took.toMillis()).isGreaterThan((held - 1) * 1000L / 50 / 2);
      assertThat(generated).allSatisfy(r -> assertThat(r.signedWith(app.webhookSecret())).isTrue());
      assertThat(generated.stream().map(WebhookReceiver.Received::delivery))
          .doesNotHaveDuplicates();
      assertPerOrderOrder(generated);
      assertThat(generated).filteredOn(r -> r.event().equals("order.created")).hasSize(40);

      JsonNode done = awaitDone(shopId);
      assertThat(done.path("held").asInt()).isZero();
      assertThat(done.path("sent").asInt()).isEqualTo(held);
      assertThat(done.path("perSecond").asDouble()).isEqualTo(50.0);
      // the attempts are logged as any delivery's
      assertThat(sandbox.attempts()).hasSize(held + 1);
    }
  }

  @Test
  void aReleaseAsFastAsTheSenderCanKeepsEachOrdersOrder() {
    long shopId = sandbox.shop("NL");
    Sandbox.Installed app = sandbox.install(shopId);
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      sandbox.subscribe(app, "order.created", receiver.url());
      sandbox.subscribe(app, "order.updated", receiver.url());
      JsonNode summary =
          generate(
              shopId,
              Map.of(
                  "count",
                  1500,
                  "seed",
                  41,
                  "webhooks",
                  "hold",
                  "skus",
                  300,
                  "returningRate",
                  0.4));
      int held = summary.path("heldDeliveries").asInt();
      assertThat(held).isGreaterThan(1500);

      Instant start = Instant.now();
      JsonNode answer =
          sandbox.admin("POST", "/admin/shops/" + shopId + "/webhooks/release", Map.of());
      assertThat(answer.path("perSecond").asDouble()).isZero();
      List<WebhookReceiver.Received> got = awaitCount(receiver, held, Duration.ofSeconds(60));
      double seconds = Duration.between(start, got.get(got.size() - 1).at()).toMillis() / 1000.0;
      System.out.printf(
          "released %d deliveries as fast as possible in %.2f s: %.0f a second%n",
          held, seconds, held / Math.max(seconds, 0.001));
      assertThat(got).hasSize(held);
      assertPerOrderOrder(got);
      assertThat(awaitDone(shopId).path("sent").asInt()).isEqualTo(held);
    }
  }

  @Test
  void theNewFieldsAreCheckedAndOldCallsAnswerAsBefore() {
    long shopId = sandbox.shop("BE");
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("skus", 0),
            Map.of("returningRate", 1.5),
            Map.of("returningRate", -0.1),
            Map.of("webhooks", "later"),
            Map.of("count", 50_001))) {
      Sandbox.Response r = sandbox.post("/admin/shops/" + shopId + "/generate", null, bad);
      assertThat(r.status()).as(bad.toString()).isEqualTo(422);
    }
    Sandbox.Response r =
        sandbox.post("/admin/shops/" + shopId + "/webhooks/release", null, Map.of("perSecond", -1));
    assertThat(r.status()).isEqualTo(422);
    assertThat(sandbox.post("/admin/shops/4242/webhooks/release", null, Map.of()).status())
        .isEqualTo(404);

    // an old call: no catalogue or returning fields in the answer, webhooks sent, nothing held
    JsonNode old = generate(shopId, Map.of("count", 30, "seed", 5));
    assertThat(old.has("skus")).isFalse();
    assertThat(old.has("returningRate")).isFalse();
    assertThat(old.path("webhooks").asString()).isEqualTo("send");
    assertThat(old.path("heldDeliveries").asInt()).isZero();
    // and the same orders as an explicit "send" on another shop
    long other = sandbox.shop("BE");
    Sandbox.Installed a = sandbox.install(shopId);
    Sandbox.Installed b = sandbox.install(other);
    generate(other, Map.of("count", 30, "seed", 5, "webhooks", "send"));
    assertThat(comparable(sandbox.allOrders(b.token(), "")))
        .isEqualTo(comparable(sandbox.allOrders(a.token(), "")));
    JsonNode status = sandbox.admin("GET", "/admin/shops/" + shopId + "/webhooks/release", null);
    assertThat(status.path("held").asInt()).isZero();
    assertThat(status.path("done").asBoolean()).isTrue();
  }

  // --- helpers --------------------------------------------------------------------------------

  private JsonNode generate(long shopId, Map<String, Object> fields) {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("from", FROM, "to", TO));
    body.putAll(fields);
    return sandbox.admin("POST", "/admin/shops/" + shopId + "/generate", body);
  }

  private static long id(JsonNode o) {
    return o.path("id").asLong();
  }

  private static Set<String> emails(List<JsonNode> orders) {
    return orders.stream()
        .filter(o -> o.path("customer").has("email"))
        .map(o -> o.path("customer").path("email").asString())
        .collect(Collectors.toSet());
  }

  private static Set<String> skus(List<JsonNode> orders) {
    return orders.stream()
        .flatMap(o -> o.path("lines").valueStream())
        .map(l -> l.path("sku").asString())
        .collect(Collectors.toSet());
  }

  /** The orders without what differs between shops (ids, numbers, customer ids). */
  private static List<String> comparable(List<JsonNode> orders) {
    return orders.stream()
        .map(
            o -> {
              tools.jackson.databind.node.ObjectNode c =
                  (tools.jackson.databind.node.ObjectNode) o.deepCopy();
              c.remove("id");
              c.remove("number");
              c.path("lines")
                  .forEach(l -> ((tools.jackson.databind.node.ObjectNode) l).remove("id"));
              return c.toString();
            })
        .toList();
  }

  /** Per order, order.created arrives before any of its order.updated. */
  private static void assertPerOrderOrder(List<WebhookReceiver.Received> got) {
    Set<Long> created = new HashSet<>();
    for (WebhookReceiver.Received r : got) {
      if (r.event().equals("order.created")) {
        created.add(r.orderId());
      } else {
        assertThat(created)
            .as("order %d updated before created", r.orderId())
            .contains(r.orderId());
      }
    }
  }

  private static List<WebhookReceiver.Received> awaitCount(
      WebhookReceiver receiver, int count, Duration limit) {
    Instant deadline = Instant.now().plus(limit);
    while (receiver.received().size() < count && Instant.now().isBefore(deadline)) {
      WebhookReceiver.sleep(20);
    }
    List<WebhookReceiver.Received> got = receiver.received();
    assertThat(got).as("webhooks received").hasSizeGreaterThanOrEqualTo(count);
    return got;
  }

  private JsonNode awaitDone(long shopId) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (true) {
      JsonNode s = sandbox.admin("GET", "/admin/shops/" + shopId + "/webhooks/release", null);
      if (s.path("done").asBoolean() || Instant.now().isAfter(deadline)) {
        assertThat(s.path("done").asBoolean()).as(s.toString()).isTrue();
        return s;
      }
      WebhookReceiver.sleep(20);
    }
  }
}

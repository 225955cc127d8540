package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks as contract §4 says: the subscription API, thin bodies, the {@code X-KMO-*} headers, the
 * signature (recomputed here), the delivery id stable across retries with a fresh timestamp per
 * attempt, 8 retries with exponential backoff over about four hours (scaled 10 000×), and each
 * switchable fault with a fixed seed: drop, duplicate, reorder, delay, wrong signature.
 */
class WebhooksIT {

  private final Sandbox sandbox = Sandbox.shared();
  private WebhookReceiver receiver;
  private long shopId;
  private Sandbox.Installed app;

  @BeforeEach
  void setUp() {
    sandbox.reset();
    receiver = WebhookReceiver.start();
    shopId = sandbox.shop("BE");
    app = sandbox.install(shopId);
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  @Test
  void theSubscriptionApi() {
    Sandbox.Response empty = sandbox.get("/api/v1/webhooks", app.token());
    assertThat(empty.json().isArray()).isTrue();
    assertThat(empty.json()).isEmpty();

    Sandbox.Response created =
        sandbox.post(
            "/api/v1/webhooks",
            app.token(),
            Map.of("event", "order.created", "url", receiver.url()));
    assertThat(created.status()).isEqualTo(201);
    JsonNode s = created.json();
    assertThat(s.propertyNames()).containsExactly("id", "event", "url", "createdAt");
    assertThat(s.path("event").asString()).isEqualTo("order.created");
    assertThat(s.path("url").asString()).isEqualTo(receiver.url());
    assertThat(sandbox.get("/api/v1/webhooks", app.token()).json()).hasSize(1);

    // another app of the same shop sees only its own subscriptions
    assertThat(sandbox.get("/api/v1/webhooks", sandbox.install(shopId, "x", null).token()).json())
        .isEmpty();

    String path = "/api/v1/webhooks/" + s.path("id").asLong();
    assertThat(sandbox.send("DELETE", path, app.token(), null).status()).isEqualTo(204);
    assertThat(sandbox.send("DELETE", path, app.token(), null).status()).isEqualTo(404);
    assertThat(sandbox.get("/api/v1/webhooks", app.token()).json()).isEmpty();

    for (Object bad :
        List.of(
            Map.of("event", "order.deleted", "url", receiver.url()),
            Map.of("event", "order.created", "url", "ftp://x"),
            Map.of("event", "order.created"),
            "[]")) {
      Sandbox.Response r = sandbox.post("/api/v1/webhooks", app.token(), bad);
      assertThat(r.status()).as(bad.toString()).isEqualTo(422);
      assertThat(r.errorCode()).isEqualTo("VALIDATION");
    }
  }

  @Test
  void thinSignedDeliveriesForCreatedAndEveryUpdate() {
    subscribe("order.created", "order.updated");
    JsonNode order = sandbox.order(shopId, "24.20");
    long id = order.path("id").asLong();

    WebhookReceiver.Received created = receiver.await(1).get(0);
    assertThat(created.event()).isEqualTo("order.created");
    JsonNode body = created.json();
    assertThat(body.propertyNames())
        .containsExactly("id", "event", "shopId", "orderId", "occurredAt");
    assertThat(body.path("event").asString()).isEqualTo("order.created");
    assertThat(body.path("shopId").asLong()).isEqualTo(shopId);
    assertThat(body.path("orderId").asLong()).isEqualTo(id);
    assertThat(body.path("occurredAt").asString()).isEqualTo(order.path("updatedAt").asString());
    assertThat(created.delivery()).isEqualTo(body.path("id").asString()).hasSize(36);
    assertThat(created.header("Content-Type")).startsWith("application/json");
    long ts = Long.parseLong(created.header("X-KMO-Timestamp"));
    assertThat(Math.abs(ts - Instant.now().getEpochSecond())).isLessThan(300);
    assertThat(created.header("X-KMO-Signature")).matches("v1=[0-9a-f]{64}");
    assertThat(created.signedWith(app.webhookSecret())).isTrue();
    assertThat(created.signedWith("another-secret")).isFalse();

    // status and payment changes are order.updated, each with its own delivery id
    sandbox.admin("POST", "/admin/shops/" + shopId + "/orders/" + id, Map.of("status", "shipped"));
    sandbox.admin(
        "POST", "/admin/shops/" + shopId + "/orders/" + id, Map.of("paymentStatus", "refunded"));
    List<WebhookReceiver.Received> updated =
        receiver.await(2, r -> r.event().equals("order.updated"));
    assertThat(updated).allSatisfy(r -> assertThat(r.signedWith(app.webhookSecret())).isTrue());
    assertThat(updated.stream().map(WebhookReceiver.Received::delivery).distinct()).hasSize(2);
    assertThat(updated).allSatisfy(r -> assertThat(r.orderId()).isEqualTo(id));
  }

  @Test
  void aRetryKeepsTheDeliveryIdAndIsSignedAfresh() {
    subscribe("order.created");
    AtomicInteger calls = new AtomicInteger();
    receiver.answer(
        r -> {
          if (calls.incrementAndGet() <= 2) {
            sandbox.advance(100); // so that the next attempt's timestamp differs
            return 500;
          }
          return 200;
        });

    sandbox.order(shopId, "10.00");

    List<WebhookReceiver.Received> got = receiver.await(3);
    WebhookReceiver.sleep(100);
    assertThat(receiver.received()).hasSize(3);
    assertThat(got.stream().map(WebhookReceiver.Received::delivery).distinct()).hasSize(1);
    assertThat(got.stream().map(r -> r.json().path("id").asString()).distinct()).hasSize(1);
    assertThat(got).allSatisfy(r -> assertThat(r.signedWith(app.webhookSecret())).isTrue());
    List<Long> timestamps =
        got.stream().map(r -> Long.parseLong(r.header("X-KMO-Timestamp"))).toList();
    assertThat(timestamps.get(1) - timestamps.get(0)).isGreaterThanOrEqualTo(100);
    assertThat(timestamps.get(2) - timestamps.get(1)).isGreaterThanOrEqualTo(100);
    assertThat(got.get(0).header("X-KMO-Signature"))
        .isNotEqualTo(got.get(1).header("X-KMO-Signature"));

    List<JsonNode> log = awaitAttempts(3);
    assertThat(log.stream().map(a -> a.path("status").asInt())).containsExactly(500, 500, 200);
    assertThat(log.stream().map(a -> a.path("attempt").asInt())).containsExactly(0, 1, 2);
    assertThat(log.stream().map(a -> a.path("nextAttemptInMillis").asLong()))
        .containsExactly(6L, 12L, -1L);
  }

  @Test
  void eightRetriesWithExponentialBackoffOverAboutFourHours() {
    subscribe("order.created");
    receiver.answer(r -> 503);

    sandbox.order(shopId, "10.00");

    List<WebhookReceiver.Received> got = receiver.await(9);
    WebhookReceiver.sleep(400);
    assertThat(receiver.received()).as("1 attempt + 8 retries, then it gives up").hasSize(9);
    List<JsonNode> log = awaitAttempts(9);
    List<Long> waits = log.stream().map(a -> a.path("nextAttemptInMillis").asLong()).toList();
    assertThat(waits).containsExactly(6L, 12L, 24L, 48L, 96L, 192L, 384L, 768L, -1L);
    long unscaledSeconds =
        (long)
            (waits.stream().filter(w -> w > 0).mapToLong(Long::longValue).sum()
                / Sandbox.TIME_SCALE
                / 1000);
    assertThat(Duration.ofSeconds(unscaledSeconds)).isEqualTo(Duration.ofMinutes(255)); // 4 h 15
    // the waits really happen (a scheduled retry is never early, only late)
    for (int i = 1; i < got.size(); i++) {
      long gap = Duration.between(got.get(i - 1).at(), got.get(i).at()).toMillis();
      assertThat(gap).as("wait before retry %d", i).isGreaterThanOrEqualTo(waits.get(i - 1) - 5);
    }
    assertThat(got.stream().map(WebhookReceiver.Received::delivery).distinct()).hasSize(1);
  }

  @Test
  void dropWithASeedDropsTheSameDeliveriesEveryTime() {
    List<Boolean> first = dropRun();
    List<Boolean> second = dropRun();

    assertThat(first).isEqualTo(second).contains(true, false);
    long dropped = first.stream().filter(d -> d).count();
    assertThat(dropped).isBetween(3L, 9L);
    assertThat(sandbox.attempts())
        .filteredOn(a -> a.path("status").asInt() == -1)
        .hasSize((int) dropped)
        .allSatisfy(a -> assertThat(a.path("fault").asString()).isEqualTo("dropped"));

    // a rate of 1 drops everything
    faults(Map.of("drop", 1.0, "seed", 1));
    sandbox.order(shopId, "10.00");
    WebhookReceiver.sleep(200);
    assertThat(receiver.received()).hasSize((int) (12 - dropped));
  }

  @Test
  void duplicateDeliversTwiceWithOneDeliveryId() {
    subscribe("order.created");
    faults(Map.of("duplicate", 1.0, "maxDelayMillis", 100, "seed", 3));

    sandbox.order(shopId, "10.00");

    List<WebhookReceiver.Received> got = receiver.await(2);
    assertThat(got.get(0).delivery()).isEqualTo(got.get(1).delivery());
    assertThat(got.get(0).body()).isEqualTo(got.get(1).body());
    assertThat(got).allSatisfy(r -> assertThat(r.signedWith(app.webhookSecret())).isTrue());
  }

  @Test
  void reorderDeliversAnEarlierEventAfterALaterOne() {
    subscribe("order.created");
    faults(Map.of("reorder", 1.0, "maxDelayMillis", 100, "seed", 5));

    long a = sandbox.order(shopId, "10.00").path("id").asLong();
    long b = sandbox.order(shopId, "11.00").path("id").asLong();

    List<WebhookReceiver.Received> got = receiver.await(2);
    assertThat(got.stream().map(WebhookReceiver.Received::orderId)).containsExactly(b, a);
    assertThat(awaitAttempts(2))
        .filteredOn(x -> x.path("orderId").asLong() == a)
        .singleElement()
        .satisfies(x -> assertThat(x.path("fault").asString()).isEqualTo("reordered"));

    // with nothing after it, a held-back delivery still goes out (after a second)
    long c = sandbox.order(shopId, "12.00").path("id").asLong();
    assertThat(receiver.await(3).get(2).orderId()).isEqualTo(c);
  }

  @Test
  void delayDeliversLater() {
    subscribe("order.created");
    faults(Map.of("delay", 1.0, "maxDelayMillis", 400, "seed", 11));
    Instant before = Instant.now();

    sandbox.order(shopId, "10.00");

    WebhookReceiver.Received r = receiver.await(1).get(0);
    assertThat(r.signedWith(app.webhookSecret())).isTrue();
    assertThat(Duration.between(before, r.at()).toMillis()).isLessThan(2000);
    assertThat(awaitAttempts(1).get(0).path("fault").asString()).isEqualTo("delayed");
  }

  @Test
  void wrongSignatureLooksRightButDoesNotVerify() {
    subscribe("order.created");
    faults(Map.of("wrongSignature", 0.5, "seed", 2));

    for (int i = 0; i < 10; i++) {
      sandbox.order(shopId, "10.00");
    }

    List<WebhookReceiver.Received> got = receiver.await(10);
    assertThat(got)
        .allSatisfy(r -> assertThat(r.header("X-KMO-Signature")).matches("v1=[0-9a-f]{64}"));
    long bad = got.stream().filter(r -> !r.signedWith(app.webhookSecret())).count();
    assertThat(bad).isBetween(1L, 9L);
    assertThat(awaitAttempts(10))
        .filteredOn(x -> "wrong-signature".equals(x.path("fault").asString()))
        .hasSize((int) bad);
  }

  /** Twelve orders with drop = 0.5 and seed 42 in a fresh sandbox: which were dropped. */
  private List<Boolean> dropRun() {
    sandbox.reset();
    receiver.close();
    receiver = WebhookReceiver.start();
    shopId = sandbox.shop("BE");
    app = sandbox.install(shopId);
    subscribe("order.created");
    faults(Map.of("drop", 0.5, "seed", 42));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(sandbox.order(shopId, "10.00").path("id").asLong());
    }
    awaitAttempts(12);
    List<Long> delivered =
        receiver.received().stream().map(WebhookReceiver.Received::orderId).toList();
    return ids.stream().map(id -> !delivered.contains(id)).toList();
  }

  private void subscribe(String... events) {
    for (String e : events) {
      sandbox.subscribe(app, e, receiver.url());
    }
  }

  private void faults(Map<String, Object> settings) {
    sandbox.admin("POST", "/admin/webhooks/faults", new LinkedHashMap<>(settings));
  }

  /** The delivery log once it holds {@code count} attempts (waits up to 10 s). */
  private List<JsonNode> awaitAttempts(int count) {
    Instant deadline = Instant.now().plusSeconds(10);
    List<JsonNode> log = sandbox.attempts();
    while (log.size() < count && Instant.now().isBefore(deadline)) {
      WebhookReceiver.sleep(10);
      log = sandbox.attempts();
    }
    assertThat(log).hasSizeGreaterThanOrEqualTo(count);
    return log;
  }
}

package sandbox.kmoshops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers webhooks as the contract says (§4): a thin signed body, {@code X-KMO-*} headers, a
 * delivery id that is stable across retries, a fresh timestamp and signature per attempt, and 8
 * retries with exponential backoff (60 s doubling: about four hours, scalable). Switchable faults
 * make deliveries arrive twice, late, out of order, with a wrong signature, or never; the fault
 * dice are seeded, so a test that fires the same events sees the same faults.
 */
@Component
public class WebhookSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** When nothing follows a held-back delivery, it goes out after this long anyway. */
  private static final long REORDER_FALLBACK_MILLIS = 1000;

  /** Fault rates, each between 0 and 1, and the seed that makes them reproducible. */
  public record FaultSettings(
      double drop,
      double duplicate,
      double reorder,
      double delay,
      double wrongSignature,
      long maxDelayMillis,
      long seed) {
    static final FaultSettings NONE = new FaultSettings(0, 0, 0, 0, 0, 0, 1);
  }

  /**
   * One attempt to deliver, for the admin log. {@code status} is the receiver's HTTP status, 0 when
   * it could not be reached or timed out, -1 when the delivery was dropped on purpose. {@code
   * fault} names the fault applied to this delivery (dropped, duplicate, reordered, delayed,
   * wrong-signature), {@code nextAttemptInMillis} the (scaled) wait before the next retry, -1 when
   * none follows.
   */
  public record Attempt(
      String deliveryId,
      String event,
      Long orderId,
      String url,
      int attempt,
      int status,
      String at,
      String timestamp,
      String fault,
      long nextAttemptInMillis) {}

  private final KmoShopsSandboxProperties props;
  private final SandboxClock clock;
  private final HttpClient http;
  private final ScheduledExecutorService executor;
  private final java.util.ArrayDeque<Attempt> attempts = new java.util.ArrayDeque<>();
  private final java.util.concurrent.ExecutorService releasePool;
  private final Map<Long, Hold> holds = new HashMap<>();
  private final Map<String, Delivery> inFlight = new HashMap<>();
  private final Map<String, Delivery> held = new HashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile FaultSettings faults = FaultSettings.NONE;
  private Random random = new Random(1);

  public WebhookSender(KmoShopsSandboxProperties props, SandboxClock clock) {
    this.props = props;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(props.webhookTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.executor =
        Executors.newScheduledThreadPool(
            props.webhookSenderThreads(),
            r -> {
              Thread t = new Thread(r, "kmo-webhooks");
              t.setDaemon(true);
              return t;
            });
    this.releasePool =
        Executors.newFixedThreadPool(
            Math.max(1, props.webhookReleaseThreads()),
            r -> {
              Thread t = new Thread(r, "kmo-webhooks-release");
              t.setDaemon(true);
              return t;
            });
  }

  public synchronized void faults(FaultSettings settings) {
    this.faults = settings;
    this.random = new Random(settings.seed());
  }

  public FaultSettings faults() {
    return faults;
  }

  /** The backoff before retry {@code n} (1-based), unscaled: 60 s, 120 s, 240 s … */
  long backoffMillis(int retry) {
    return (long)
        (props.webhookFirstRetry().toMillis() * Math.pow(2, retry - 1) * props.webhookTimeScale());
  }

  /**
   * One delivery per subscription. Called while the store holds its lock, so the fault dice are
   * rolled in the order the events happened.
   */
  void fire(
      Shop shop,
      ShopStore.Installation app,
      List<Shop.Subscription> subscriptions,
      String event,
      Long orderId,
      OffsetDateTime occurredAt) {
    for (Shop.Subscription s : subscriptions) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", UUID.randomUUID().toString());
      body.put("event", event);
      body.put("shopId", shop.id);
      if (orderId != null) {
        body.put("orderId", orderId);
      }
      body.put("occurredAt", ShopOrder.iso(occurredAt));
      byte[] raw = JSON.writeValueAsBytes(body);
      Delivery d =
          new Delivery(
              (String) body.get("id"),
              event,
              orderId,
              s.url(),
              app.webhookSecret(),
              raw,
              generation.get());
      Hold hold;
      synchronized (holds) {
        hold = holds.get(shop.id);
      }
      if (hold != null && hold.holding) {
        d.hold = hold;
        synchronized (hold) {
          hold.queue.add(d);
        }
        continue;
      }
      route(d);
    }
  }

  /** Rolls the fault dice for a delivery and sends it (or drops, delays, holds it back). */
  private void route(Delivery d) {
    FaultSettings f = faults;
    {
      synchronized (this) {
        double drop = random.nextDouble();
        double dup = random.nextDouble();
        double late = random.nextDouble();
        double bad = random.nextDouble();
        if (drop < f.drop()) {
          d.fault = "dropped";
          record(d, 0, -1, null, -1);
          firstAttemptDone(d);
          return;
        }
        d.wrongSignature = bad < f.wrongSignature();
        if (d.wrongSignature) {
          d.fault = "wrong-signature";
        }
        boolean reorder = late < f.reorder();
        long delay = 0;
        if (!reorder && late < f.reorder() + f.delay()) {
          delay = random(f.maxDelayMillis());
          d.fault = "delayed";
        }
        if (dup < f.duplicate()) {
          d.duplicateAfterMillis = random(Math.max(50, f.maxDelayMillis()));
          d.fault = d.fault == null ? "duplicate" : d.fault + ",duplicate";
        }
        Delivery earlier;
        synchronized (held) {
          earlier = held.remove(d.url);
          if (reorder && earlier == null) {
            // held back until the next delivery to this URL has gone out: a real reorder
            d.fault = d.fault == null ? "reordered" : "reordered," + d.fault;
            held.put(d.url, d);
            executor.schedule(
                () -> releaseHeld(d),
                Math.max(REORDER_FALLBACK_MILLIS, f.maxDelayMillis()),
                TimeUnit.MILLISECONDS);
            return;
          }
        }
        d.releaseAfter = earlier;
        dispatch(d, delay);
      }
    }
  }

  private synchronized long random(long max) {
    return max <= 0 ? 0 : (long) (random.nextDouble() * max);
  }

  /** Sends a delivery (and its duplicate, when it has one) after {@code delayMillis}. */
  private void dispatch(Delivery d, long delayMillis) {
    schedule(d, 0, delayMillis);
    if (d.duplicateAfterMillis >= 0) {
      schedule(d.copy(), 0, delayMillis + d.duplicateAfterMillis);
    }
  }

  private void releaseHeld(Delivery d) {
    synchronized (held) {
      held.remove(d.url, d);
    }
    if (d.released.compareAndSet(false, true)) {
      dispatch(d, 0);
    }
  }

  private void schedule(Delivery d, int attempt, long delayMillis) {
    if (attempt == 0 && delayMillis <= 0 && d.hold != null) {
      releasePool.execute(() -> deliver(d, attempt)); // a released delivery: the wider pool
      return;
    }
    executor.schedule(() -> deliver(d, attempt), delayMillis, TimeUnit.MILLISECONDS);
  }

  private void deliver(Delivery d, int attempt) {
    if (d.generation != generation.get()) {
      return; // the sandbox was reset since this was scheduled
    }
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    String signature =
        "v1=" + sign(d.wrongSignature ? "not-the-secret" : d.secret, timestamp, d.body);
    int status;
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create(d.url))
                  .timeout(props.webhookTimeout())
                  .header("Content-Type", "application/json")
                  .header("User-Agent", "KMO-Shops-Webhooks/1.0 (sandbox)")
                  .header("X-KMO-Event", d.event)
                  .header("X-KMO-Delivery", d.id)
                  .header("X-KMO-Timestamp", timestamp)
                  .header("X-KMO-Signature", signature)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(d.body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      status = r.statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      status = 0;
    }
    boolean ok = status >= 200 && status < 300;
    long next = !ok && attempt < props.webhookRetries() ? backoffMillis(attempt + 1) : -1;
    record(d, attempt, status, timestamp, next);
    if (attempt == 0 && d.releaseAfter != null) {
      releaseHeld(d.releaseAfter);
    }
    if (attempt == 0) {
      firstAttemptDone(d);
    }
    if (next >= 0) {
      log.info(
          "webhook {} {} to {} failed ({}), retry {} in {} ms",
          d.event,
          d.id,
          d.url,
          status,
          attempt + 1,
          next);
      schedule(d, attempt + 1, next);
    }
  }

  private void record(Delivery d, int attempt, int status, String timestamp, long next) {
    synchronized (attempts) {
      while (attempts.size() >= Math.max(1, props.webhookAttemptLogLimit())) {
        attempts.removeFirst(); // the log keeps the newest attempts only
      }
      attempts.add(
          new Attempt(
              d.id,
              d.event,
              d.orderId,
              d.url,
              attempt,
              status,
              clock.instant().toString(),
              timestamp,
              d.fault,
              next));
    }
  }

  public List<Attempt> attempts() {
    synchronized (attempts) {
      return List.copyOf(attempts);
    }
  }

  /** Forgets the log and the faults; deliveries still scheduled are not sent any more. */
  public void reset() {
    generation.incrementAndGet();
    synchronized (held) {
      held.clear();
    }
    synchronized (holds) {
      holds.values().forEach(h -> h.stopped = true);
      holds.clear();
    }
    synchronized (inFlight) {
      inFlight.clear();
    }
    synchronized (attempts) {
      attempts.clear();
    }
    faults(FaultSettings.NONE);
  }

  static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    releasePool.shutdownNow();
  }

  // --- held deliveries (the benchmark's offered rate) ----------------------------------------

  /**
   * The deliveries of one shop held back instead of sent, and the release that sends them: in their
   * order, evenly paced at {@code perSecond} (0: as fast as the sender can).
   */
  static final class Hold {
    final long shopId;
    final java.util.ArrayDeque<Delivery> queue = new java.util.ArrayDeque<>();
    volatile boolean holding;
    volatile boolean stopped;
    volatile double perSecond;
    boolean releasing;
    final AtomicLong released = new AtomicLong();
    final AtomicLong sent = new AtomicLong();

    Hold(long shopId) {
      this.shopId = shopId;
    }
  }

  /** What a release reports: still held, sent (first attempt made), the rate, all sent. */
  public record ReleaseStatus(long held, long sent, double perSecond, boolean done) {}

  /** From now on the shop's webhooks are held (true) or sent as they happen (false). */
  public void hold(long shopId, boolean holding) {
    synchronized (holds) {
      holds.computeIfAbsent(shopId, Hold::new).holding = holding;
    }
  }

  private Hold holdOf(long shopId) {
    synchronized (holds) {
      return holds.computeIfAbsent(shopId, Hold::new);
    }
  }

  /** How many of the shop's deliveries wait in its queue. */
  public long heldCount(long shopId) {
    Hold h = holdOf(shopId);
    synchronized (h) {
      return h.queue.size();
    }
  }

  /**
   * Starts sending the shop's held deliveries in their order at {@code perSecond} (0 or less: as
   * fast as the sender can). A release already running takes the new rate. Answers how many are
   * held now.
   */
  public long release(long shopId, double perSecond) {
    Hold h = holdOf(shopId);
    long held;
    boolean start;
    synchronized (h) {
      h.perSecond = Math.max(0, perSecond);
      held = h.queue.size();
      start = !h.releasing;
      h.releasing = true;
    }
    if (start) {
      Thread t = new Thread(() -> drain(h, generation.get()), "kmo-webhooks-release-" + shopId);
      t.setDaemon(true);
      t.start();
    }
    return held;
  }

  public ReleaseStatus releaseStatus(long shopId) {
    Hold h = holdOf(shopId);
    synchronized (h) {
      long sent = h.sent.get();
      boolean done = h.queue.isEmpty() && !h.releasing && sent >= h.released.get();
      return new ReleaseStatus(h.queue.size(), sent, h.perSecond, done);
    }
  }

  /** The release loop: one delivery at its slot, the slots {@code 1/perSecond} apart. */
  private void drain(Hold h, long gen) {
    long next = System.nanoTime();
    double rate = -1;
    while (!h.stopped && generation.get() == gen) {
      Delivery d;
      synchronized (h) {
        d = h.queue.pollFirst();
        if (d == null) {
          h.releasing = false;
          return;
        }
        h.released.incrementAndGet();
      }
      if (h.perSecond != rate) {
        rate = h.perSecond;
        next = System.nanoTime(); // a new rate paces from now
      }
      if (rate > 0) {
        long now = System.nanoTime();
        if (next - now > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(next - now);
        } else if (now - next > 1_000_000_000L) {
          next = now; // fell far behind (a slow receiver): no burst to catch up
        }
        next += (long) (1_000_000_000L / rate);
      }
      sendInOrder(d);
    }
  }

  /** A later delivery of the same order to the same URL waits for the earlier one's first try. */
  private void sendInOrder(Delivery d) {
    if (d.orderId != null) {
      String key = d.url + "|" + d.orderId;
      synchronized (inFlight) {
        Delivery before = inFlight.put(key, d);
        if (before != null && !before.firstDone) {
          before.follower = d;
          return;
        }
      }
    }
    route(d);
  }

  /** After the first attempt (or a drop): counts it and lets the order's next delivery go. */
  private void firstAttemptDone(Delivery d) {
    if (d.hold == null || d.counted) {
      return;
    }
    d.counted = true;
    Delivery follower;
    synchronized (inFlight) {
      d.firstDone = true;
      follower = d.follower;
      d.follower = null;
      if (follower == null && d.orderId != null) {
        inFlight.remove(d.url + "|" + d.orderId, d);
      }
    }
    d.hold.sent.incrementAndGet();
    if (follower != null && generation.get() == d.generation) {
      route(follower);
    }
  }

  private static final class Delivery {
    final String id;
    final String event;
    final Long orderId;
    final String url;
    final String secret;
    final byte[] body;
    final long generation;
    final AtomicBoolean released = new AtomicBoolean();
    boolean wrongSignature;
    String fault;
    long duplicateAfterMillis = -1;

    /** A delivery held back for reordering, released once this one has gone out. */
    Delivery releaseAfter;

    /** The shop's hold this delivery was queued in (null: sent as it happened). */
    Hold hold;

    /** The same order's next delivery, waiting for this one's first attempt. */
    Delivery follower;

    boolean firstDone;
    volatile boolean counted;

    Delivery(
        String id,
        String event,
        Long orderId,
        String url,
        String secret,
        byte[] body,
        long generation) {
      this.id = id;
      this.event = event;
      this.orderId = orderId;
      this.url = url;
      this.secret = secret;
      this.body = body;
      this.generation = generation;
    }

    /** The duplicate: the same delivery id, body and signature key, sent once more. */
    Delivery copy() {
      Delivery c = new Delivery(id, event, orderId, url, secret, body, generation);
      c.wrongSignature = wrongSignature;
      c.fault = fault;
      return c;
    }
  }
}

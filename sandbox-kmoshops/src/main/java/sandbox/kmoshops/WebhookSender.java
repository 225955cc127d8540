package sandbox.kmoshops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers webhooks as the contract says: a thin signed body, {@code X-KMO-*} headers, a delivery
 * id that is stable across retries, and 8 retries with exponential backoff (about four hours,
 * scalable). Switchable faults make deliveries arrive twice, late, out of order, with a wrong
 * signature, or never.
 */
@Component
public class WebhookSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

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

  /** One attempt to deliver, for the admin log. */
  public record Attempt(
      String deliveryId,
      String event,
      Long orderId,
      String url,
      int attempt,
      int status,
      String at) {}

  private final KmoShopsSandboxProperties props;
  private final SandboxClock clock;
  private final HttpClient http;
  private final ScheduledExecutorService executor;
  private final List<Attempt> attempts = new ArrayList<>();
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
  }

  public synchronized void faults(FaultSettings settings) {
    this.faults = settings;
    this.random = new Random(settings.seed());
  }

  public FaultSettings faults() {
    return faults;
  }

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
      body.put("occurredAt", occurredAt.toString());
      byte[] raw = JSON.writeValueAsBytes(body);
      Delivery d =
          new Delivery((String) body.get("id"), event, orderId, s.url(), app.webhookSecret(), raw);
      FaultSettings f = faults;
      double roll;
      double dup;
      double late;
      double bad;
      synchronized (this) {
        roll = random.nextDouble();
        dup = random.nextDouble();
        late = random.nextDouble();
        bad = random.nextDouble();
      }
      if (roll < f.drop()) {
        record(d, 0, -1);
        continue;
      }
      long delay = 0;
      if (late < f.delay() + f.reorder()) {
        delay = (long) (random(f.maxDelayMillis()));
      }
      d.wrongSignature = bad < f.wrongSignature();
      schedule(d, 0, delay);
      if (dup < f.duplicate()) {
        schedule(d.copy(), 0, delay + random(Math.max(50, f.maxDelayMillis())));
      }
    }
  }

  private synchronized long random(long max) {
    return max <= 0 ? 0 : (long) (random.nextDouble() * max);
  }

  private void schedule(Delivery d, int attempt, long delayMillis) {
    executor.schedule(() -> deliver(d, attempt), delayMillis, TimeUnit.MILLISECONDS);
  }

  private void deliver(Delivery d, int attempt) {
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
    record(d, attempt, status);
    if (status >= 200 && status < 300) {
      return;
    }
    if (attempt < props.webhookRetries()) {
      long backoff =
          (long)
              (props.webhookFirstRetry().toMillis()
                  * Math.pow(2, attempt)
                  * props.webhookTimeScale());
      log.info(
          "webhook {} {} to {} failed ({}), retry {} in {} ms",
          d.event,
          d.id,
          d.url,
          status,
          attempt + 1,
          backoff);
      schedule(d, attempt + 1, backoff);
    }
  }

  private void record(Delivery d, int attempt, int status) {
    synchronized (attempts) {
      attempts.add(
          new Attempt(
              d.id, d.event, d.orderId, d.url, attempt, status, clock.instant().toString()));
    }
  }

  public List<Attempt> attempts() {
    synchronized (attempts) {
      return List.copyOf(attempts);
    }
  }

  public void reset() {
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
  }

  private static final class Delivery {
    final String id;
    final String event;
    final Long orderId;
    final String url;
    final String secret;
    final byte[] body;
    boolean wrongSignature;

    Delivery(String id, String event, Long orderId, String url, String secret, byte[] body) {
      this.id = id;
      this.event = event;
      this.orderId = orderId;
      this.url = url;
      this.secret = secret;
      this.body = body;
    }

    Delivery copy() {
      Delivery c = new Delivery(id, event, orderId, url, secret, body);
      c.wrongSignature = wrongSignature;
      return c;
    }
  }
}

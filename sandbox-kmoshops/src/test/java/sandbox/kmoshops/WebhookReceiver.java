package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A webhook receiver on a random local port, as an integration runs one: it keeps every request
 * (raw body bytes, headers, arrival time) and answers what the test tells it to.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as it arrived. */
  record Received(Map<String, String> headers, byte[] body, Instant at) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    JsonNode json() {
      return Sandbox.JSON.readTree(body);
    }

    String event() {
      return header("X-KMO-Event");
    }

    String delivery() {
      return header("X-KMO-Delivery");
    }

    long orderId() {
      return json().path("orderId").asLong();
    }

    /** Recomputes the signature as the contract says and compares it. */
    boolean signedWith(String secret) {
      return header("X-KMO-Signature")
          .equals("v1=" + hmac(secret, header("X-KMO-Timestamp"), body));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new ArrayList<>();
  private volatile Function<Received, Integer> answer = r -> 200;

  private WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, String> headers = new java.util.TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
          Received r = new Received(headers, body, Instant.now());
          synchronized (received) {
            received.add(r);
          }
          int status = answer.apply(r);
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.setExecutor(executor);
    server.start();
  }

  static WebhookReceiver start() {
    return new WebhookReceiver();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** How to answer each request (the default is 200). */
  void answer(Function<Received, Integer> answer) {
    this.answer = answer;
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Waits (up to 10 s) until at least {@code count} requests match, and returns those. */
  List<Received> await(int count, Predicate<Received> which) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      List<Received> matching = received().stream().filter(which).toList();
      if (matching.size() >= count || Instant.now().isAfter(deadline)) {
        assertThat(matching).as("webhooks received").hasSizeGreaterThanOrEqualTo(count);
        return matching;
      }
      sleep(10);
    }
  }

  List<Received> await(int count) {
    return await(count, r -> true);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String hmac(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

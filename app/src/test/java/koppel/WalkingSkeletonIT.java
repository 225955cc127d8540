package koppel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import koppel.connector.kmoshops.WebhookVerifier;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The thin slice through every layer, over real HTTP between three servers: a paid order in the
 * shop → signed webhook → order_sync → queue → fetch → customer, products → SalesInvoice in Exact →
 * BOOKED with Exact's InvoiceID. A second delivery books nothing new.
 */
class WalkingSkeletonIT {

  private static KoppelSystem system;
  private static KoppelSystem.Seeded seeded;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start();
    seeded = system.seedIntegration("skeleton");
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void paidOrderWebhookIsBookedAsSalesInvoiceOnce() {
    JsonNode order = ShopOrders.paidOrder(system, seeded, "jan.peeters@example.be");
    long orderId = order.path("id").asLong();
    String number = order.path("number").asString();

    JsonNode booked = awaitState(orderId, "BOOKED");
    String invoiceId = booked.path("order").path("document").path("id").asString();
    assertThat(booked.path("order").path("document").path("mode").asString())
        .isEqualTo("SALES_INVOICE");

    JsonNode invoices = system.exactRows(seeded.division(), "salesinvoice/SalesInvoices");
    assertThat(invoices).hasSize(1);
    JsonNode invoice = invoices.get(0);
    assertThat(invoice.path("InvoiceID").asString()).isEqualTo(invoiceId);
    assertThat(invoice.path("YourRef").asString()).isEqualTo(number);
    assertThat(invoice.path("Journal").asString()).isEqualTo("700");
    assertThat(new BigDecimal(invoice.path("AmountFC").asString()))
        .isEqualByComparingTo(order.path("totals").path("totalIncl").asString());
    assertThat(new BigDecimal(invoice.path("VATAmountFC").asString()))
        .isEqualByComparingTo(order.path("totals").path("totalVat").asString());
    JsonNode lines = system.exactRows(seeded.division(), "salesinvoice/SalesInvoiceLines");
    assertThat(lines).hasSize(3);
    assertThat(system.exactRows(seeded.division(), "crm/Accounts")).hasSize(1);

    // the same delivery again, and a new delivery about the same order: nothing new is booked
    String deliveryId = UUID.randomUUID().toString();
    Http.Response first = deliver(deliveryId, "order.updated", orderId);
    Http.Response again = deliver(deliveryId, "order.updated", orderId);
    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("duplicate");
    Http.Response created = deliver(UUID.randomUUID().toString(), "order.created", orderId);
    assertThat(created.status()).isEqualTo(200);

    JsonNode after =
        system
            .operatorGet("/api/orders/" + orderId + "?integration=" + seeded.integrationId())
            .json();
    assertThat(after.path("order").path("state").asString()).isEqualTo("BOOKED");
    assertThat(after.path("order").path("attempts").asInt()).isEqualTo(1);
    assertThat(after.path("history").toString()).contains("IGNORED");
    assertThat(system.exactRows(seeded.division(), "salesinvoice/SalesInvoices")).hasSize(1);
  }

  @Test
  void badlySignedWebhookIsRefusedAndStoresNothing() {
    byte[] body =
        ("{\"id\":\""
                + UUID.randomUUID()
                + "\",\"event\":\"order.created\",\"shopId\":"
                + seeded.shopId()
                + ",\"orderId\":999999}")
            .getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(Instant.now().getEpochSecond());
    Http.Response r =
        Http.postRaw(
            webhookUrl(),
            body,
            Map.of(
                "Content-Type",
                "application/json",
                "X-KMO-Timestamp",
                ts,
                "X-KMO-Signature",
                "v1=" + WebhookVerifier.sign("wrong-secret", ts, body)));
    assertThat(r.status()).isEqualTo(401);
    assertThat(
            system.operatorGet("/api/orders/999999?integration=" + seeded.integrationId()).status())
        .isEqualTo(404);
  }

  private Http.Response deliver(String deliveryId, String event, long orderId) {
    byte[] body =
        ("{\"id\":\""
                + deliveryId
                + "\",\"event\":\""
                + event
                + "\",\"shopId\":"
                + seeded.shopId()
                + ",\"orderId\":"
                + orderId
                + ",\"occurredAt\":\"2026-11-03T10:20:00+01:00\"}")
            .getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(Instant.now().getEpochSecond());
    return Http.postRaw(
        webhookUrl(),
        body,
        Map.of(
            "Content-Type", "application/json",
            "X-KMO-Event", event,
            "X-KMO-Delivery", deliveryId,
            "X-KMO-Timestamp", ts,
            "X-KMO-Signature", "v1=" + WebhookVerifier.sign(seeded.webhookSecret(), ts, body)));
  }

  private String webhookUrl() {
    return system.appUrl() + "/webhooks/kmoshops/" + seeded.integrationId();
  }

  private static JsonNode awaitState(long orderId, String state) {
    String path = "/api/orders/" + orderId + "?integration=" + seeded.integrationId();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Http.Response r = system.operatorGet(path);
              return r.status() == 200
                  && state.equals(r.json().path("order").path("state").asString());
            });
    return system.operatorGet(path).json();
  }
}

package koppel.order.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.integration.IntegrationSettings;
import koppel.order.domain.BookingMode;
import koppel.order.domain.ShopOrder;
import koppel.support.Orders;
import org.junit.jupiter.api.Test;

class ProcessabilityTest {

  private static Integration integration(LocalDate start) {
    return new Integration(
        UUID.randomUUID(),
        "KOP-1",
        "Shop",
        "a@b.be",
        "shop",
        "BE",
        Integration.State.ACTIVE,
        start,
        Instant.now(),
        Instant.now());
  }

  private static IntegrationSettings settings(String... statuses) {
    return new IntegrationSettings(
        UUID.randomUUID(),
        BookingMode.SALES_INVOICE,
        true,
        "700",
        null,
        null,
        null,
        Set.of(statuses),
        false,
        false,
        false);
  }

  private static ShopOrder with(String status, String payment) {
    ShopOrder o = Orders.example();
    return new ShopOrder(
        o.id(),
        o.number(),
        o.createdAt(),
        o.updatedAt(),
        status,
        payment,
        o.paymentMethod(),
        o.currency(),
        o.pricesIncludeTax(),
        o.language(),
        o.customer(),
        o.billingAddress(),
        o.shippingAddress(),
        o.lines(),
        o.shipping(),
        o.paymentFee(),
        o.discounts(),
        o.totals());
  }

  @Test
  void paidOrderIsBooked() {
    assertThat(
            Processability.decide(
                with("processing", "paid"), integration(null), settings("paid"), false))
        .isInstanceOf(Processability.Book.class);
  }

  @Test
  void pendingOrderWaitsWithReason() {
    Processability.Decision d =
        Processability.decide(with("new", "pending"), integration(null), settings("paid"), false);
    assertThat(d)
        .isInstanceOfSatisfying(
            Processability.Wait.class, w -> assertThat(w.reason()).contains("pending"));
  }

  @Test
  void operatorCanAllowPendingForInvoiceOnAccountShops() {
    assertThat(
            Processability.decide(
                with("new", "pending"), integration(null), settings("paid", "pending"), false))
        .isInstanceOf(Processability.Book.class);
  }

  @Test
  void cancelledOrderIsSkipped() {
    assertThat(
            Processability.decide(
                with("cancelled", "paid"), integration(null), settings("paid"), false))
        .isInstanceOf(Processability.Skip.class);
  }

  @Test
  void orderBeforeStartDateIsSkipped() {
    assertThat(
            Processability.decide(
                with("processing", "paid"),
                integration(LocalDate.of(2026, 11, 4)),
                settings("paid"),
                false))
        .isInstanceOfSatisfying(
            Processability.Skip.class, s -> assertThat(s.reason()).contains("2026-11-04"));
  }

  @Test
  void importedOrderBeforeStartDateIsBooked() {
    assertThat(
            Processability.decide(
                with("processing", "paid"),
                integration(LocalDate.of(2026, 11, 4)),
                settings("paid"),
                true))
        .isInstanceOf(Processability.Book.class);
  }

  @Test
  void unknownStatusWaits() {
    assertThat(
            Processability.decide(
                with("on_hold", "paid"), integration(null), settings("paid"), false))
        .isInstanceOf(Processability.Wait.class);
  }
}

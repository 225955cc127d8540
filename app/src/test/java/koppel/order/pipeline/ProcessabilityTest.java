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
        false,
        null,
        null,
        IntegrationSettings.EntryAmounts.AUTO);
  }

  /** As the pipeline calls it: the order's day on the shop's calendar. */
  private static Processability.Decision decide(
      ShopOrder order, Integration integration, IntegrationSettings settings, boolean imported) {
    return Processability.decide(
        order,
        integration,
        settings,
        imported,
        order.createdAt().atZoneSameInstant(integration.zone()).toLocalDate());
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
    assertThat(decide(with("processing", "paid"), integration(null), settings("paid"), false))
        .isInstanceOf(Processability.Book.class);
  }

  @Test
  void pendingOrderWaitsWithReason() {
    Processability.Decision d =
        decide(with("new", "pending"), integration(null), settings("paid"), false);
    assertThat(d)
        .isInstanceOfSatisfying(
            Processability.Wait.class, w -> assertThat(w.reason()).contains("pending"));
  }

  @Test
  void operatorCanAllowPendingForInvoiceOnAccountShops() {
    assertThat(
            decide(with("new", "pending"), integration(null), settings("paid", "pending"), false))
        .isInstanceOf(Processability.Book.class);
  }

  @Test
  void cancelledOrderIsSkipped() {
    assertThat(decide(with("cancelled", "paid"), integration(null), settings("paid"), false))
        .isInstanceOf(Processability.Skip.class);
  }

  @Test
  void orderBeforeStartDateIsSkipped() {
    assertThat(
            decide(
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
            decide(
                with("processing", "paid"),
                integration(LocalDate.of(2026, 11, 4)),
                settings("paid"),
                true))
        .isInstanceOf(Processability.Book.class);
  }

  @Test
  void unknownStatusWaits() {
    assertThat(decide(with("on_hold", "paid"), integration(null), settings("paid"), false))
        .isInstanceOf(Processability.Wait.class);
  }

  @Test
  void theStartDateRuleUsesTheShopsCalendarDayNotUtc() {
    ShopOrder o = with("processing", "paid");
    // 23:30 UTC on 3 November is already 4 November in Brussels
    ShopOrder lateEvening =
        new ShopOrder(
            o.id(),
            o.number(),
            java.time.OffsetDateTime.parse("2026-11-03T23:30:00Z"),
            o.updatedAt(),
            o.status(),
            o.paymentStatus(),
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
    assertThat(decide(lateEvening, integration(LocalDate.of(2026, 11, 4)), settings("paid"), false))
        .isInstanceOf(Processability.Book.class);
  }
}

package koppel.order.pipeline;

import static koppel.support.Orders.d;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import koppel.integration.VatMapping;
import koppel.order.domain.ShopOrder;
import koppel.support.Orders;
import org.junit.jupiter.api.Test;

class PreChecksTest {

  private static VatResolver vat(ShopOrder order, VatMapping... rows) {
    return new VatResolver(List.of(rows), TestVat.situation(order, "BE"), true);
  }

  private static final VatMapping BE21 =
      new VatMapping(VatMapping.Kind.COUNTRY, "BE", d("21"), "13", java.util.UUID.randomUUID());

  @Test
  void consistentOrderPasses() {
    ShopOrder order = Orders.example();
    assertThatCode(() -> PreChecks.check(order, vat(order, BE21))).doesNotThrowAnyException();
  }

  @Test
  void totalThatDoesNotAddUpFailsWithResolution() {
    ShopOrder ok = Orders.example();
    ShopOrder broken =
        Orders.order(
            "BE",
            ok.lines(),
            ok.shipping(),
            ok.discounts(),
            new ShopOrder.Totals(d("22.00"), d("5.62"), d("27.62"), List.of()));
    assertThatThrownBy(() -> PreChecks.check(broken, vat(broken, BE21)))
        .isInstanceOfSatisfying(
            BookingFailure.Permanent.class,
            p -> {
              org.assertj.core.api.Assertions.assertThat(p.error().code())
                  .isEqualTo("TOTALS_MISMATCH");
              org.assertj.core.api.Assertions.assertThat(p.error().message())
                  .contains("27.62")
                  .contains("26.62");
            });
  }

  @Test
  void rateWithoutVatCodeFails() {
    ShopOrder order = Orders.example();
    assertThatThrownBy(() -> PreChecks.check(order, vat(order)))
        .isInstanceOfSatisfying(
            BookingFailure.Permanent.class,
            p ->
                org.assertj.core.api.Assertions.assertThat(p.error().code())
                    .isEqualTo("VAT_CODE_MISSING"));
  }

  @Test
  void mappingWithoutRevenueAccountFailsWhenLedgerIsNeeded() {
    ShopOrder order = Orders.example();
    VatMapping noGl = new VatMapping(VatMapping.Kind.COUNTRY, "BE", d("21"), "13", null);
    assertThatThrownBy(() -> PreChecks.check(order, vat(order, noGl)))
        .isInstanceOfSatisfying(
            BookingFailure.Permanent.class,
            p ->
                org.assertj.core.api.Assertions.assertThat(p.error().code())
                    .isEqualTo("GL_ACCOUNT_MISSING"));
  }

  @Test
  void aSingleCentIsNotToleratedAndBothFiguresAreShown() {
    ShopOrder ok = Orders.example();
    ShopOrder oneCentOff =
        Orders.order(
            "BE",
            ok.lines(),
            ok.shipping(),
            ok.discounts(),
            new ShopOrder.Totals(d("22.00"), d("4.63"), d("26.63"), List.of()));
    assertThatThrownBy(() -> PreChecks.check(oneCentOff, vat(oneCentOff, BE21)))
        .isInstanceOfSatisfying(
            BookingFailure.Permanent.class,
            p ->
                org.assertj.core.api.Assertions.assertThat(p.error().message())
                    .contains("26.63")
                    .contains("26.62"));
  }

  @Test
  void aLineWithoutVatRateOrWithQuantityZeroIsAnInternalErrorNamingTheLine() {
    ShopOrder ok = Orders.example();
    for (koppel.order.domain.OrderLine bad :
        List.of(
            Orders.line(
                "WIJN-001", "0", "10", "12.10", "0", "0", "21", "19.0000", "3.9900", "22.9900"),
            new koppel.order.domain.OrderLine(
                1,
                77L,
                "WIJN-001",
                null,
                "Rode wijn",
                null,
                d("2"),
                d("10"),
                d("12.10"),
                d("1"),
                d("1.21"),
                null,
                d("19.0000"),
                d("3.9900"),
                d("22.9900")))) {
      ShopOrder broken =
          Orders.order("BE", List.of(bad), ok.shipping(), ok.discounts(), ok.totals());
      assertThatThrownBy(() -> PreChecks.complete(broken))
          .isInstanceOfSatisfying(
              BookingFailure.Permanent.class,
              p -> {
                org.assertj.core.api.Assertions.assertThat(p.error().code())
                    .isEqualTo("INTERNAL_ERROR");
                org.assertj.core.api.Assertions.assertThat(p.error().message())
                    .contains(bad.name());
              });
    }
  }
}

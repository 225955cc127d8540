package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderCalculatorTest {

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  /** The contract's example order, entered with prices incl. VAT. */
  @Test
  void reproducesTheContractExample() {
    ShopOrder o = new ShopOrder();
    o.id = 48213;
    OrderDraft draft =
        new OrderDraft(
            "processing",
            "paid",
            "bancontact",
            "Bancontact",
            "nl",
            null,
            null,
            null,
            List.of(
                new OrderDraft.LineDraft(
                    77L,
                    "WIJN-001",
                    "5412345678901",
                    "Rode wijn",
                    "75 cl",
                    d("2"),
                    d("12.10"),
                    d("1.21"),
                    d("21.00"))),
            new OrderDraft.ChargeDraft("bpost", d("6.05"), d("21.00")),
            null,
            List.of(
                new OrderDraft.DiscountDraft("WELKOM5", "Welcome discount", d("2.42"), d("21.00"))),
            null,
            null);
    OrderCalculator.apply(o, draft, true);

    ShopOrder.Line line = o.lines.get(0);
    assertThat(line.unitPriceExcl()).isEqualByComparingTo("10.0000");
    assertThat(line.discountExcl()).isEqualByComparingTo("1.0000");
    assertThat(line.totalExcl()).isEqualByComparingTo("19.0000");
    assertThat(line.totalVat()).isEqualByComparingTo("3.9900");
    assertThat(line.totalIncl()).isEqualByComparingTo("22.9900");
    assertThat(o.shipping.priceExcl()).isEqualByComparingTo("5.0000");
    assertThat(o.totals.totalExcl()).isEqualByComparingTo("22.00");
    assertThat(o.totals.totalVat()).isEqualByComparingTo("4.62");
    assertThat(o.totals.totalIncl()).isEqualByComparingTo("26.62");
    assertThat(o.totals.vatBreakdown())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.base()).isEqualByComparingTo("22.00");
              assertThat(v.vat()).isEqualByComparingTo("4.62");
            });
  }

  @Test
  void pricesExclVatAndSeveralRates() {
    ShopOrder o = new ShopOrder();
    OrderDraft draft =
        new OrderDraft(
            "new",
            "paid",
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new OrderDraft.LineDraft(
                    1L, "A", null, "A", null, d("1.5"), d("10.00"), null, d("21")),
                new OrderDraft.LineDraft(
                    2L, "B", null, "B", null, d("3"), d("2.00"), null, d("6"))),
            null,
            null,
            List.of(),
            null,
            null);
    OrderCalculator.apply(o, draft, false);
    assertThat(o.totals.totalExcl()).isEqualByComparingTo("21.00");
    assertThat(o.totals.totalVat()).isEqualByComparingTo("3.51");
    assertThat(o.totals.totalIncl()).isEqualByComparingTo("24.51");
    assertThat(o.totals.vatBreakdown()).hasSize(2);
  }

  @Test
  void overrideMakesABrokenOrder() {
    ShopOrder o = new ShopOrder();
    OrderDraft draft =
        new OrderDraft(
            "new",
            "paid",
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new OrderDraft.LineDraft(
                    1L, "A", null, "A", null, d("1"), d("10.00"), null, d("21"))),
            null,
            null,
            List.of(),
            null,
            d("9.00"));
    OrderCalculator.apply(o, draft, true);
    assertThat(o.totals.totalIncl()).isEqualByComparingTo("9.00");
  }
}

package koppel.order.pipeline;

import static koppel.support.Orders.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import koppel.integration.IntegrationSettings;
import koppel.integration.VatMapping;
import koppel.order.domain.BookingMode;
import koppel.order.domain.ShopOrder;
import koppel.order.port.DocumentDraft;
import koppel.support.Orders;
import org.junit.jupiter.api.Test;

class DocumentMapperTest {

  private static final UUID CUSTOMER = UUID.randomUUID();
  private static final UUID GL21 = UUID.randomUUID();
  private static final UUID GL6 = UUID.randomUUID();
  private static final LocalDate DAY = LocalDate.of(2026, 11, 3);

  private static IntegrationSettings settings(BookingMode mode, boolean incl, boolean noLedger) {
    return new IntegrationSettings(
        UUID.randomUUID(),
        mode,
        incl,
        "700",
        "10",
        null,
        UUID.randomUUID(),
        Set.of("paid"),
        false,
        noLedger,
        false,
        null,
        null,
        IntegrationSettings.EntryAmounts.AUTO);
  }

  /** Belgian VAT codes: 21 → 13, 12 → 12, 6 → 11, 0 → 0, each with a revenue account. */
  private static VatResolver vat(ShopOrder order) {
    return new VatResolver(
        List.of(
            new VatMapping(VatMapping.Kind.COUNTRY, "BE", d("21"), "13", GL21),
            new VatMapping(VatMapping.Kind.COUNTRY, "BE", d("12"), "12", GL6),
            new VatMapping(VatMapping.Kind.COUNTRY, "BE", d("6"), "11", GL6),
            new VatMapping(VatMapping.Kind.COUNTRY, "BE", d("0"), "0", GL6)),
        TestVat.situation(order, "BE"),
        true);
  }

  /** The document with every item known (a fresh id per product key). */
  private static DocumentDraft draft(
      ShopOrder order, IntegrationSettings s, boolean entryAmountsIncludeVat) {
    DocumentMapper.Plan plan =
        DocumentMapper.plan(order, s, vat(order), DAY, entryAmountsIncludeVat);
    Map<String, UUID> ids = new HashMap<>();
    plan.products().forEach(p -> ids.put(p.key(), UUID.randomUUID()));
    return plan.draft(CUSTOMER, ids, null);
  }

  @Test
  void invoiceCarriesTheFieldsTheManualNames() {
    ShopOrder order = Orders.example();
    DocumentDraft draft = draft(order, settings(BookingMode.SALES_INVOICE, true, false), false);

    assertThat(draft.yourRef()).isEqualTo("2026-000123");
    assertThat(draft.description()).isEqualTo("Order number 2026-000123");
    assertThat(draft.paymentReference()).isEqualTo("2026-000123");
    assertThat(draft.journal()).isEqualTo("700");
    assertThat(draft.date()).isEqualTo(DAY);
    assertThat(draft.remarks()).isEqualTo("Bancontact");
    assertThat(draft.warehouseId()).isNull();
    assertThat(draft.currency()).isNull();
    assertThat(draft.lines())
        .allSatisfy(
            l -> {
              assertThat(l.itemId()).isNotNull();
              assertThat(l.glAccount()).isEqualTo(GL21);
              assertThat(l.vatCode()).isEqualTo("13");
              assertThat(l.vatAmount()).isNotNull();
            });
    assertThat(draft.lines().get(0).unitPrice()).isEqualByComparingTo("11.495");
  }

  @Test
  void salesOrderHasWarehouseDeliveryAddressAndNoLedger() {
    ShopOrder order = Orders.example();
    IntegrationSettings s = settings(BookingMode.SALES_ORDER, true, false);
    DocumentMapper.Plan plan = DocumentMapper.plan(order, s, vat(order), DAY, false);
    Map<String, UUID> ids = new HashMap<>();
    plan.products().forEach(p -> ids.put(p.key(), UUID.randomUUID()));
    UUID address = UUID.randomUUID();
    DocumentDraft draft = plan.draft(CUSTOMER, ids, address);
    assertThat(draft.journal()).isNull();
    assertThat(draft.description()).isEqualTo("2026-000123");
    assertThat(draft.warehouseId()).isEqualTo(s.warehouseId());
    assertThat(draft.deliveryAddressId()).isEqualTo(address);
    assertThat(draft.lines()).allSatisfy(l -> assertThat(l.glAccount()).isNull());
    // new products of a sales order are stock items (booked out of the default warehouse)
    assertThat(plan.products())
        .filteredOn(p -> p.key().equals("WIJN-001"))
        .singleElement()
        .satisfies(p -> assertThat(p.item().stockItem()).isTrue());
    assertThat(plan.products())
        .filteredOn(p -> DocumentMapper.isDummy(p.key()))
        .allSatisfy(p -> assertThat(p.item().stockItem()).isFalse());
  }

  @Test
  void ledgerMappingCanBeSwitchedOffForInvoices() {
    DocumentDraft draft =
        draft(Orders.example(), settings(BookingMode.SALES_INVOICE, true, true), false);
    assertThat(draft.lines()).allSatisfy(l -> assertThat(l.glAccount()).isNull());
  }

  @Test
  void salesEntryHasOneLinePerRateWithTheShopsVat() {
    ShopOrder order = mixedRates();
    DocumentDraft draft = draft(order, settings(BookingMode.SALES_ENTRY, false, false), false);
    assertThat(draft.lines()).hasSize(2);
    assertThat(draft.lines())
        .allSatisfy(
            l -> {
              assertThat(l.itemId()).isNull();
              assertThat(l.quantity()).isNull();
              assertThat(l.glAccount()).isNotNull();
            });
    DocumentDraft.Line six = draft.lines().get(0);
    assertThat(six.vatCode()).isEqualTo("11");
    assertThat(six.amount()).isEqualByComparingTo("25.00");
    assertThat(six.vatAmount()).isEqualByComparingTo("1.50");
    assertThat(six.description()).contains("(6%)");
    DocumentDraft.Line standard = draft.lines().get(1);
    assertThat(standard.vatCode()).isEqualTo("13");
    assertThat(standard.amount()).isEqualByComparingTo("24.00");
    assertThat(standard.vatAmount()).isEqualByComparingTo("5.04");
  }

  @Test
  void salesEntryAmountFollowsTheWayExactReadsInclusiveCodes() {
    ShopOrder order = mixedRates();
    IntegrationSettings incl = settings(BookingMode.SALES_ENTRY, true, false);
    assertThat(draft(order, incl, false).lines().get(1).amount()).isEqualByComparingTo("24.00");
    assertThat(draft(order, incl, true).lines().get(1).amount()).isEqualByComparingTo("29.04");
    // with exclusive codes the reading does not matter
    IntegrationSettings excl = settings(BookingMode.SALES_ENTRY, false, false);
    assertThat(draft(order, excl, true).lines().get(1).amount()).isEqualByComparingTo("24.00");
  }

  @Test
  void aUnitPriceThatWouldEndOnHalfACentIsMovedSoNoRoundingRuleDecides() {
    assertThat(DocumentMapper.isTie(d("2.105"))).isTrue();
    assertThat(DocumentMapper.isTie(d("-2.105"))).isTrue();
    assertThat(DocumentMapper.isTie(d("2.1051"))).isFalse();
    assertThat(DocumentMapper.tieFree(d("2.1050"), d("1"))).isEqualByComparingTo("2.1051");
    assertThat(DocumentMapper.tieFree(d("1.0350"), d("3"))).isEqualByComparingTo("1.0351");
    assertThat(DocumentMapper.tieFree(d("1.0340"), d("3"))).isEqualByComparingTo("1.0340");
    assertThat(DocumentMapper.tieFree(d("-0.0050"), d("1"))).isEqualByComparingTo("-0.0051");
  }

  @Test
  void inclusivePricesWithExclusiveCodesBookTheShopsVatToTheCent() {
    // the case: 31.95 paid incl. 5.55 VAT; Exact's own VAT on 26.40 would be 5.54
    ShopOrder order =
        Orders.order(
            "BE",
            List.of(
                Orders.line(
                    "A", "1", "13.2231", "16.0000", "0", "0", "21", "13.2231", "2.7769", "16.0000"),
                Orders.line(
                    "B", "1", "13.1818", "15.9500", "0", "0", "21", "13.1818", "2.7682",
                    "15.9500")),
            null,
            List.of(),
            new ShopOrder.Totals(
                d("26.40"),
                d("5.55"),
                d("31.95"),
                List.of(new ShopOrder.VatBreakdown(d("21"), d("26.40"), d("5.55")))));
    DocumentDraft draft = draft(order, settings(BookingMode.SALES_INVOICE, false, false), false);
    for (RoundingMode rounding : List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)) {
      ExactMath.Totals t = ExactMath.total(ExactMath.perVatCode(draft, false, rounding, false));
      assertThat(t.excl()).isEqualByComparingTo("26.40");
      assertThat(t.vat()).isEqualByComparingTo("5.55");
    }
  }

  @Test
  void aBreakdownThatMissesTheTotalsIsSpreadSoTheDocumentAddsUp() {
    // per rate the shop rounds 10.005 → 10.01 and 5.005 → 5.01, but its total is 15.01
    ShopOrder order =
        Orders.order(
            "BE",
            List.of(
                Orders.line(
                    "A", "1", "10.0050", "12.1061", "0", "0", "21", "10.0050", "2.1011", "12.1061"),
                Orders.line(
                    "B", "1", "5.0050", "5.3053", "0", "0", "6", "5.0050", "0.3003", "5.3053")),
            null,
            List.of(),
            new ShopOrder.Totals(
                d("15.01"),
                d("2.40"),
                d("17.41"),
                List.of(
                    new ShopOrder.VatBreakdown(d("21"), d("10.01"), d("2.10")),
                    new ShopOrder.VatBreakdown(d("6"), d("5.01"), d("0.30")))));
    OrderAmounts amounts = OrderAmounts.of(order);
    assertThat(amounts.breakdownNote()).contains("does not add up");
    BigDecimal excl =
        amounts.targets().values().stream()
            .map(OrderAmounts.Target::excl)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal incl =
        amounts.targets().values().stream()
            .map(OrderAmounts.Target::incl)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(excl).isEqualByComparingTo("15.01");
    assertThat(incl).isEqualByComparingTo("17.41");
  }

  @Test
  void aBreakdownThatAddsUpToWhatWasPaidWinsOverTheTotalExclOfTheShop() {
    // per rate: 31.1034 → 31.10 and 28.2830 → 28.28, but the shop's total excl. is 59.39;
    // the breakdown's VAT (6.54 + 1.70) still adds up to the 67.62 paid
    ShopOrder order =
        Orders.order(
            "BE",
            List.of(
                Orders.line(
                    "A", "1", "31.1034", "37.6350", "0", "0", "21", "31.1034", "6.5316", "37.6350"),
                Orders.line(
                    "B", "2", "14.1415", "14.9900", "0", "0", "6", "28.2830", "1.6970", "29.9800")),
            null,
            List.of(),
            new ShopOrder.Totals(
                d("59.39"),
                d("8.23"),
                d("67.62"),
                List.of(
                    new ShopOrder.VatBreakdown(d("21"), d("31.10"), d("6.54")),
                    new ShopOrder.VatBreakdown(d("6"), d("28.28"), d("1.70")))));
    OrderAmounts amounts = OrderAmounts.of(order);
    assertThat(amounts.breakdownNote()).isNull();
    assertThat(amounts.target(d("21")).vat()).isEqualByComparingTo("6.54");
    assertThat(amounts.total().incl()).isEqualByComparingTo("67.62");
    assertThat(amounts.total().excl()).isEqualByComparingTo("59.38");
  }

  @Test
  void missingJournalIsAMerchantError() {
    IntegrationSettings s = settings(BookingMode.SALES_INVOICE, true, false);
    IntegrationSettings noJournal =
        new IntegrationSettings(
            s.integrationId(),
            s.bookingMode(),
            true,
            null,
            null,
            null,
            null,
            Set.of("paid"),
            false,
            false,
            false,
            null,
            null,
            IntegrationSettings.EntryAmounts.AUTO);
    ShopOrder order = Orders.example();
    assertThatThrownBy(() -> DocumentMapper.plan(order, noJournal, vat(order), DAY, false))
        .isInstanceOfSatisfying(
            BookingFailure.Permanent.class,
            p -> assertThat(p.error().code()).isEqualTo("JOURNAL_MISSING"));
  }

  /**
   * The promise, over 3,000 random shop orders (fractional and large quantities, line discounts,
   * shipping, fees, discounts, four rates, prices incl. and excl. VAT): in every document type,
   * with inclusive and exclusive codes, under both of Exact's line-rounding rules and both readings
   * of entry amounts, Exact's excl. amount and VAT per VAT code are the shop's targets, and the
   * document's total is what the customer paid.
   */
  @Test
  void everyDocumentAddsUpPerVatCodeUnderEveryReadingOfExactsArithmetic() {
    Random random = new Random(8);
    int checked = 0;
    for (int i = 0; i < 3000; i++) {
      ShopOrder order = ShopMath.random(random, random.nextBoolean(), "BE");
      OrderAmounts amounts = OrderAmounts.of(order);
      for (BookingMode mode : BookingMode.values()) {
        for (boolean incl : List.of(true, false)) {
          for (boolean entryInclusive : List.of(true, false)) {
            DocumentDraft draft = draft(order, settings(mode, incl, false), entryInclusive);
            for (RoundingMode rounding : List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)) {
              Map<String, ExactMath.Totals> perCode =
                  ExactMath.perVatCode(draft, incl, rounding, entryInclusive);
              amounts
                  .targets()
                  .forEach(
                      (rate, target) -> {
                        ExactMath.Totals t = perCode.get(code(rate));
                        assertThat(t.excl())
                            .as("excl %s%% of %s", rate, order)
                            .isEqualByComparingTo(target.excl());
                        assertThat(t.vat())
                            .as("VAT %s%% of %s", rate, order)
                            .isEqualByComparingTo(target.vat());
                      });
              ExactMath.Totals total = ExactMath.total(perCode);
              assertThat(total.incl()).isEqualByComparingTo(order.totals().totalIncl());
              assertThat(total.excl()).isEqualByComparingTo(amounts.total().excl());
              checked++;
            }
          }
        }
      }
    }
    assertThat(checked).isEqualTo(3000 * 3 * 2 * 2 * 2);
  }

  private static String code(BigDecimal rate) {
    return switch (rate.stripTrailingZeros().toPlainString()) {
      case "21" -> "13";
      case "12" -> "12";
      case "6" -> "11";
      default -> "0";
    };
  }

  /** Two products at 6 % and 21 % with shipping: 25.00 + 1.50 and 24.00 + 5.04. */
  private static ShopOrder mixedRates() {
    return Orders.order(
        "BE",
        List.of(
            Orders.line(
                "BOEK", "1", "25.0000", "26.5000", "0", "0", "6", "25.0000", "1.5000", "26.5000"),
            Orders.line(
                "WIJN", "2", "9.5000", "11.4950", "0", "0", "21", "19.0000", "3.9900", "22.9900")),
        new ShopOrder.Charge("bpost", d("5.0000"), d("6.0500"), d("21")),
        List.of(),
        new ShopOrder.Totals(
            d("49.00"),
            d("6.54"),
            d("55.54"),
            List.of(
                new ShopOrder.VatBreakdown(d("6"), d("25.00"), d("1.50")),
                new ShopOrder.VatBreakdown(d("21"), d("24.00"), d("5.04")))));
  }
}

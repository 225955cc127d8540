package koppel.order.pipeline;

import static koppel.support.Orders.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import koppel.integration.IntegrationSettings;
import koppel.integration.VatMapping;
import koppel.jobs.BookingFailure;
import koppel.order.domain.BookingMode;
import koppel.order.domain.ShopOrder;
import koppel.order.port.DocumentDraft;
import koppel.support.Orders;
import org.junit.jupiter.api.Test;

class DocumentMapperTest {

  private static final UUID CUSTOMER = UUID.randomUUID();
  private static final UUID GL21 = UUID.randomUUID();
  private static final UUID WINE = UUID.randomUUID();
  private static final UUID SHIPPING = UUID.randomUUID();
  private static final UUID DISCOUNT = UUID.randomUUID();
  private static final Map<String, UUID> ITEMS =
      Map.of("WIJN-001", WINE, ProductsStep.SHIPPING, SHIPPING, ProductsStep.DISCOUNT, DISCOUNT);

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
        false);
  }

  private static VatResolver vat(ShopOrder order) {
    return new VatResolver(
        List.of(new VatMapping(VatMapping.Kind.COUNTRY, "BE", d("21"), "13", GL21)),
        TestVat.situation(order, "BE"),
        true);
  }

  /** What Exact makes of the lines: quantity × unit price, each rounded to cents. */
  private static BigDecimal sum(List<DocumentDraft.Line> lines, boolean incl) {
    return lines.stream()
        .map(l -> l.quantity().multiply(l.unitPrice()).setScale(2, java.math.RoundingMode.HALF_UP))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void invoiceInclVatAddsUpToTheShopTotalToTheCent() {
    ShopOrder order = Orders.example();
    DocumentDraft draft =
        DocumentMapper.map(
            order, settings(BookingMode.SALES_INVOICE, true, false), CUSTOMER, ITEMS, vat(order));

    assertThat(draft.yourRef()).isEqualTo("2026-000123");
    assertThat(draft.journal()).isEqualTo("700");
    assertThat(draft.date()).hasToString("2026-11-03");
    assertThat(draft.remarks()).isEqualTo("Bancontact");
    assertThat(draft.lines()).hasSize(3);
    DocumentDraft.Line wine = draft.lines().get(0);
    assertThat(wine.itemId()).isEqualTo(WINE);
    assertThat(wine.unitPrice()).isEqualByComparingTo("11.495");
    assertThat(wine.vatCode()).isEqualTo("13");
    assertThat(wine.glAccount()).isEqualTo(GL21);
    assertThat(draft.lines().get(1).itemId()).isEqualTo(SHIPPING);
    assertThat(draft.lines().get(2).itemId()).isEqualTo(DISCOUNT);
    assertThat(draft.lines().get(2).unitPrice()).isEqualByComparingTo("-2.42");
    assertThat(sum(draft.lines(), true)).isEqualByComparingTo("26.62");
  }

  @Test
  void discountBecomesSeparateLineWhenTheNetUnitPriceIsNotExact() {
    ShopOrder order =
        Orders.order(
            "BE",
            List.of(
                Orders.line(
                    "WIJN-001",
                    "3",
                    "8.2645",
                    "10.0000",
                    "0.8264",
                    "1.0000",
                    "21",
                    "23.9669",
                    "5.0331",
                    "29.0000")),
            null,
            List.of(),
            new ShopOrder.Totals(d("23.97"), d("5.03"), d("29.00"), List.of()));
    DocumentDraft draft =
        DocumentMapper.map(
            order, settings(BookingMode.SALES_INVOICE, true, false), CUSTOMER, ITEMS, vat(order));

    assertThat(draft.lines()).hasSize(2);
    assertThat(draft.lines().get(0).unitPrice()).isEqualByComparingTo("10.00");
    assertThat(draft.lines().get(1).itemId()).isEqualTo(DISCOUNT);
    assertThat(draft.lines().get(1).unitPrice()).isEqualByComparingTo("-1.00");
    assertThat(sum(draft.lines(), true)).isEqualByComparingTo("29.00");
  }

  @Test
  void aRoundingLineMakesTheDocumentAddUpToTheShopsTotal() {
    // Exact rounds each line to cents (1.01 + 1.01), the shop only its total (2.0100 → 2.01)
    ShopOrder order =
        Orders.order(
            "BE",
            List.of(
                Orders.line(
                    "A", "1", "0.8306", "1.0050", "0", "0", "21", "0.8306", "0.1744", "1.0050"),
                Orders.line(
                    "B", "1", "0.8306", "1.0050", "0", "0", "21", "0.8306", "0.1744", "1.0050")),
            null,
            List.of(),
            new ShopOrder.Totals(d("1.66"), d("0.35"), d("2.01"), List.of()));
    IntegrationSettings s = settings(BookingMode.SALES_INVOICE, true, false);
    List<koppel.order.port.NewItem> needed = DocumentMapper.neededItems(order, s, vat(order));
    Map<String, UUID> ids = new java.util.HashMap<>();
    needed.forEach(n -> ids.put(n.code(), UUID.randomUUID()));
    DocumentDraft draft = DocumentMapper.map(order, s, CUSTOMER, ids, vat(order));
    assertThat(needed)
        .extracting(koppel.order.port.NewItem::code)
        .containsExactly("A", "B", ProductsStep.ROUNDING);
    assertThat(draft.lines()).allSatisfy(l -> assertThat(l.itemId()).isNotNull());
    assertThat(draft.lines().get(2).unitPrice()).isEqualByComparingTo("-0.01");
    assertThat(sum(draft.lines(), true)).isEqualByComparingTo("2.01");
    assertThat(needed.get(0).description()).isEqualTo("Product A");
  }

  @Test
  void exportWithFractionalQuantityKeepsEveryLineAnItem() {
    ShopOrder order =
        Orders.order(
            "CH",
            List.of(
                Orders.line(
                    "THEE-05", "6", "8.4434", "8.4434", "0", "0", "0", "50.6604", "0", "50.6604"),
                Orders.line(
                    "KAB-300", "1.25", "1.9421", "1.9421", "0", "0", "0", "2.4276", "0", "2.4276")),
            new ShopOrder.Charge("DHL", d("13.1818"), d("13.1818"), d("0")),
            List.of(),
            new ShopOrder.Totals(d("66.27"), d("0"), d("66.27"), List.of()));
    VatResolver international =
        new VatResolver(
            List.of(new VatMapping(VatMapping.Kind.INTERNATIONAL, "", d("0"), "47", GL21)),
            TestVat.situation(order, "BE"),
            true);
    IntegrationSettings s = settings(BookingMode.SALES_INVOICE, true, false);
    List<koppel.order.port.NewItem> needed = DocumentMapper.neededItems(order, s, international);
    Map<String, UUID> ids = new java.util.HashMap<>();
    needed.forEach(n -> ids.put(n.code(), UUID.randomUUID()));
    DocumentDraft draft = DocumentMapper.map(order, s, CUSTOMER, ids, international);
    assertThat(draft.lines())
        .allSatisfy(
            l -> {
              assertThat(l.itemId()).isNotNull();
              assertThat(l.unitPrice()).isNotNull();
            });
    assertThat(sum(draft.lines(), true)).isEqualByComparingTo("66.27");
  }

  @Test
  void invoiceExclVatUsesExclPrices() {
    ShopOrder order = Orders.example();
    DocumentDraft draft =
        DocumentMapper.map(
            order, settings(BookingMode.SALES_INVOICE, false, false), CUSTOMER, ITEMS, vat(order));
    assertThat(sum(draft.lines(), false)).isEqualByComparingTo("22.00");
  }

  @Test
  void salesEntryCarriesAmountsExclAndVatWithoutItems() {
    ShopOrder order = Orders.example();
    DocumentDraft draft =
        DocumentMapper.map(
            order, settings(BookingMode.SALES_ENTRY, true, false), CUSTOMER, Map.of(), vat(order));
    assertThat(draft.lines())
        .allSatisfy(
            l -> {
              assertThat(l.itemId()).isNull();
              assertThat(l.glAccount()).isEqualTo(GL21);
            });
    BigDecimal excl =
        draft.lines().stream()
            .map(DocumentDraft.Line::amountExcl)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal vatTotal =
        draft.lines().stream()
            .map(DocumentDraft.Line::vatAmount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(excl).isEqualByComparingTo("22.00");
    assertThat(vatTotal).isEqualByComparingTo("4.62");
  }

  @Test
  void salesOrderHasWarehouseAndNoLedger() {
    ShopOrder order = Orders.example();
    IntegrationSettings s = settings(BookingMode.SALES_ORDER, true, false);
    DocumentDraft draft = DocumentMapper.map(order, s, CUSTOMER, ITEMS, vat(order));
    assertThat(draft.journal()).isNull();
    assertThat(draft.warehouseId()).isEqualTo(s.warehouseId());
    assertThat(draft.lines()).allSatisfy(l -> assertThat(l.glAccount()).isNull());
  }

  @Test
  void ledgerMappingCanBeSwitchedOffForInvoices() {
    ShopOrder order = Orders.example();
    DocumentDraft draft =
        DocumentMapper.map(
            order, settings(BookingMode.SALES_INVOICE, true, true), CUSTOMER, ITEMS, vat(order));
    assertThat(draft.lines()).allSatisfy(l -> assertThat(l.glAccount()).isNull());
  }

  @Test
  void missingJournalIsAMerchantError() {
    ShopOrder order = Orders.example();
    IntegrationSettings noJournal =
        new IntegrationSettings(
            UUID.randomUUID(),
            BookingMode.SALES_INVOICE,
            true,
            null,
            null,
            null,
            null,
            Set.of("paid"),
            false,
            false,
            false);
    assertThatThrownBy(() -> DocumentMapper.map(order, noJournal, CUSTOMER, ITEMS, vat(order)))
        .isInstanceOfSatisfying(
            BookingFailure.Permanent.class,
            p -> assertThat(p.error().code()).isEqualTo("JOURNAL_MISSING"));
  }
}

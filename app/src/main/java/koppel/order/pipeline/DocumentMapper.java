package koppel.order.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import koppel.integration.IntegrationSettings;
import koppel.integration.VatMapping;
import koppel.jobs.BookingFailure;
import koppel.order.domain.BookingMode;
import koppel.order.domain.Money;
import koppel.order.domain.OrderLine;
import koppel.order.domain.ShopOrder;
import koppel.order.port.DocumentDraft;

/**
 * Maps a shop order to the Exact document to create (pure: no calls, no side effects). Prices are
 * incl. or excl. VAT as the contract's VAT codes are; line discounts become a lower unit price when
 * that price is exact, otherwise a separate discount line, so the document adds up to the cent.
 */
final class DocumentMapper {

  private static final int PRICE_SCALE = 4;

  private final ShopOrder order;
  private final IntegrationSettings settings;
  private final Map<String, UUID> items;
  private final VatResolver vat;
  private final List<DocumentDraft.Line> lines = new ArrayList<>();

  private DocumentMapper(
      ShopOrder order, IntegrationSettings settings, Map<String, UUID> items, VatResolver vat) {
    this.order = order;
    this.settings = settings;
    this.items = items;
    this.vat = vat;
  }

  static DocumentDraft map(
      ShopOrder order,
      IntegrationSettings settings,
      UUID customerId,
      Map<String, UUID> items,
      VatResolver vat) {
    return new DocumentMapper(order, settings, items, vat).draft(customerId);
  }

  private DocumentDraft draft(UUID customerId) {
    BookingMode mode = settings.bookingMode();
    String journal = mode == BookingMode.SALES_ORDER ? null : settings.salesJournal();
    if (mode != BookingMode.SALES_ORDER && (journal == null || journal.isBlank())) {
      throw new BookingFailure.Permanent(BookingErrors.journalMissing(mode));
    }
    for (OrderLine line : order.lines()) {
      productLine(line);
    }
    if (order.shipping() != null) {
      charge(order.shipping(), ProductsStep.SHIPPING, title(order.shipping().title(), "Shipping"));
    }
    if (order.paymentFee() != null) {
      charge(
          order.paymentFee(),
          ProductsStep.PAYMENT_FEE,
          title(order.paymentFee().title(), "Payment costs"));
    }
    for (ShopOrder.Discount d : order.discounts()) {
      add(
          title(d.title(), "Discount"),
          ProductsStep.DISCOUNT,
          BigDecimal.ONE,
          d.amountIncl().negate(),
          d.amountExcl().negate(),
          d.vatRate());
    }
    boolean warehouse = mode == BookingMode.SALES_ORDER || settings.directInvoice();
    return new DocumentDraft(
        mode,
        customerId,
        order.createdAt().toLocalDate(),
        order.number(),
        order.number(),
        order.number(),
        order.paymentMethod() == null ? null : order.paymentMethod().title(),
        journal,
        warehouse ? settings.warehouseId() : null,
        null,
        settings.currencyEnabled() ? order.currency() : null,
        mode == BookingMode.SALES_INVOICE && settings.directInvoice(),
        lines);
  }

  private void productLine(OrderLine line) {
    String code = ProductsStep.itemCode(line);
    BigDecimal quantity = line.quantity();
    BigDecimal netIncl = line.totalIncl();
    BigDecimal netExcl = line.totalExcl();
    BigDecimal net = settings.vatIncluding() ? netIncl : netExcl;
    BigDecimal exactUnit = exactUnitPrice(net, quantity);
    if (exactUnit != null || settings.bookingMode() == BookingMode.SALES_ENTRY) {
      add(line.description(), code, quantity, netIncl, netExcl, line.vatRate(), exactUnit);
      return;
    }
    // the discounted unit price is not exact: book the list price and the discount apart
    BigDecimal grossIncl = line.unitPriceIncl().multiply(quantity);
    BigDecimal grossExcl = line.unitPriceExcl().multiply(quantity);
    add(
        line.description(),
        code,
        quantity,
        grossIncl,
        grossExcl,
        line.vatRate(),
        settings.vatIncluding() ? line.unitPriceIncl() : line.unitPriceExcl());
    add(
        "Discount " + line.description(),
        ProductsStep.DISCOUNT,
        BigDecimal.ONE,
        netIncl.subtract(grossIncl),
        netExcl.subtract(grossExcl),
        line.vatRate());
  }

  private void charge(ShopOrder.Charge charge, String code, String description) {
    add(
        description,
        code,
        BigDecimal.ONE,
        charge.priceIncl(),
        charge.priceExcl(),
        charge.vatRate());
  }

  private void add(
      String description,
      String code,
      BigDecimal quantity,
      BigDecimal amountIncl,
      BigDecimal amountExcl,
      BigDecimal rate) {
    BigDecimal amount = settings.vatIncluding() ? amountIncl : amountExcl;
    add(
        description,
        code,
        quantity,
        amountIncl,
        amountExcl,
        rate,
        exactUnitPrice(amount, quantity));
  }

  private void add(
      String description,
      String code,
      BigDecimal quantity,
      BigDecimal amountIncl,
      BigDecimal amountExcl,
      BigDecimal rate,
      BigDecimal unitPrice) {
    VatMapping mapping = vat.resolve(rate);
    BookingMode mode = settings.bookingMode();
    boolean entry = mode == BookingMode.SALES_ENTRY;
    boolean withLedger =
        entry || (mode == BookingMode.SALES_INVOICE && !settings.ledgerMappingDisabled());
    lines.add(
        new DocumentDraft.Line(
            description,
            entry ? null : items.get(code),
            quantity,
            entry ? null : unitPrice,
            Money.cents(amountExcl),
            entry ? Money.cents(amountIncl).subtract(Money.cents(amountExcl)) : null,
            mapping.vatCode(),
            withLedger ? mapping.glAccount() : null));
  }

  /** amount / quantity when it has at most four decimals, else null. */
  private static BigDecimal exactUnitPrice(BigDecimal amount, BigDecimal quantity) {
    if (quantity.signum() == 0) {
      return null;
    }
    try {
      BigDecimal unit = amount.divide(quantity, PRICE_SCALE, RoundingMode.UNNECESSARY);
      return unit.stripTrailingZeros().scale() > PRICE_SCALE ? null : unit;
    } catch (ArithmeticException notExact) {
      return null;
    }
  }

  private static String title(String title, String fallback) {
    return title == null || title.isBlank() ? fallback : title;
  }
}

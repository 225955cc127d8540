package koppel.order.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import koppel.order.port.NewItem;

/**
 * Maps a shop order to the Exact document to create (pure: no calls, no side effects).
 *
 * <p>Prices are incl. or excl. VAT as the contract's VAT codes are. A line's unit price is its
 * total after discount divided by the quantity (Exact keeps four decimals); a line discount that
 * would make that price inexact is booked as a separate discount line instead. Exact rounds every
 * line to cents, the shop rounds only the total: when the document's lines do not add up to the
 * shop's total to the cent, a rounding line makes them.
 */
final class DocumentMapper {

  private static final int PRICE_SCALE = 4;

  private final ShopOrder order;
  private final IntegrationSettings settings;
  private final Map<String, UUID> items;
  private final VatResolver vat;
  private final List<DocumentDraft.Line> lines = new ArrayList<>();
  private final Map<String, NewItem> needed = new LinkedHashMap<>();
  private BigDecimal bookedIncl = BigDecimal.ZERO;
  private BigDecimal bookedExcl = BigDecimal.ZERO;

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

  /**
   * The items the document will need (products and the dummy items for shipping, payment costs,
   * discounts and rounding), from the same mapping that builds the document, so the two never
   * disagree. Fails like the mapping would (no journal, no VAT code) before anything is created.
   */
  static List<NewItem> neededItems(ShopOrder order, IntegrationSettings settings, VatResolver vat) {
    DocumentMapper planner = new DocumentMapper(order, settings, Map.of(), vat);
    planner.draft(null);
    return new ArrayList<>(planner.needed.values());
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
          d.vatRate(),
          null);
    }
    roundingLine();
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
    BigDecimal net = price(line.totalIncl(), line.totalExcl());
    boolean discounted = line.discountIncl() != null && line.discountIncl().signum() != 0;
    if (!discounted || exact(net, quantity) || settings.bookingMode() == BookingMode.SALES_ENTRY) {
      add(
          line.description(),
          code,
          quantity,
          line.totalIncl(),
          line.totalExcl(),
          line.vatRate(),
          null);
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
        price(line.unitPriceIncl(), line.unitPriceExcl()));
    add(
        "Discount " + line.description(),
        ProductsStep.DISCOUNT,
        BigDecimal.ONE,
        line.totalIncl().subtract(grossIncl),
        line.totalExcl().subtract(grossExcl),
        line.vatRate(),
        null);
  }

  private void charge(ShopOrder.Charge charge, String code, String description) {
    add(
        description,
        code,
        BigDecimal.ONE,
        charge.priceIncl(),
        charge.priceExcl(),
        charge.vatRate(),
        null);
  }

  /** Adds a line; {@code unitPrice} null means the amount divided by the quantity. */
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
    BigDecimal unit =
        unitPrice != null
            ? unitPrice
            : price(amountIncl, amountExcl).divide(quantity, PRICE_SCALE, RoundingMode.HALF_UP);
    if (!entry) {
      needed.putIfAbsent(
          code,
          new NewItem(
              code,
              itemName(code),
              mapping.vatCode(),
              mode == BookingMode.SALES_ORDER && !ProductsStep.isDummy(code)));
      // what Exact will make of it: quantity × unit price, rounded to cents
      BigDecimal booked = Money.cents(quantity.multiply(unit));
      bookedIncl = bookedIncl.add(settings.vatIncluding() ? booked : BigDecimal.ZERO);
      bookedExcl = bookedExcl.add(settings.vatIncluding() ? BigDecimal.ZERO : booked);
    } else {
      bookedExcl = bookedExcl.add(Money.cents(amountExcl));
      bookedIncl = bookedIncl.add(Money.cents(amountIncl));
    }
    boolean withLedger =
        entry || (mode == BookingMode.SALES_INVOICE && !settings.ledgerMappingDisabled());
    lines.add(
        new DocumentDraft.Line(
            description,
            entry ? null : items.get(code),
            quantity,
            entry ? null : unit,
            Money.cents(amountExcl),
            entry ? Money.cents(amountIncl).subtract(Money.cents(amountExcl)) : null,
            mapping.vatCode(),
            withLedger ? mapping.glAccount() : null));
  }

  /** A line for the cents between what Exact will add up and the shop's total, if any. */
  private void roundingLine() {
    if (order.totals() == null || order.lines().isEmpty()) {
      return;
    }
    BigDecimal rate = order.lines().get(0).vatRate();
    if (settings.bookingMode() == BookingMode.SALES_ENTRY) {
      BigDecimal excl = Money.cents(order.totals().totalExcl()).subtract(bookedExcl);
      BigDecimal incl = Money.cents(order.totals().totalIncl()).subtract(bookedIncl);
      if (excl.signum() != 0 || incl.signum() != 0) {
        add("Rounding", ProductsStep.ROUNDING, BigDecimal.ONE, incl, excl, rate, null);
      }
      return;
    }
    BigDecimal target =
        Money.cents(
            settings.vatIncluding() ? order.totals().totalIncl() : order.totals().totalExcl());
    BigDecimal difference = target.subtract(settings.vatIncluding() ? bookedIncl : bookedExcl);
    if (difference.signum() != 0) {
      add(
          "Rounding",
          ProductsStep.ROUNDING,
          BigDecimal.ONE,
          difference,
          difference,
          rate,
          difference);
    }
  }

  private BigDecimal price(BigDecimal incl, BigDecimal excl) {
    return settings.vatIncluding() ? incl : excl;
  }

  private String itemName(String code) {
    switch (code) {
      case ProductsStep.SHIPPING:
        return "Shipping costs";
      case ProductsStep.PAYMENT_FEE:
        return "Payment costs";
      case ProductsStep.DISCOUNT:
        return "Discount";
      case ProductsStep.ROUNDING:
        return "Rounding difference";
      default:
        return order.lines().stream()
            .filter(l -> ProductsStep.itemCode(l).equals(code))
            .map(OrderLine::name)
            .findFirst()
            .orElse(code);
    }
  }

  /** True when amount / quantity has at most four decimals. */
  private static boolean exact(BigDecimal amount, BigDecimal quantity) {
    if (quantity.signum() == 0) {
      return false;
    }
    try {
      amount.divide(quantity, PRICE_SCALE, RoundingMode.UNNECESSARY);
      return true;
    } catch (ArithmeticException notExact) {
      return false;
    }
  }

  private static String title(String title, String fallback) {
    return title == null || title.isBlank() ? fallback : title;
  }
}

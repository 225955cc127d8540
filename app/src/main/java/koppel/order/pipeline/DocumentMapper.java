package koppel.order.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import koppel.integration.IntegrationSettings;
import koppel.integration.VatMapping;
import koppel.order.domain.BookingMode;
import koppel.order.domain.OrderLine;
import koppel.order.domain.ShopOrder;
import koppel.order.port.AccountingSystem.NewItem;
import koppel.order.port.DocumentDraft;

/**
 * Maps a shop order to the Exact document to create (pure: no calls, no side effects).
 *
 * <p>The document must show, per VAT rate, exactly the excl. amount and the VAT the shop charged
 * ({@link OrderAmounts#targets()}). Orders and invoices: every line gets a quantity and a unit
 * price of at most four decimals whose product Exact rounds to the same cents whatever its rounding
 * rule (no half-cent ties), the lines of a rate are topped up to the rate's amount by a rounding
 * line when the shop's four-decimal amounts round differently, and every line carries its VAT
 * amount, so Exact never computes VAT its own way; the VAT of a rate is the shop's, put on the
 * largest line. Sales entries: one line per VAT rate with the amount, VAT code, revenue account and
 * the shop's VAT.
 */
final class DocumentMapper {

  static final String SHIPPING = "KMO-SHIPPING";
  static final String PAYMENT_FEE = "KMO-PAYMENTFEE";
  static final String DISCOUNT = "KMO-DISCOUNT";
  static final String ROUNDING = "KMO-ROUNDING";

  private static final int PRICE_SCALE = 4;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal TICK = new BigDecimal("0.0001");

  /** A product the document needs in Exact, by Koppel's key for it. */
  record Product(String key, NewItem item) {}

  /** What the document will be, before the customer and items are known. */
  static final class Plan {
    private final BookingMode mode;
    private final List<Planned> lines;
    private final Map<String, Product> products;
    private final ShopOrder order;
    private final IntegrationSettings settings;
    private final LocalDate date;

    private Plan(
        BookingMode mode,
        List<Planned> lines,
        Map<String, Product> products,
        ShopOrder order,
        IntegrationSettings settings,
        LocalDate date) {
      this.mode = mode;
      this.lines = lines;
      this.products = products;
      this.order = order;
      this.settings = settings;
      this.date = date;
    }

    /** The items the document needs (none for sales entries). */
    List<Product> products() {
      return new ArrayList<>(products.values());
    }

    /** The document, with the customer, the item ids by product key and the delivery address. */
    DocumentDraft draft(UUID customerId, Map<String, UUID> itemIds, UUID deliveryAddressId) {
      List<DocumentDraft.Line> out = new ArrayList<>();
      for (Planned p : lines) {
        UUID item = p.productKey == null ? null : itemIds.get(p.productKey);
        if (p.productKey != null && item == null) {
          throw new IllegalStateException("No Exact item for " + p.productKey);
        }
        out.add(
            new DocumentDraft.Line(
                p.description,
                item,
                p.quantity,
                p.unitPrice,
                p.amount,
                p.vat,
                p.mapping.vatCode(),
                p.withLedger ? p.mapping.glAccount() : null));
      }
      boolean invoice = mode == BookingMode.SALES_INVOICE;
      boolean warehouse = mode == BookingMode.SALES_ORDER || (invoice && settings.directInvoice());
      String number = order.number();
      return new DocumentDraft(
          mode,
          customerId,
          date,
          number,
          invoice ? "Order number " + number : number,
          number,
          invoice && order.paymentMethod() != null ? order.paymentMethod().title() : null,
          mode == BookingMode.SALES_ORDER ? null : settings.salesJournal(),
          warehouse ? settings.warehouseId() : null,
          mode == BookingMode.SALES_ORDER ? deliveryAddressId : null,
          settings.currencyEnabled() ? order.currency() : null,
          invoice && settings.directInvoice(),
          out);
    }
  }

  /** One line as planned: amounts final, the item still a key. */
  private record Planned(
      String description,
      String productKey,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      BigDecimal vat,
      VatMapping mapping,
      boolean withLedger) {

    Planned withVat(BigDecimal v) {
      return new Planned(
          description, productKey, quantity, unitPrice, amount, v, mapping, withLedger);
    }

    /** What Exact will make of quantity × unit price (or the amount of an entry line). */
    BigDecimal booked() {
      return amount != null
          ? amount
          : quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }
  }

  private DocumentMapper() {}

  /**
   * Plans the document. {@code entryAmountsIncludeVat}: whether Exact reads AmountFC of a sales
   * entry line with an inclusive VAT code as incl. VAT (only used for sales entries with incl.
   * codes). Fails like Exact would (no journal, no VAT code) before anything is created.
   */
  static Plan plan(
      ShopOrder order,
      IntegrationSettings settings,
      VatResolver vat,
      LocalDate orderDate,
      boolean entryAmountsIncludeVat) {
    BookingMode mode = settings.bookingMode();
    if (mode != BookingMode.SALES_ORDER
        && (settings.salesJournal() == null || settings.salesJournal().isBlank())) {
      throw new BookingFailure.Permanent(BookingErrors.journalMissing(mode));
    }
    if (mode == BookingMode.SALES_INVOICE
        && settings.directInvoice()
        && settings.warehouseId() == null) {
      throw new BookingFailure.Permanent(BookingErrors.warehouseMissing("direct sales invoices"));
    }
    OrderAmounts amounts = OrderAmounts.of(order);
    List<Planned> lines =
        mode == BookingMode.SALES_ENTRY
            ? entryLines(order, amounts, settings, vat, entryAmountsIncludeVat)
            : itemLines(amounts, settings, vat);
    Map<String, Product> products = new LinkedHashMap<>();
    if (mode != BookingMode.SALES_ENTRY) {
      for (Planned p : lines) {
        products.computeIfAbsent(
            p.productKey, k -> product(k, order, p.mapping, mode == BookingMode.SALES_ORDER));
      }
    }
    return new Plan(mode, lines, products, order, settings, orderDate);
  }

  // --- sales orders and invoices: items, quantities and unit prices ----------------------------

  private static List<Planned> itemLines(
      OrderAmounts amounts, IntegrationSettings settings, VatResolver vat) {
    boolean incl = settings.vatIncluding();
    boolean withLedger =
        settings.bookingMode() == BookingMode.SALES_INVOICE && !settings.ledgerMappingDisabled();
    Map<BigDecimal, List<Planned>> byRate = new LinkedHashMap<>();
    for (OrderAmounts.Part part : amounts.parts()) {
      VatMapping mapping = vat.resolve(part.rate());
      List<Planned> group =
          byRate.computeIfAbsent(OrderAmounts.key(part.rate()), r -> new ArrayList<>());
      BigDecimal amount = incl ? part.incl() : part.excl();
      if (part.kind() == OrderAmounts.Kind.PRODUCT) {
        productLines(group, part, amount, incl, mapping, withLedger);
      } else {
        group.add(
            priced(
                part.title(), dummyKey(part.kind()), BigDecimal.ONE, amount, mapping, withLedger));
      }
    }
    List<Planned> out = new ArrayList<>();
    byRate.forEach(
        (rate, group) -> {
          OrderAmounts.Target target = amounts.target(rate);
          VatMapping mapping = group.get(0).mapping;
          BigDecimal wanted = incl ? target.incl() : target.excl();
          BigDecimal booked =
              group.stream().map(Planned::booked).reduce(BigDecimal.ZERO, BigDecimal::add);
          BigDecimal rest = wanted.subtract(booked);
          if (rest.signum() != 0) {
            group.add(priced("Rounding", ROUNDING, BigDecimal.ONE, rest, mapping, withLedger));
          }
          out.addAll(withVat(group, rate, target.vat(), incl));
        });
    return out;
  }

  /**
   * A product line at its discounted unit price when that price is exact in four decimals; else the
   * list price and the line's discount as a line of its own, so the unit price stays the shop's.
   */
  private static void productLines(
      List<Planned> group,
      OrderAmounts.Part part,
      BigDecimal amount,
      boolean incl,
      VatMapping mapping,
      boolean withLedger) {
    OrderLine line = part.line();
    String key = ProductsStep.itemKey(line);
    BigDecimal quantity = line.quantity();
    BigDecimal listPrice = incl ? line.unitPriceIncl() : line.unitPriceExcl();
    BigDecimal discount = incl ? line.discountIncl() : line.discountExcl();
    boolean discounted = discount != null && discount.signum() != 0 && listPrice != null;
    if (!discounted || exact(amount, quantity)) {
      group.add(priced(line.description(), key, quantity, amount, mapping, withLedger));
      return;
    }
    Planned list =
        new Planned(
            line.description(),
            key,
            quantity,
            tieFree(listPrice, quantity),
            null,
            null,
            mapping,
            withLedger);
    group.add(list);
    BigDecimal rest = amount.subtract(list.booked());
    group.add(
        priced(
            "Discount " + line.description(), DISCOUNT, BigDecimal.ONE, rest, mapping, withLedger));
  }

  /** A line whose quantity × unit price books {@code amount} (to the cent, no tie). */
  private static Planned priced(
      String description,
      String key,
      BigDecimal quantity,
      BigDecimal amount,
      VatMapping mapping,
      boolean withLedger) {
    BigDecimal unit = amount.divide(quantity, PRICE_SCALE, RoundingMode.HALF_UP);
    return new Planned(
        description, key, quantity, tieFree(unit, quantity), null, null, mapping, withLedger);
  }

  /**
   * The unit price, moved by 0.0001 when quantity × price ends on exactly half a cent: there
   * Exact's rounding rule (half up, half even) decides, and Koppel cannot know which one a division
   * uses.
   */
  static BigDecimal tieFree(BigDecimal unitPrice, BigDecimal quantity) {
    BigDecimal price = unitPrice.setScale(PRICE_SCALE, RoundingMode.HALF_UP);
    for (int i = 0; i < 5 && isTie(quantity.multiply(price)); i++) {
      price = price.add(price.signum() < 0 ? TICK.negate() : TICK);
    }
    return price;
  }

  static boolean isTie(BigDecimal amount) {
    BigDecimal cents = amount.movePointRight(2).abs();
    BigDecimal fraction = cents.subtract(cents.setScale(0, RoundingMode.DOWN));
    return fraction.compareTo(new BigDecimal("0.5")) == 0;
  }

  /**
   * Each line's VAT as Exact would compute it, then the rate's VAT made the shop's by putting the
   * difference on the largest line.
   */
  private static List<Planned> withVat(
      List<Planned> group, BigDecimal rate, BigDecimal vatWanted, boolean incl) {
    List<Planned> out = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    int largest = 0;
    for (int i = 0; i < group.size(); i++) {
      Planned p = group.get(i);
      BigDecimal v = naturalVat(p.booked(), rate, incl);
      out.add(p.withVat(v));
      sum = sum.add(v);
      if (p.booked().abs().compareTo(group.get(largest).booked().abs()) > 0) {
        largest = i;
      }
    }
    BigDecimal rest = vatWanted.subtract(sum);
    if (rest.signum() != 0) {
      Planned p = out.get(largest);
      out.set(largest, p.withVat(p.vat.add(rest)));
    }
    return out;
  }

  static BigDecimal naturalVat(BigDecimal booked, BigDecimal ratePercent, boolean incl) {
    BigDecimal r = ratePercent.divide(HUNDRED);
    if (incl) {
      BigDecimal excl = booked.divide(BigDecimal.ONE.add(r), 2, RoundingMode.HALF_UP);
      return booked.subtract(excl);
    }
    return booked.multiply(r).setScale(2, RoundingMode.HALF_UP);
  }

  // --- sales entries: one line per VAT rate --------------------------------------------------

  private static List<Planned> entryLines(
      ShopOrder order,
      OrderAmounts amounts,
      IntegrationSettings settings,
      VatResolver vat,
      boolean entryAmountsIncludeVat) {
    boolean amountIncludesVat = settings.vatIncluding() && entryAmountsIncludeVat;
    List<Planned> out = new ArrayList<>();
    amounts
        .targets()
        .forEach(
            (rate, target) -> {
              VatMapping mapping = vat.resolve(rate);
              out.add(
                  new Planned(
                      entryDescription(order, amounts, rate),
                      null,
                      null,
                      null,
                      amountIncludesVat ? target.incl() : target.excl(),
                      target.vat(),
                      mapping,
                      true));
            });
    return out;
  }

  /** "Rode wijn, Kookboek, Shipping (21%)", at most 60 characters. */
  private static String entryDescription(ShopOrder order, OrderAmounts amounts, BigDecimal rate) {
    StringBuilder sb = new StringBuilder();
    for (OrderAmounts.Part p : amounts.parts()) {
      if (OrderAmounts.key(p.rate()).compareTo(rate) == 0) {
        sb.append(sb.isEmpty() ? "" : ", ").append(p.title());
      }
    }
    String suffix = " (" + rate.toPlainString() + "%)";
    String names = sb.toString();
    int room = 60 - suffix.length();
    if (names.length() > room) {
      names = names.substring(0, Math.max(0, room - 1)) + "…";
    }
    return names + suffix;
  }

  // --- items --------------------------------------------------------------------------------

  private static String dummyKey(OrderAmounts.Kind kind) {
    return switch (kind) {
      case SHIPPING -> SHIPPING;
      case PAYMENT_FEE -> PAYMENT_FEE;
      case DISCOUNT -> DISCOUNT;
      case PRODUCT -> throw new IllegalArgumentException("a product is not a dummy item");
    };
  }

  static boolean isDummy(String key) {
    return key.equals(SHIPPING)
        || key.equals(PAYMENT_FEE)
        || key.equals(DISCOUNT)
        || key.equals(ROUNDING);
  }

  private static Product product(
      String key, ShopOrder order, VatMapping mapping, boolean salesOrders) {
    if (isDummy(key)) {
      String name =
          switch (key) {
            case SHIPPING -> "Shipping costs";
            case PAYMENT_FEE -> "Payment costs";
            case DISCOUNT -> "Discount";
            default -> "Rounding difference";
          };
      return new Product(key, new NewItem(key, name, null, mapping.vatCode(), false));
    }
    OrderLine line =
        order.lines().stream()
            .filter(l -> ProductsStep.itemKey(l).equals(key))
            .findFirst()
            .orElseThrow();
    // orders book stock out of the default warehouse: new products are stock items there
    return new Product(
        key,
        new NewItem(
            ProductsStep.itemCode(line),
            line.name() == null || line.name().isBlank() ? key : line.name(),
            blankToNull(line.ean()),
            mapping.vatCode(),
            salesOrders));
  }

  /** True when amount / quantity has at most four decimals. */
  private static boolean exact(BigDecimal amount, BigDecimal quantity) {
    try {
      amount.divide(quantity, PRICE_SCALE, RoundingMode.UNNECESSARY);
      return true;
    } catch (ArithmeticException notExact) {
      return false;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

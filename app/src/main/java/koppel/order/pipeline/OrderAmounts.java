package koppel.order.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import koppel.order.domain.Money;
import koppel.order.domain.OrderLine;
import koppel.order.domain.ShopOrder;

/**
 * The shop order's money as parts (product lines, shipping, payment fee, discounts, each with its
 * VAT rate and both amounts) and as targets per VAT rate: the excl. amount and the VAT the booked
 * document must show for each rate, in cents. Pure arithmetic, no side effects.
 *
 * <p>The targets are the shop's own VAT breakdown (the VAT per rate its invoice to the customer
 * shows) whenever it adds up to what the customer paid. Shops round per rate and per total
 * separately, so the breakdown's excl. amounts can miss the order's total excl. by a cent while
 * still adding up to the amount paid: the breakdown wins, as the VAT per rate is what counts. When
 * even that fails, the targets are the parts per rate, rounded so that they add up to the totals
 * exactly (the cent goes to the rate whose rounding was closest to it), and {@link
 * #breakdownNote()} says so.
 */
final class OrderAmounts {

  /** One part of the order: what it is, its rate and its amounts (4 decimals) and quantity. */
  record Part(
      Kind kind,
      OrderLine line,
      String title,
      BigDecimal rate,
      BigDecimal quantity,
      BigDecimal incl,
      BigDecimal excl) {}

  enum Kind {
    PRODUCT,
    SHIPPING,
    PAYMENT_FEE,
    DISCOUNT
  }

  /** What the document must show for one VAT rate, in cents: excl. amount and VAT. */
  record Target(BigDecimal excl, BigDecimal vat) {
    BigDecimal incl() {
      return excl.add(vat);
    }
  }

  private final List<Part> parts;
  private final Map<BigDecimal, Target> targets;
  private final String breakdownNote;

  private OrderAmounts(List<Part> parts, Map<BigDecimal, Target> targets, String breakdownNote) {
    this.parts = parts;
    this.targets = targets;
    this.breakdownNote = breakdownNote;
  }

  static OrderAmounts of(ShopOrder order) {
    List<Part> parts = parts(order);
    Map<BigDecimal, BigDecimal[]> perRate = new TreeMap<>();
    for (Part p : parts) {
      BigDecimal[] sum =
          perRate.computeIfAbsent(key(p.rate()), r -> new BigDecimal[] {zero(), zero()});
      sum[0] = sum[0].add(p.excl());
      sum[1] = sum[1].add(p.incl());
    }
    ShopOrder.Totals t = order.totals();
    Map<BigDecimal, Target> fromShop = fromBreakdown(t, perRate);
    if (fromShop != null) {
      return new OrderAmounts(parts, fromShop, null);
    }
    Map<BigDecimal, BigDecimal> excl = new LinkedHashMap<>();
    Map<BigDecimal, BigDecimal> incl = new LinkedHashMap<>();
    perRate.forEach(
        (rate, sum) -> {
          excl.put(rate, sum[0]);
          incl.put(rate, sum[1]);
        });
    Map<BigDecimal, BigDecimal> e = spread(excl, Money.cents(t.totalExcl()));
    Map<BigDecimal, BigDecimal> i = spread(incl, Money.cents(t.totalIncl()));
    Map<BigDecimal, Target> derived = new LinkedHashMap<>();
    e.forEach((rate, ex) -> derived.put(rate, new Target(ex, i.get(rate).subtract(ex))));
    String note =
        t.vat().isEmpty()
            ? null
            : "The shop's VAT breakdown does not add up to the order's totals; Koppel booked per"
                + " rate "
                + describe(derived)
                + ", which adds up to "
                + Money.cents(t.totalIncl()).toPlainString()
                + ".";
    return new OrderAmounts(parts, derived, note);
  }

  List<Part> parts() {
    return parts;
  }

  /** Targets per VAT rate (rates normalised: 21.00 and 21 are one key). */
  Map<BigDecimal, Target> targets() {
    return targets;
  }

  Target target(BigDecimal rate) {
    return targets.get(key(rate));
  }

  /** What the whole document must show: the targets added up (incl. is what was paid). */
  Target total() {
    BigDecimal excl = zero();
    BigDecimal vat = zero();
    for (Target t : targets.values()) {
      excl = excl.add(t.excl());
      vat = vat.add(t.vat());
    }
    return new Target(excl, vat);
  }

  /** Why the targets are not the shop's own breakdown, or null when they are. */
  String breakdownNote() {
    return breakdownNote;
  }

  /** The sum of every part's amount incl. (or excl.) VAT, unrounded. */
  static BigDecimal sum(ShopOrder order, boolean incl) {
    BigDecimal s = zero();
    for (Part p : parts(order)) {
      s = s.add(incl ? p.incl() : p.excl());
    }
    return s;
  }

  static BigDecimal key(BigDecimal rate) {
    return rate.stripTrailingZeros();
  }

  private static List<Part> parts(ShopOrder order) {
    List<Part> parts = new ArrayList<>();
    for (OrderLine l : order.lines()) {
      parts.add(
          new Part(
              Kind.PRODUCT,
              l,
              l.description(),
              l.vatRate(),
              l.quantity(),
              l.totalIncl(),
              l.totalExcl()));
    }
    charge(parts, Kind.SHIPPING, order.shipping(), "Shipping");
    charge(parts, Kind.PAYMENT_FEE, order.paymentFee(), "Payment costs");
    for (ShopOrder.Discount d : order.discounts()) {
      parts.add(
          new Part(
              Kind.DISCOUNT,
              null,
              title(d.title(), "Discount"),
              d.vatRate(),
              BigDecimal.ONE,
              d.amountIncl().negate(),
              d.amountExcl().negate()));
    }
    return parts;
  }

  private static void charge(List<Part> parts, Kind kind, ShopOrder.Charge c, String fallback) {
    if (c != null) {
      parts.add(
          new Part(
              kind,
              null,
              title(c.title(), fallback),
              c.vatRate(),
              BigDecimal.ONE,
              c.priceIncl(),
              c.priceExcl()));
    }
  }

  /** The shop's breakdown as targets, if it covers the same rates and adds up to the paid total. */
  private static Map<BigDecimal, Target> fromBreakdown(
      ShopOrder.Totals t, Map<BigDecimal, BigDecimal[]> perRate) {
    if (t.vat().isEmpty()) {
      return null;
    }
    Map<BigDecimal, Target> out = new LinkedHashMap<>();
    BigDecimal base = zero();
    BigDecimal vat = zero();
    for (ShopOrder.VatBreakdown row : t.vat()) {
      if (row.rate() == null || row.base() == null || row.vat() == null) {
        return null;
      }
      BigDecimal rate = key(row.rate());
      BigDecimal[] parts = perRate.get(rate);
      // a row for a rate no part has, or a base more than a cent off its parts, is not ours
      if (parts == null
          || out.containsKey(rate)
          || Money.cents(row.base()).subtract(parts[0]).abs().compareTo(CENT) > 0) {
        return null;
      }
      out.put(rate, new Target(Money.cents(row.base()), Money.cents(row.vat())));
      base = base.add(Money.cents(row.base()));
      vat = vat.add(Money.cents(row.vat()));
    }
    if (!out.keySet().equals(perRate.keySet())
        || base.add(vat).compareTo(Money.cents(t.totalIncl())) != 0) {
      return null;
    }
    return out;
  }

  private static final BigDecimal CENT = new BigDecimal("0.01");

  /**
   * Rounds each value to cents so that the results add up to {@code total} exactly: largest
   * remainder first. Values and total differ by less than a cent per value when the order adds up.
   */
  static Map<BigDecimal, BigDecimal> spread(Map<BigDecimal, BigDecimal> values, BigDecimal total) {
    Map<BigDecimal, BigDecimal> rounded = new LinkedHashMap<>();
    values.forEach((k, v) -> rounded.put(k, v.setScale(2, RoundingMode.HALF_UP)));
    BigDecimal missing = total.subtract(rounded.values().stream().reduce(zero(), BigDecimal::add));
    int steps = missing.movePointRight(2).intValueExact();
    BigDecimal step = steps > 0 ? CENT : CENT.negate();
    // the value whose rounding went most against the missing cent takes it first
    List<BigDecimal> order = new ArrayList<>(values.keySet());
    order.sort(
        Comparator.comparing(
            (BigDecimal k) -> values.get(k).subtract(rounded.get(k)).multiply(step).negate()));
    for (int i = 0; i < Math.abs(steps) && !order.isEmpty(); i++) {
      BigDecimal k = order.get(i % order.size());
      rounded.put(k, rounded.get(k).add(step));
    }
    return rounded;
  }

  private static String describe(Map<BigDecimal, Target> targets) {
    StringBuilder sb = new StringBuilder();
    targets.forEach(
        (rate, t) ->
            sb.append(sb.isEmpty() ? "" : ", ")
                .append(rate.toPlainString())
                .append("%: ")
                .append(t.excl().toPlainString())
                .append(" + VAT ")
                .append(t.vat().toPlainString()));
    return sb.toString();
  }

  private static String title(String title, String fallback) {
    return title == null || title.isBlank() ? fallback : title;
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}

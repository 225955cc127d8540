package sandbox.kmoshops;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Generates a month of a Belgian or Dutch shop (the shop's country is home): B2C and B2B, domestic,
 * OSS destinations at their own rates, ICP to companies with valid VAT numbers at 0 %, exports at 0
 * %, several rates per order, line and order discounts (split per rate), fees, fractional
 * quantities, names in many scripts, guest orders, bank transfers paid days later, shipments,
 * cancellations and refunds, and at {@code brokenRate} orders a connector must refuse: totals that
 * do not add up, a VAT number with a bad check digit, an unknown country code.
 *
 * <p>Everything comes from one {@link Random} seeded with {@code seed}, so the same seed gives the
 * same orders (ids and numbers may differ). The orders are created and changed in time order
 * through {@link ShopStore}, so they fire webhooks like any other order.
 */
@Component
class OrderGenerator {

  static final int MAX_COUNT = 50_000;

  /** What to generate. */
  record Params(
      int count,
      long seed,
      OffsetDateTime from,
      OffsetDateTime to,
      double brokenRate,
      Integer skus,
      Double returningRate,
      boolean holdWebhooks) {

    Params(int count, long seed, OffsetDateTime from, OffsetDateTime to, double brokenRate) {
      this(count, seed, from, to, brokenRate, null, null, false);
    }

    /** The benchmark's knobs: a catalogue of {@code skus} products, a returning rate. */
    boolean bench() {
      return skus != null || returningRate != null;
    }
  }

  enum Kind {
    DOMESTIC,
    OSS,
    ICP,
    EXPORT
  }

  enum Broken {
    TOTALS,
    VAT_NUMBER,
    COUNTRY
  }

  static final List<String> EXPORT_COUNTRIES = List.of("CH", "GB", "US", "NO");

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ShopStore store;
  private final WebhookSender webhooks;
  private final Map<Long, ShopState> states = new java.util.HashMap<>();

  OrderGenerator(ShopStore store, WebhookSender webhooks) {
    this.store = store;
    this.webhooks = webhooks;
  }

  /**
   * What a shop keeps across generate calls: its catalogue (when {@code skus} was asked for) and
   * every buyer with an account, so a later call can bring them back.
   */
  static final class ShopState {
    Long catalogueSeed;
    final List<GeneratorData.Product> catalogue = new ArrayList<>();
    final List<Buyer> buyers = new ArrayList<>();
    final java.util.Set<String> emails = new java.util.HashSet<>();
    Long customerBase;
    int customers;

    /** The first {@code skus} products of the shop's catalogue, made as needed. */
    List<GeneratorData.Product> catalogue(int skus, long seed) {
      if (catalogueSeed == null) {
        catalogueSeed = seed;
      }
      while (catalogue.size() < skus) {
        catalogue.add(catalogueProduct(catalogueSeed, catalogue.size()));
      }
      return catalogue.subList(0, skus);
    }
  }

  private static final List<String> MODELS =
      List.of("Classic", "Nordic", "Mini", "XL", "Bio", "Deluxe", "Eco", "Pro", "Retro", "Atelier");

  /** Product {@code i} of a catalogue: always the same for the same seed and index. */
  static GeneratorData.Product catalogueProduct(long seed, int i) {
    Random g = new Random(seed * 1_000_003L + i);
    GeneratorData.Product base =
        GeneratorData.CATALOGUE.get(g.nextInt(GeneratorData.CATALOGUE.size()));
    String digits = String.format("2%02d%09d", Math.floorMod(seed, 100), i + 1);
    int sum = 0;
    for (int k = 0; k < 12; k++) {
      sum += (digits.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
    }
    String ean = digits + (10 - sum % 10) % 10;
    BigDecimal price =
        base.price()
            .multiply(BigDecimal.valueOf(80 + g.nextInt(81)))
            .divide(HUNDRED, 2, RoundingMode.HALF_UP);
    return new GeneratorData.Product(
        100_000L + i + 1,
        String.format("BX-%05d", i + 1),
        ean,
        base.name() + " " + MODELS.get(g.nextInt(MODELS.size())),
        base.variant(),
        base.category(),
        price,
        base.unit());
  }

  /** Forgets every shop's catalogue and buyers (the sandbox was reset). */
  synchronized void reset() {
    states.clear();
  }

  private synchronized ShopState state(long shopId) {
    return states.computeIfAbsent(shopId, k -> new ShopState());
  }

  /** Generates, creates and replays the orders; answers a summary of the mix. */
  Map<String, Object> generate(long shopId, Params p) {
    Shop shop =
        store
            .shop(shopId)
            .orElseThrow(() -> ApiProblem.notFound("Shop " + shopId + " does not exist"));
    ShopState state = state(shopId);
    synchronized (state) {
      long heldBefore = webhooks.heldCount(shopId);
      if (p.holdWebhooks()) {
        webhooks.hold(shopId, true);
      }
      try {
        Map<String, Object> out = generate(shop, p, state);
        if (p.bench() || p.holdWebhooks()) {
          out.put("skus", p.skus());
          out.put("returningRate", p.returningRate());
          out.put("catalogueSize", state.catalogue.size());
          out.put("knownCustomers", state.buyers.size());
        }
        out.put("webhooks", p.holdWebhooks() ? "hold" : "send");
        out.put("heldDeliveries", webhooks.heldCount(shopId) - heldBefore);
        return out;
      } finally {
        if (p.holdWebhooks()) {
          webhooks.hold(shopId, false);
        }
      }
    }
  }

  private Map<String, Object> generate(Shop shop, Params p, ShopState state) {
    long shopId = shop.id;
    Run run = new Run(shop, p, state);
    List<Planned> plan = run.plan();

    // replay in time order: creations and later changes interleave as they would have happened
    record Step(Instant at, int order, int event) {}
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      steps.add(new Step(plan.get(i).createdAt(), i, -1));
      for (int j = 0; j < plan.get(i).events().size(); j++) {
        steps.add(new Step(plan.get(i).events().get(j).at(), i, j));
      }
    }
    steps.sort(
        Comparator.comparing(Step::at).thenComparingInt(Step::order).thenComparingInt(Step::event));
    long[] ids = new long[plan.size()];
    String[] numbers = new String[plan.size()];
    for (Step s : steps) {
      Planned o = plan.get(s.order());
      if (s.event() < 0) {
        ShopOrder created =
            store.createOrder(shopId, o.draft(), s.at().atZone(shop.zone()).toOffsetDateTime());
        ids[s.order()] = created.id();
        numbers[s.order()] = created.number();
      } else {
        Event e = o.events().get(s.event());
        store.updateOrder(
            shopId,
            ids[s.order()],
            x -> {
              x.status = e.status();
              x.paymentStatus = e.paymentStatus();
            },
            e.at().atZone(shop.zone()).toOffsetDateTime());
      }
    }

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("shopId", shopId);
    out.put("seed", p.seed());
    out.put("count", p.count());
    out.put("from", ShopOrder.iso(p.from()));
    out.put("to", ShopOrder.iso(p.to()));
    out.put("brokenRate", p.brokenRate());
    out.put("home", run.home);
    out.put("pricesIncludeTax", shop.pricesIncludeTax);
    out.put("firstOrderId", plan.isEmpty() ? null : ids[0]);
    out.put("lastOrderId", plan.isEmpty() ? null : ids[plan.size() - 1]);
    out.put("updates", steps.size() - plan.size());
    out.put("mix", run.mix);
    List<Map<String, Object>> broken = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      if (plan.get(i).broken() != null) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("orderId", ids[i]);
        b.put("number", numbers[i]);
        b.put("kind", plan.get(i).broken().name());
        broken.add(b);
      }
    }
    out.put("broken", broken);
    return out;
  }

  /** A later change to an order: new status and payment status at an instant. */
  record Event(Instant at, String status, String paymentStatus) {}

  record Planned(OrderDraft draft, Instant createdAt, List<Event> events, Broken broken) {}

  /** A buyer: a person or a company, possibly returning. */
  private static final class Buyer {
    Long id;
    Kind kind;
    boolean b2b;
    boolean gift;
    String country;
    String firstName;
    String lastName;
    String email;
    String phone;
    boolean company;
    String companyName;
    String vatNumber;
    String companyNumber;
    String language;
    Map<String, Object> address;
    boolean nonLatin;

    Map<String, Object> json() {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", id);
      if (email != null) {
        c.put("email", email);
      }
      c.put("firstName", firstName);
      c.put("lastName", lastName);
      c.put("phone", phone);
      c.put("isCompany", company);
      c.put("companyName", companyName);
      if (vatNumber != null) {
        c.put("vatNumber", vatNumber);
      }
      if (companyNumber != null) {
        c.put("companyNumber", companyNumber);
      }
      return c;
    }
  }

  /** One generation: the random source, the customer pool, the tallies. */
  private static final class Run {
    final Shop shop;
    final Params p;
    final Random r;
    final String home;
    final long customerBase;
    final Map<String, List<Buyer>> pool = new LinkedHashMap<>();
    final Map<String, Object> mix = new LinkedHashMap<>();
    final ShopState state;

    Run(Shop shop, Params p, ShopState state) {
      this.shop = shop;
      this.p = p;
      this.state = state;
      this.r = new Random(p.seed());
      this.home = EuVatRates.isMemberState(shop.country) ? shop.country : "BE";
      // customer ids from the seed: another run (another seed) does not reuse them; a shop's
      // later runs go on from its first run's ids
      long base = 1_000_000L + r.nextInt(9_000) * 100_000L;
      if (state.customerBase == null) {
        state.customerBase = base;
      }
      this.customerBase = state.customerBase;
      for (String k :
          List.of(
              "b2c",
              "b2b",
              "domestic",
              "oss",
              "icp",
              "export",
              "guest",
              "returningCustomer",
              "fractionalQuantity",
              "lineDiscount",
              "orderDiscount",
              "orderDiscountSplitPerRate",
              "multiRate",
              "paymentFee",
              "freeShipping",
              "pickup",
              "shippingAddressDiffers",
              "paidLater",
              "stillPending",
              "invoiceUnpaid",
              "cancelled",
              "refunded",
              "partiallyRefunded",
              "shipped",
              "completed",
              "messyVatNumber",
              "vatCountryNotShippingCountry",
              "nonLatinName",
              "brokenTotals",
              "brokenVatNumber",
              "brokenCountry")) {
        mix.put(k, 0);
      }
      mix.put("ossCountries", new TreeMap<String, Integer>());
      mix.put("icpCountries", new TreeMap<String, Integer>());
      mix.put("exportCountries", new TreeMap<String, Integer>());
      mix.put("rates", new TreeMap<String, Integer>());
    }

    List<Planned> plan() {
      Instant from = p.from().toInstant();
      Instant to = p.to().toInstant();
      List<Instant> times = new ArrayList<>();
      long span = Math.max(1, Duration.between(from, to).getSeconds() + 1);
      while (times.size() < p.count()) {
        Instant t = from.plusSeconds((long) (r.nextDouble() * span));
        int hour = t.atZone(shop.zone()).getHour();
        // few orders at night
        if (hour >= 7 || r.nextDouble() < 0.15) {
          times.add(t);
        }
      }
      Collections.sort(times);
      List<Integer> indices = new ArrayList<>();
      for (int i = 0; i < p.count(); i++) {
        indices.add(i);
      }
      Collections.shuffle(indices, r);
      int brokenCount = (int) Math.round(p.count() * p.brokenRate());
      Broken[] broken = new Broken[p.count()];
      for (int k = 0; k < brokenCount; k++) {
        broken[indices.get(k)] = Broken.values()[k % Broken.values().length];
      }
      List<Planned> out = new ArrayList<>();
      for (int i = 0; i < p.count(); i++) {
        out.add(order(times.get(i), broken[i]));
      }
      return out;
    }

    // --- one order --------------------------------------------------------------------------

    Planned order(Instant created, Broken broken) {
      LocalDate day = created.atZone(shop.zone()).toLocalDate();
      Kind kind;
      boolean b2b;
      if (broken == Broken.VAT_NUMBER) {
        kind = Kind.ICP;
        b2b = true;
      } else if (broken == Broken.COUNTRY) {
        kind = r.nextBoolean() ? Kind.EXPORT : Kind.DOMESTIC;
        b2b = false;
      } else {
        double x = r.nextDouble();
        kind = x < 0.65 ? Kind.DOMESTIC : x < 0.81 ? Kind.OSS : x < 0.92 ? Kind.ICP : Kind.EXPORT;
        b2b =
            kind == Kind.ICP
                || (kind == Kind.DOMESTIC && x >= 0.52)
                || (kind == Kind.OSS && x >= 0.78)
                || (kind == Kind.EXPORT && r.nextInt(4) == 0);
      }
      boolean guest = kind == Kind.DOMESTIC && !b2b && broken == null && r.nextDouble() < 0.07;
      // the benchmark's returning rate: a buyer the shop already has, with that buyer's kind
      Buyer returning = null;
      if (p.returningRate() != null
          && broken == null
          && !guest
          && !state.buyers.isEmpty()
          && r.nextDouble() < p.returningRate()) {
        returning = state.buyers.get(r.nextInt(state.buyers.size()));
        kind = returning.kind;
        b2b = returning.b2b;
        inc("returningCustomer");
      }

      // the buyer, and where the goods go
      String destination;
      Buyer buyer;
      Map<String, Object> shipTo = null;
      switch (kind) {
        case OSS:
          destination = pick(euOtherThan(home), euWeights(home));
          if (returning != null ? returning.gift : !b2b && r.nextDouble() < 0.1) {
            // a gift abroad: billed at home, shipped to the destination, which decides the VAT
            buyer =
                returning != null ? returning : buyer(kind + "-home", home, false, false, guest);
            buyer.gift = true;
            shipTo = address(destination, personName(destination));
          } else {
            buyer =
                returning != null
                    ? returning
                    : buyer(kind + "-" + b2b, destination, b2b, false, guest);
            destination = buyer.country;
          }
          break;
        case ICP:
          {
            String seat = pick(euOtherThan(home), euWeights(home));
            // a broken number belongs to a one-off buyer, never to a returning one
            buyer =
                returning != null
                    ? returning
                    : broken == null
                        ? buyer("ICP", seat, true, true, false)
                        : newBuyer(seat, true, true, false);
            destination = buyer.country;
            if (broken == null && r.nextDouble() < 0.15) {
              // the company's warehouse in another member state: the number's country differs
              List<String> others = euOtherThan(home);
              others.remove(buyer.country);
              destination = others.get(r.nextInt(others.size()));
              shipTo = address(destination, buyer.companyName);
              inc("vatCountryNotShippingCountry");
            }
            if (broken == Broken.VAT_NUMBER) {
              buyer.vatNumber =
                  VatNumbers.breakCheckDigit(VatNumbers.compact(buyer.vatNumber, buyer.country), r);
            }
            break;
          }
        case EXPORT:
          destination =
              returning != null
                  ? returning.country
                  : pick(EXPORT_COUNTRIES, new int[] {35, 35, 15, 15});
          buyer =
              returning != null
                  ? returning
                  : buyer("EXPORT-" + b2b + "-" + destination, destination, b2b, false, false);
          break;
        default:
          destination = home;
          buyer =
              returning != null
                  ? returning
                  : buyer("DOMESTIC-" + b2b + "-" + guest, home, b2b, b2b, guest);
          if (!guest && r.nextDouble() < 0.06) {
            shipTo = address(home, personName(home)); // delivered to someone else at home
          }
      }
      if (buyer.kind == null) {
        buyer.kind = kind;
        buyer.b2b = b2b;
      }
      Map<String, Object> billing = new LinkedHashMap<>(buyer.address);
      if (broken == Broken.COUNTRY) {
        String bogus =
            "GB".equals(destination)
                ? "UK"
                : Map.of("CH", "CHE", "US", "USA", "NO", "NOR", "BE", "BEL", "NL", "NLD")
                    .getOrDefault(destination, "XX");
        billing.put("countryCode", r.nextInt(3) == 0 ? "XX" : bogus);
        shipTo = null;
      }
      if (shipTo != null) {
        inc("shippingAddressDiffers");
      }
      boolean zeroRated = kind == Kind.ICP || kind == Kind.EXPORT;
      String rateCountry = kind == Kind.OSS ? destination : home;

      // lines
      List<OrderDraft.LineDraft> lines = new ArrayList<>();
      List<GeneratorData.Product> chosen = new ArrayList<>();
      int lineCount = pick(List.of(1, 2, 3, 4, 5, 6), new int[] {35, 30, 18, 10, 5, 2});
      if (p.skus() != null) {
        lineCount = Math.min(lineCount, p.skus());
      }
      while (chosen.size() < lineCount) {
        GeneratorData.Product product = product();
        if (!chosen.contains(product)) {
          chosen.add(product);
        }
      }
      boolean fractional = false;
      boolean lineDiscount = false;
      Map<BigDecimal, BigDecimal> goodsPerRate = new TreeMap<>(Comparator.reverseOrder());
      BigDecimal goods = BigDecimal.ZERO;
      for (GeneratorData.Product product : chosen) {
        BigDecimal rate =
            zeroRated
                ? BigDecimal.ZERO
                : EuVatRates.rate(rateCountry, product.category(), day).orElseThrow();
        BigDecimal homeRate = EuVatRates.rate(home, product.category(), day).orElseThrow();
        BigDecimal unit = entered(product.price(), homeRate, zeroRated);
        BigDecimal qty = quantity(product, b2b);
        fractional |= qty.stripTrailingZeros().scale() > 0;
        BigDecimal gross = qty.multiply(unit);
        BigDecimal discount = null;
        if (r.nextDouble() < 0.12) {
          discount =
              r.nextBoolean()
                  ? gross
                      .multiply(BigDecimal.valueOf(5L * (1 + r.nextInt(4))))
                      .divide(HUNDRED, 2, RoundingMode.HALF_UP)
                  : BigDecimal.valueOf(1 + r.nextInt(3))
                      .min(gross.multiply(new BigDecimal("0.3")))
                      .setScale(2, RoundingMode.HALF_UP);
          if (discount.signum() <= 0) {
            discount = null;
          } else {
            lineDiscount = true;
          }
        }
        BigDecimal net = discount == null ? gross : gross.subtract(discount);
        goods = goods.add(net);
        goodsPerRate.merge(rate, net, BigDecimal::add);
        lines.add(
            new OrderDraft.LineDraft(
                product.id(),
                product.sku(),
                product.ean(),
                product.name(),
                product.variant(),
                qty,
                unit,
                discount,
                rate));
        tally("rates", ShopOrder.rate(rate));
      }
      BigDecimal highest = goodsPerRate.keySet().iterator().next();

      // an order-level coupon, split by the shop into one entry per rate
      List<OrderDraft.DiscountDraft> discounts = new ArrayList<>();
      if (r.nextDouble() < 0.12) {
        String[][] coupons = {
          {"WELKOM10", "Welkomstkorting 10%", "10"},
          {"HERFST15", "Herfstactie 15%", "15"},
          {"KORTING5", "€ 5 korting", "F5"},
          {"VIP20", "VIP-korting 20%", "20"}
        };
        String[] c = coupons[r.nextInt(coupons.length)];
        BigDecimal total =
            c[2].startsWith("F")
                ? new BigDecimal(c[2].substring(1)).min(goods.multiply(new BigDecimal("0.3")))
                : goods.multiply(new BigDecimal(c[2])).divide(HUNDRED);
        total = total.setScale(2, RoundingMode.HALF_UP);
        BigDecimal left = total;
        List<BigDecimal> rates = new ArrayList<>(goodsPerRate.keySet());
        for (int k = 0; k < rates.size(); k++) {
          BigDecimal share =
              k == rates.size() - 1
                  ? left
                  : total
                      .multiply(goodsPerRate.get(rates.get(k)))
                      .divide(goods, 2, RoundingMode.HALF_UP);
          if (share.signum() > 0) {
            discounts.add(new OrderDraft.DiscountDraft(c[0], c[1], share, rates.get(k)));
            left = left.subtract(share);
          }
        }
        if (!discounts.isEmpty()) {
          inc("orderDiscount");
          if (discounts.size() > 1) {
            inc("orderDiscountSplitPerRate");
          }
        }
      }

      // shipping
      BigDecimal homeStandard =
          EuVatRates.rate(home, EuVatRates.Category.GENERAL, day).orElseThrow();
      OrderDraft.ChargeDraft shipping;
      BigDecimal shippingRate = zeroRated ? BigDecimal.ZERO : highest;
      if (kind == Kind.DOMESTIC && shipTo == null && r.nextDouble() < 0.05) {
        shipping = null; // picked up in the shop
        inc("pickup");
      } else if (kind == Kind.DOMESTIC && !b2b && goods.compareTo(BigDecimal.valueOf(75)) >= 0) {
        shipping = new OrderDraft.ChargeDraft("Gratis verzending", BigDecimal.ZERO, shippingRate);
        inc("freeShipping");
      } else {
        String[] carrier = carrier(kind);
        shipping =
            new OrderDraft.ChargeDraft(
                carrier[0],
                entered(new BigDecimal(carrier[1]), homeStandard, zeroRated),
                shippingRate);
      }

      // payment
      String method = paymentMethod(buyer, b2b, guest, kind);
      OrderDraft.ChargeDraft fee = null;
      if (method.equals("paypal") && r.nextBoolean()) {
        fee =
            new OrderDraft.ChargeDraft(
                "Transactiekosten PayPal",
                entered(new BigDecimal("0.50"), homeStandard, zeroRated),
                shippingRate);
      } else if (method.equals("creditcard") && r.nextDouble() < 0.4) {
        fee =
            new OrderDraft.ChargeDraft(
                "Creditcardtoeslag",
                entered(new BigDecimal("1.25"), homeStandard, zeroRated),
                shippingRate);
      }
      if (fee != null) {
        inc("paymentFee");
      }

      // status now and later
      List<Event> events = new ArrayList<>();
      String[] initial = lifecycle(method, created, events);

      OrderDraft draft =
          new OrderDraft(
              initial[0],
              initial[1],
              method,
              title(method),
              buyer.language,
              buyer.json(),
              billing,
              shipTo,
              lines,
              shipping,
              fee,
              discounts,
              created.atZone(shop.zone()).toOffsetDateTime(),
              null);
      if (broken == Broken.TOTALS) {
        ShopOrder scratch = new ShopOrder();
        OrderCalculator.apply(scratch, draft, shop.pricesIncludeTax);
        BigDecimal[] deltas = {
          new BigDecimal("0.01"),
          new BigDecimal("-0.01"),
          new BigDecimal("0.10"),
          new BigDecimal("1.00"),
          new BigDecimal("-4.13")
        };
        draft =
            new OrderDraft(
                draft.status(),
                draft.paymentStatus(),
                draft.paymentMethodCode(),
                draft.paymentMethodTitle(),
                draft.language(),
                draft.customer(),
                draft.billingAddress(),
                draft.shippingAddress(),
                draft.lines(),
                draft.shipping(),
                draft.paymentFee(),
                draft.discounts(),
                draft.createdAt(),
                scratch.totals.totalIncl().add(deltas[r.nextInt(deltas.length)]));
      }

      // tallies
      inc(b2b ? "b2b" : "b2c");
      inc(kind.name().toLowerCase(Locale.ROOT));
      if (kind != Kind.DOMESTIC) {
        tally(
            kind == Kind.OSS
                ? "ossCountries"
                : kind == Kind.ICP ? "icpCountries" : "exportCountries",
            destination);
      }
      if (guest) {
        inc("guest");
      }
      if (fractional) {
        inc("fractionalQuantity");
      }
      if (lineDiscount) {
        inc("lineDiscount");
      }
      if (goodsPerRate.size() > 1) {
        inc("multiRate");
      }
      if (buyer.nonLatin) {
        inc("nonLatinName");
      }
      if (broken != null) {
        inc(
            broken == Broken.TOTALS
                ? "brokenTotals"
                : broken == Broken.VAT_NUMBER ? "brokenVatNumber" : "brokenCountry");
      }
      return new Planned(draft, created, events, broken);
    }

    /** One field changed at an instant: the status, or the payment status. */
    record Change(Instant at, boolean payment, String value) {}

    /**
     * The order's status at creation, and what happens later inside the period (into {@code
     * events}): bank transfers paid days later (or never, sometimes cancelled), invoices paid after
     * weeks, shipments, completions, cancellations with refunds, a partial refund.
     */
    String[] lifecycle(String method, Instant created, List<Event> events) {
      Instant to = p.to().toInstant();
      List<Change> changes = new ArrayList<>();
      String[] initial;
      Instant base = created; // from when the goods can leave
      Instant paidAt = created;
      switch (method) {
        case "banktransfer":
          initial = new String[] {"new", "pending"};
          if (r.nextDouble() < 0.75) {
            Instant at = created.plus(between(Duration.ofHours(8), Duration.ofDays(6)));
            if (at.isAfter(to)) {
              inc("stillPending");
              return initial;
            }
            changes.add(new Change(at, true, "paid"));
            changes.add(new Change(at, false, "processing"));
            inc("paidLater");
            base = at;
            paidAt = at;
          } else {
            Instant at = created.plus(between(Duration.ofDays(7), Duration.ofDays(10)));
            if (r.nextDouble() < 0.4 && !at.isAfter(to)) {
              changes.add(new Change(at, false, "cancelled"));
              changes.add(new Change(at, true, "cancelled"));
              inc("cancelled");
            } else {
              inc("stillPending");
            }
            events.addAll(timeline(initial, created, changes));
            return initial;
          }
          break;
        case "invoice":
          initial = new String[] {"processing", "not_paid"};
          paidAt = null;
          if (r.nextDouble() < 0.4) {
            Instant at = created.plus(between(Duration.ofDays(10), Duration.ofDays(30)));
            if (!at.isAfter(to)) {
              changes.add(new Change(at, true, "paid"));
              paidAt = at;
            }
          }
          inc(paidAt == null ? "invoiceUnpaid" : "paidLater");
          break;
        default:
          initial = new String[] {"processing", "paid"};
      }
      if (paidAt != null && !paidAt.isAfter(base) && r.nextDouble() < 0.03) {
        Instant at = base.plus(between(Duration.ofHours(1), Duration.ofDays(3)));
        if (!at.isAfter(to)) {
          changes.add(new Change(at, false, "cancelled"));
          changes.add(new Change(at, true, "refunded"));
          inc("cancelled");
          inc("refunded");
          events.addAll(timeline(initial, created, changes));
          return initial;
        }
      }
      if (r.nextDouble() < 0.6) {
        Instant shipped = base.plus(between(Duration.ofHours(4), Duration.ofDays(2)));
        if (!shipped.isAfter(to)) {
          changes.add(new Change(shipped, false, "shipped"));
          inc("shipped");
          if (r.nextDouble() < 0.4) {
            Instant done = shipped.plus(between(Duration.ofDays(3), Duration.ofDays(8)));
            if (!done.isAfter(to)) {
              changes.add(new Change(done, false, "completed"));
              inc("completed");
              Instant refund = done.plus(between(Duration.ofDays(1), Duration.ofDays(5)));
              if (r.nextDouble() < 0.05
                  && paidAt != null
                  && paidAt.isBefore(done)
                  && !refund.isAfter(to)) {
                changes.add(new Change(refund, true, "partially_refunded"));
                inc("partiallyRefunded");
              }
            }
          }
        }
      }
      events.addAll(timeline(initial, created, changes));
      return initial;
    }

    /**
     * The changes as events in time order: changes at the same instant make one event, events are
     * at least a second apart, and each carries the status and payment status it leaves.
     */
    static List<Event> timeline(String[] initial, Instant created, List<Change> changes) {
      List<Change> sorted = new ArrayList<>(changes);
      sorted.sort(Comparator.comparing(Change::at)); // stable: same-instant changes stay together
      List<Event> out = new ArrayList<>();
      String status = initial[0];
      String payment = initial[1];
      Instant last = created;
      for (int k = 0; k < sorted.size(); k++) {
        Change c = sorted.get(k);
        if (c.payment()) {
          payment = c.value();
        } else {
          status = c.value();
        }
        if (k + 1 < sorted.size() && sorted.get(k + 1).at().equals(c.at())) {
          continue;
        }
        Instant at = c.at().isAfter(last) ? c.at() : last.plusSeconds(1);
        out.add(new Event(at, status, payment));
        last = at;
      }
      return out;
    }

    Duration between(Duration min, Duration max) {
      long s = min.getSeconds() + (long) (r.nextDouble() * (max.getSeconds() - min.getSeconds()));
      return Duration.ofSeconds(s);
    }

    // --- buyers -----------------------------------------------------------------------------

    /** A returning buyer of this kind now and then, else a new one. */
    Buyer buyer(String poolKey, String country, boolean company, boolean withVat, boolean guest) {
      List<Buyer> known = pool.computeIfAbsent(poolKey, k -> new ArrayList<>());
      if (p.returningRate() == null && !guest && !known.isEmpty() && r.nextDouble() < 0.2) {
        Buyer b = known.get(r.nextInt(known.size()));
        if (b.country.equals(country) || !poolKey.startsWith("DOMESTIC")) {
          inc("returningCustomer");
          return b;
        }
      }
      Buyer b = newBuyer(country, company, withVat, guest);
      if (!guest) {
        known.add(b);
        state.buyers.add(b);
      }
      return b;
    }

    Buyer newBuyer(String country, boolean company, boolean withVat, boolean guest) {
      GeneratorData.Country c = GeneratorData.COUNTRIES.get(country);
      Buyer b = new Buyer();
      b.country = country;
      String[] name = personName(country);
      b.firstName = name[0];
      b.lastName = name[1];
      b.nonLatin = !isLatin(name[0] + name[1]);
      b.company = company;
      b.id = guest ? null : customerBase + ++state.customers;
      b.language = c.languages().get(r.nextInt(c.languages().size()));
      if (!guest) {
        String local = emailLocal(b.firstName, b.lastName);
        b.email = (local.length() < 3 ? "klant" + b.id : local) + "@" + c.emailDomain();
        if (p.bench()) {
          // the benchmark's buyers are told apart by e-mail, as a connector does
          String at = b.email;
          for (int n = 2; state.emails.contains(b.email); n++) {
            b.email = at.replace("@", "." + n + "@");
          }
        }
        state.emails.add(b.email);
      }
      b.phone = guest || r.nextDouble() < 0.75 ? phone(c) : null;
      if (company) {
        String last = c.lastNames().get(r.nextInt(c.lastNames().size()));
        String base = r.nextInt(5) == 0 ? b.lastName + " & " + last : b.lastName;
        b.companyName = c.formFirst() ? c.companyForm() + " " + base : base + " " + c.companyForm();
        if (withVat) {
          String vat = VatNumbers.generate(country, r);
          if ("BE".equals(country)) {
            b.companyNumber = vat.substring(2);
          } else if ("NL".equals(country)) {
            b.companyNumber = String.format("%08d", r.nextInt(100_000_000));
          }
          if (r.nextDouble() < 0.35) {
            b.vatNumber = VatNumbers.messy(vat, r, true);
            inc("messyVatNumber");
          } else {
            b.vatNumber = vat;
          }
        }
      }
      b.address = address(country, company ? b.companyName : b.firstName + " " + b.lastName);
      return b;
    }

    String[] personName(String country) {
      GeneratorData.Country c = GeneratorData.COUNTRIES.get(country);
      if (r.nextDouble() < 0.04) {
        return GeneratorData.CJK_NAMES.get(r.nextInt(GeneratorData.CJK_NAMES.size())).clone();
      }
      return new String[] {
        c.firstNames().get(r.nextInt(c.firstNames().size())),
        c.lastNames().get(r.nextInt(c.lastNames().size()))
      };
    }

    Map<String, Object> address(String country, Object name) {
      GeneratorData.Country c = GeneratorData.COUNTRIES.get(country);
      GeneratorData.Place place = c.places().get(r.nextInt(c.places().size()));
      Map<String, Object> a = new LinkedHashMap<>();
      a.put(
          "name",
          name instanceof String[] ? ((String[]) name)[0] + " " + ((String[]) name)[1] : name);
      a.put("street", c.streets().get(r.nextInt(c.streets().size())));
      a.put("number", Integer.toString(1 + r.nextInt(220)));
      a.put(
          "extension",
          r.nextDouble() < 0.12 ? List.of("b", "A", "bus 3", "2F").get(r.nextInt(4)) : null);
      a.put("zipcode", place.zipcode());
      a.put("city", place.city());
      a.put("countryCode", country);
      return a;
    }

    String phone(GeneratorData.Country c) {
      StringBuilder b = new StringBuilder(c.phonePrefix()).append(' ');
      b.append(4 + r.nextInt(5)).append(r.nextInt(10)).append(r.nextInt(10));
      for (int k = 0; k < 3; k++) {
        b.append(' ').append(r.nextInt(10)).append(r.nextInt(10));
      }
      return b.toString();
    }

    // --- goods, carriers, payment -----------------------------------------------------------

    GeneratorData.Product product() {
      if (p.skus() != null) {
        List<GeneratorData.Product> in = state.catalogue(p.skus(), p.seed());
        GeneratorData.Product product = in.get(r.nextInt(in.size()));
        if (product.fractional() && r.nextInt(3) > 0) {
          product = in.get(r.nextInt(in.size())); // goods by the metre or kilo sell less often
        }
        return product;
      }
      EuVatRates.Category category =
          pick(
              List.of(
                  EuVatRates.Category.GENERAL,
                  EuVatRates.Category.FOOD,
                  EuVatRates.Category.BOOKS,
                  EuVatRates.Category.SPREAD),
              new int[] {55, 25, 12, 8});
      List<GeneratorData.Product> in =
          GeneratorData.CATALOGUE.stream().filter(x -> x.category() == category).toList();
      GeneratorData.Product product = in.get(r.nextInt(in.size()));
      if (product.fractional() && r.nextInt(3) > 0) {
        product = in.get(r.nextInt(in.size())); // goods by the metre or kilo sell less often
      }
      return product;
    }

    BigDecimal quantity(GeneratorData.Product product, boolean b2b) {
      if ("m".equals(product.unit())) {
        return new BigDecimal(
            List.of("0.5", "0.75", "1.25", "1.5", "2.5", "3.75", "4").get(r.nextInt(7)));
      }
      if ("kg".equals(product.unit())) {
        return new BigDecimal(List.of("0.25", "0.35", "0.5", "0.75", "1.2").get(r.nextInt(5)));
      }
      if (b2b) {
        return BigDecimal.valueOf(List.of(1, 2, 3, 4, 5, 6, 10, 12, 24).get(r.nextInt(9)));
      }
      return BigDecimal.valueOf(pick(List.of(1, 2, 3, 4, 6, 12), new int[] {65, 20, 8, 4, 2, 1}));
    }

    /**
     * The price the merchant enters in the shop's mode. Incl. VAT: the catalogue price everywhere
     * (the gross price stays, the VAT follows the destination), stripped of the home VAT for a 0 %
     * sale (4 decimals). Excl. VAT: the catalogue's net price.
     */
    BigDecimal entered(BigDecimal catalogue, BigDecimal homeRate, boolean zeroRated) {
      BigDecimal divisor = BigDecimal.ONE.add(homeRate.divide(HUNDRED));
      if (shop.pricesIncludeTax) {
        return zeroRated ? catalogue.divide(divisor, 4, RoundingMode.HALF_UP) : catalogue;
      }
      return catalogue.divide(divisor, 2, RoundingMode.HALF_UP);
    }

    String[] carrier(Kind kind) {
      boolean nl = "NL".equals(home);
      String[][] options;
      switch (kind) {
        case DOMESTIC:
          options =
              nl
                  ? new String[][] {
                    {"PostNL", "4.95"}, {"DHL Parcel", "5.25"}, {"PostNL pakketpunt", "4.25"}
                  }
                  : new String[][] {
                    {"bpost", "5.95"}, {"bpost pakketautomaat", "4.50"}, {"DPD", "6.50"}
                  };
          break;
        case EXPORT:
          options = new String[][] {{"DHL Express", "29.95"}, {"UPS Worldwide", "34.50"}};
          break;
        default:
          options =
              nl
                  ? new String[][] {{"PostNL Europa", "12.95"}, {"DHL Europe", "15.95"}}
                  : new String[][] {{"bpost international", "13.50"}, {"DHL Europe", "15.95"}};
      }
      return options[r.nextInt(options.length)];
    }

    String paymentMethod(Buyer buyer, boolean b2b, boolean guest, Kind kind) {
      if (guest) {
        return "banktransfer"; // ordered by phone, paid by transfer
      }
      if (b2b) {
        return pick(
            List.of("invoice", "banktransfer", "creditcard", "paypal"), new int[] {45, 30, 15, 10});
      }
      if ("BE".equals(buyer.country)) {
        return pick(
            List.of("bancontact", "creditcard", "paypal", "banktransfer", "ideal"),
            new int[] {45, 12, 13, 25, 5});
      }
      if ("NL".equals(buyer.country)) {
        return pick(
            List.of("ideal", "creditcard", "paypal", "banktransfer", "bancontact"),
            new int[] {60, 10, 12, 15, 3});
      }
      return pick(List.of("creditcard", "paypal", "banktransfer"), new int[] {40, 35, 25});
    }

    static String title(String method) {
      return ApiController.PAYMENT_METHODS.stream()
          .filter(m -> m.get("code").equals(method))
          .map(m -> m.get("title"))
          .findFirst()
          .orElse(method);
    }

    // --- helpers ----------------------------------------------------------------------------

    List<String> euOtherThan(String country) {
      List<String> out = new ArrayList<>(new TreeSet<>(EuVatRates.memberStates()));
      out.remove(country);
      return out;
    }

    /** Neighbours and big markets more often than far-away member states. */
    int[] euWeights(String home) {
      List<String> eu = euOtherThan(home);
      Map<String, Integer> w =
          Map.of("DE", 20, "FR", 18, "NL", 18, "BE", 18, "LU", 6, "ES", 5, "IT", 5, "AT", 4);
      int[] out = new int[eu.size()];
      for (int k = 0; k < eu.size(); k++) {
        out[k] =
            w.getOrDefault(
                eu.get(k), List.of("PL", "DK", "SE", "FI", "PT", "IE").contains(eu.get(k)) ? 3 : 1);
      }
      return out;
    }

    <T> T pick(List<T> options, int[] weights) {
      int total = 0;
      for (int w : weights) {
        total += w;
      }
      int x = r.nextInt(total);
      for (int k = 0; k < weights.length; k++) {
        x -= weights[k];
        if (x < 0) {
          return options.get(k);
        }
      }
      return options.get(options.size() - 1);
    }

    void inc(String key) {
      mix.merge(key, 1, (a, b) -> (Integer) a + (Integer) b);
    }

    @SuppressWarnings("unchecked")
    void tally(String key, String value) {
      ((Map<String, Integer>) mix.get(key)).merge(value, 1, Integer::sum);
    }

    static boolean isLatin(String s) {
      return s.codePoints()
          .allMatch(
              cp ->
                  Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN
                      || !Character.isLetter(cp));
    }

    static String emailLocal(String first, String last) {
      String s =
          (first + "." + last)
              .toLowerCase(Locale.ROOT)
              .replace("ø", "o")
              .replace("ł", "l")
              .replace("ß", "ss")
              .replace("æ", "ae")
              .replace("đ", "d")
              .replace("ı", "i")
              .replace(" ", "")
              .replace("'", "");
      s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      return s.matches("[a-z.\\-]+") ? s : "";
    }
  }
}

package koppel.order.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import koppel.order.domain.ShopOrder;
import koppel.vat.VatClassifier;
import koppel.vat.VatSituation;
import koppel.vat.ViesResult;
import koppel.vat.ViesService;
import org.springframework.stereotype.Component;

/**
 * The order's VAT situation (domestic, OSS, ICP, export) before anything is written. An order that
 * claims an intra-Community supply has its VAT number checked with VIES; "VIES unavailable" is not
 * a verdict, so the order is booked and the merchant warned. A situation with a problem (0 %
 * without the grounds for it, VAT on an export) stops the order with a resolution.
 */
@Component
class VatStep {

  private final VatClassifier classifier;
  private final ViesService vies;

  VatStep(VatClassifier classifier, ViesService vies) {
    this.classifier = classifier;
    this.vies = vies;
  }

  /** The situation on the order's day (the shop's calendar day, as the document is dated). */
  VatSituation situation(ShopOrder order, String shopCountry, LocalDate orderDate) {
    VatClassifier.Order facts = facts(order, shopCountry, orderDate, null);
    VatSituation first = classifier.classify(facts);
    VatSituation situation = first;
    if (first.kind() == VatSituation.Kind.ICP) {
      ViesResult verdict = vies.check(first.vatNumber());
      situation = classifier.classify(facts(order, shopCountry, orderDate, verdict));
    }
    if (situation.hasProblems()) {
      VatSituation.Finding p = situation.problems().get(0);
      throw new BookingFailure.Permanent(BookingErrors.vatSituation(p.code(), p.message()));
    }
    return situation;
  }

  private VatClassifier.Order facts(
      ShopOrder o, String shopCountry, LocalDate date, ViesResult vies) {
    ShopOrder.Address to = o.deliveryAddress();
    ShopOrder.Customer c = o.customer();
    ShopOrder.Address billing = o.billingAddress();
    return new VatClassifier.Order(
        shopCountry,
        billing == null ? null : billing.countryCode(),
        to == null ? null : to.countryCode(),
        to == null ? null : to.zipcode(),
        c != null && c.isCompany(),
        c == null ? null : c.vatNumber(),
        rates(o),
        date,
        vies);
  }

  private static Set<BigDecimal> rates(ShopOrder o) {
    Set<BigDecimal> rates = new TreeSet<>();
    o.lines().forEach(l -> rates.add(l.vatRate()));
    o.discounts().forEach(d -> rates.add(d.vatRate()));
    if (o.shipping() != null) {
      rates.add(o.shipping().vatRate());
    }
    if (o.paymentFee() != null) {
      rates.add(o.paymentFee().vatRate());
    }
    return rates;
  }
}

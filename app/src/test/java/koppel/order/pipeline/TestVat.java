package koppel.order.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import koppel.order.domain.ShopOrder;
import koppel.vat.Territories;
import koppel.vat.VatClassifier;
import koppel.vat.VatRateTable;
import koppel.vat.VatSituation;

/** The VAT situation of a test order, from the real classifier and the bundled tables. */
final class TestVat {

  private static final VatClassifier CLASSIFIER =
      new VatClassifier(VatRateTable.bundled(), Territories.bundled());

  private TestVat() {}

  static VatSituation situation(ShopOrder o, String shopCountry) {
    Set<BigDecimal> rates = new TreeSet<>();
    o.lines().forEach(l -> rates.add(l.vatRate()));
    ShopOrder.Address to = o.deliveryAddress();
    ShopOrder.Customer c = o.customer();
    return CLASSIFIER.classify(
        new VatClassifier.Order(
            shopCountry,
            o.billingAddress() == null ? null : o.billingAddress().countryCode(),
            to == null ? null : to.countryCode(),
            to == null ? null : to.zipcode(),
            c != null && c.isCompany(),
            c == null ? null : c.vatNumber(),
            rates,
            o.createdAt() == null ? LocalDate.of(2026, 11, 28) : o.createdAt().toLocalDate(),
            null));
  }
}

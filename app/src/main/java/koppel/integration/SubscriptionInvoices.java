package koppel.integration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The subscription's monthly invoices, in a deliberately simple model: Koppel keeps no payment
 * history, only the operator's flag "subscription active". While it is set, every calendar month
 * from the month the trial ended (or, for a subscription activated during the trial, the current
 * month) up to the current month is invoiced at the monthly price, excl. 21 % Belgian VAT. Nothing
 * is prorated. When the flag is off, no invoices are shown.
 */
@Service
public class SubscriptionInvoices {

  public static final BigDecimal VAT_RATE = new BigDecimal("21");

  private final Clock clock;
  private final BigDecimal monthlyPrice;

  SubscriptionInvoices(
      Clock clock, @Value("${koppel.subscription.monthly-price:14.95}") BigDecimal monthlyPrice) {
    this.clock = clock;
    this.monthlyPrice = monthlyPrice.setScale(2, RoundingMode.HALF_UP);
  }

  /** One month's invoice; amounts in euro. */
  public record Invoice(
      YearMonth month,
      String number,
      LocalDate date,
      BigDecimal totalExcl,
      BigDecimal vatRate,
      BigDecimal vat,
      BigDecimal totalIncl) {}

  /** The integration's invoices, newest first. */
  public List<Invoice> of(Integration integration) {
    if (!integration.subscriptionActive()) {
      return List.of();
    }
    ZoneId zone = integration.zone();
    Instant now = clock.instant();
    Instant trialEnd = integration.trialEndsAt() == null ? now : integration.trialEndsAt();
    Instant start = trialEnd.isBefore(now) ? trialEnd : now;
    YearMonth first = YearMonth.from(start.atZone(zone));
    YearMonth current = YearMonth.from(now.atZone(zone));
    List<Invoice> invoices = new ArrayList<>();
    for (YearMonth m = current; !m.isBefore(first); m = m.minusMonths(1)) {
      invoices.add(invoice(integration, m));
    }
    return invoices;
  }

  public Optional<Invoice> find(Integration integration, YearMonth month) {
    return of(integration).stream().filter(i -> i.month().equals(month)).findFirst();
  }

  private Invoice invoice(Integration integration, YearMonth month) {
    BigDecimal vat =
        monthlyPrice.multiply(VAT_RATE).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    String key = integration.licenceKey() == null ? "" : integration.licenceKey();
    String suffix = key.length() > 5 ? key.substring(key.length() - 5) : key;
    return new Invoice(
        month,
        "KOP-" + month.getYear() + String.format("%02d", month.getMonthValue()) + "-" + suffix,
        month.atDay(1),
        monthlyPrice,
        VAT_RATE,
        vat,
        monthlyPrice.add(vat));
  }
}

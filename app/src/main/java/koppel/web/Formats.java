package koppel.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Amounts and dates the way the merchant reads them, in the request's locale. Templates use it as
 * {@code ${@formats.amount(order.totalIncl, order.currency)}}. Amounts are BigDecimal throughout;
 * nothing here rounds a figure other than to its currency's cents for display.
 */
@Component("formats")
public class Formats {

  public String amount(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    Locale locale = locale();
    NumberFormat f = NumberFormat.getCurrencyInstance(locale);
    Currency c = currency(currency);
    f.setCurrency(c);
    int digits = Math.max(c.getDefaultFractionDigits(), 0);
    f.setMinimumFractionDigits(digits);
    f.setMaximumFractionDigits(digits);
    return f.format(amount.setScale(digits, RoundingMode.HALF_UP));
  }

  /** A number without currency (a VAT rate, a quantity): as many decimals as it has. */
  public String number(BigDecimal value) {
    if (value == null) {
      return "";
    }
    NumberFormat f = NumberFormat.getNumberInstance(locale());
    BigDecimal plain = value.stripTrailingZeros();
    f.setMinimumFractionDigits(Math.max(plain.scale(), 0));
    f.setMaximumFractionDigits(Math.max(plain.scale(), 0));
    return f.format(plain);
  }

  /** A percentage such as 21 or 5.5 with its sign: "21 %" / "5,5 %". */
  public String percent(BigDecimal rate) {
    return rate == null ? "" : number(rate) + " %";
  }

  public String date(LocalDate date) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
  }

  /** The day of an instant on a calendar (the shop's, for an order). */
  public String date(Instant at, ZoneId zone) {
    return at == null ? "" : date(at.atZone(zone).toLocalDate());
  }

  public String dateTime(Instant at, ZoneId zone) {
    return at == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale())
            .format(at.atZone(zone));
  }

  /** An instant for machines and tooltips: ISO-8601 in UTC. */
  public String iso(Instant at) {
    return at == null ? "" : at.toString();
  }

  private static Currency currency(String code) {
    try {
      return Currency.getInstance(code == null || code.isBlank() ? "EUR" : code);
    } catch (IllegalArgumentException e) {
      return Currency.getInstance("EUR");
    }
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}

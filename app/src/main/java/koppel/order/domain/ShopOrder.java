package koppel.order.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A webshop order as fetched from the shop, in the shop's own amounts. Optional parts ({@code
 * shippingAddress}, {@code shipping}, {@code paymentFee}) are {@code null} when absent.
 */
public record ShopOrder(
    long id,
    String number,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    String status,
    String paymentStatus,
    PaymentMethod paymentMethod,
    String currency,
    boolean pricesIncludeTax,
    String language,
    Customer customer,
    Address billingAddress,
    Address shippingAddress,
    List<OrderLine> lines,
    Charge shipping,
    Charge paymentFee,
    List<Discount> discounts,
    Totals totals) {

  public ShopOrder {
    Objects.requireNonNull(number, "number");
    lines = List.copyOf(lines);
    discounts = discounts == null ? List.of() : List.copyOf(discounts);
  }

  /** Where the goods go: the shipping address, or the billing address when they are the same. */
  public Address deliveryAddress() {
    return shippingAddress != null ? shippingAddress : billingAddress;
  }

  public boolean isCancelled() {
    return "cancelled".equals(status);
  }

  public record PaymentMethod(String code, String title) {}

  public record Customer(
      Long id,
      String email,
      String firstName,
      String lastName,
      String phone,
      boolean isCompany,
      String companyName,
      String vatNumber,
      String companyNumber) {

    /** The name an accountant expects on the debtor: the company, else the person. */
    public String displayName() {
      if (isCompany && companyName != null && !companyName.isBlank()) {
        return companyName.trim();
      }
      String name =
          ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
      return name.trim();
    }
  }

  public record Address(
      String name,
      String street,
      String number,
      String extension,
      String zipcode,
      String city,
      String countryCode) {

    public String streetLine() {
      StringBuilder sb = new StringBuilder(street == null ? "" : street.trim());
      if (number != null && !number.isBlank()) {
        sb.append(' ').append(number.trim());
      }
      if (extension != null && !extension.isBlank()) {
        sb.append(' ').append(extension.trim());
      }
      return sb.toString().trim();
    }
  }

  /** A shipping cost or payment fee. */
  public record Charge(
      String title, BigDecimal priceExcl, BigDecimal priceIncl, BigDecimal vatRate) {}

  /** An order-level discount for one VAT rate (the shop splits multi-rate discounts). */
  public record Discount(
      String code,
      String title,
      BigDecimal vatRate,
      BigDecimal amountExcl,
      BigDecimal amountIncl) {}

  public record Totals(
      BigDecimal totalExcl, BigDecimal totalVat, BigDecimal totalIncl, List<VatBreakdown> vat) {

    public Totals {
      vat = vat == null ? List.of() : List.copyOf(vat);
    }
  }

  public record VatBreakdown(BigDecimal rate, BigDecimal base, BigDecimal vat) {}
}

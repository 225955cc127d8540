package koppel.order.pipeline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import koppel.integration.VatMapping;
import koppel.jobs.BookingFailure;
import koppel.order.domain.ShopOrder;
import koppel.vat.EuMembership;

/**
 * Finds the configured Exact VAT code and revenue account for a VAT rate of an order, by where the
 * goods go: ICP and international deliveries have rows of their own.
 */
final class VatResolver {

  private final List<VatMapping> mappings;
  private final String destination;
  private final VatMapping.Kind kind;
  private final boolean ledgerMappingRequired;

  VatResolver(
      List<VatMapping> mappings,
      ShopOrder order,
      String shopCountry,
      boolean ledgerMappingRequired) {
    this.mappings = mappings;
    this.ledgerMappingRequired = ledgerMappingRequired;
    String country = order.deliveryAddress() == null ? null : order.deliveryAddress().countryCode();
    this.destination = country == null ? shopCountry : country.toUpperCase(Locale.ROOT);
    this.kind = kindOf(order, shopCountry, destination);
  }

  private static VatMapping.Kind kindOf(ShopOrder order, String shopCountry, String destination) {
    if (!EuMembership.isMember(destination)) {
      return VatMapping.Kind.INTERNATIONAL;
    }
    ShopOrder.Customer c = order.customer();
    boolean business =
        c != null && c.isCompany() && c.vatNumber() != null && !c.vatNumber().isBlank();
    if (business && !destination.equalsIgnoreCase(shopCountry) && zeroRated(order)) {
      return VatMapping.Kind.ICP;
    }
    return VatMapping.Kind.COUNTRY;
  }

  private static boolean zeroRated(ShopOrder order) {
    return order.lines().stream().allMatch(l -> l.vatRate().signum() == 0);
  }

  String destinationLabel() {
    return switch (kind) {
      case ICP -> "ICP delivery to " + destination;
      case INTERNATIONAL -> "delivery outside the EU to " + destination;
      case COUNTRY -> destination;
    };
  }

  /** The mapping for this rate, or a Permanent failure the merchant can fix in Configuration. */
  VatMapping resolve(BigDecimal rate) {
    VatMapping found =
        mappings.stream()
            .filter(m -> m.kind() == kind)
            .filter(
                m -> kind != VatMapping.Kind.COUNTRY || m.country().equalsIgnoreCase(destination))
            .filter(m -> kind != VatMapping.Kind.COUNTRY || m.rate().compareTo(rate) == 0)
            .findFirst()
            .orElseThrow(
                () ->
                    new BookingFailure.Permanent(
                        BookingErrors.vatCodeMissing(destinationLabel(), rate)));
    if (ledgerMappingRequired && found.glAccount() == null) {
      throw new BookingFailure.Permanent(BookingErrors.glAccountMissing(destinationLabel(), rate));
    }
    return found;
  }
}

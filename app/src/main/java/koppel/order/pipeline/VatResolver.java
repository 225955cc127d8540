package koppel.order.pipeline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import koppel.integration.VatMapping;
import koppel.vat.VatSituation;

/**
 * Finds the configured Exact VAT code and revenue account for a VAT rate of an order, by its VAT
 * situation: domestic and OSS sales by the country whose VAT applies, ICP and exports by rows of
 * their own.
 */
final class VatResolver {

  private final List<VatMapping> mappings;
  private final String destination;
  private final VatMapping.Kind kind;
  private final boolean ledgerMappingRequired;

  VatResolver(List<VatMapping> mappings, VatSituation situation, boolean ledgerMappingRequired) {
    this.mappings = mappings;
    this.ledgerMappingRequired = ledgerMappingRequired;
    this.destination = situation.destination().toUpperCase(Locale.ROOT);
    this.kind =
        switch (situation.kind()) {
          case ICP -> VatMapping.Kind.ICP;
          case EXPORT -> VatMapping.Kind.INTERNATIONAL;
          case DOMESTIC, OSS -> VatMapping.Kind.COUNTRY;
        };
  }

  /** Which rows of the VAT table this order's rates are looked up in. */
  VatMapping.Kind kind() {
    return kind;
  }

  /** The country whose VAT applies (the destination; for ICP and exports where goods go). */
  String destination() {
    return destination;
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
            .filter(VatMapping::configured)
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

package koppel.integration;

import java.util.Set;
import java.util.UUID;
import koppel.order.domain.BookingMode;

/**
 * The Configuration tab, plus the options only an operator can switch on ({@code directInvoice},
 * {@code ledgerMappingDisabled}, {@code currencyEnabled}).
 *
 * @param vatIncluding true when Exact VAT codes "incl" are used (unit prices incl. VAT)
 * @param processablePaymentStatuses payment statuses that make an order bookable (default paid)
 */
public record IntegrationSettings(
    UUID integrationId,
    BookingMode bookingMode,
    boolean vatIncluding,
    String salesJournal,
    String cashJournal,
    String paymentCondition,
    UUID warehouseId,
    Set<String> processablePaymentStatuses,
    boolean directInvoice,
    boolean ledgerMappingDisabled,
    boolean currencyEnabled) {

  public IntegrationSettings {
    processablePaymentStatuses = Set.copyOf(processablePaymentStatuses);
  }

  public static IntegrationSettings defaults(UUID integrationId) {
    return new IntegrationSettings(
        integrationId,
        BookingMode.SALES_INVOICE,
        true,
        null,
        null,
        null,
        null,
        Set.of("paid"),
        false,
        false,
        false);
  }
}

package koppel.integration;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Set;
import koppel.order.domain.BookingMode;

/**
 * The settings as a person writes them: Exact codes where a person has them (warehouse "1", debtor
 * "1001"), or GUIDs. Null fields take their default.
 */
public record SettingsChange(
    BookingMode bookingMode,
    Boolean vatIncluding,
    String salesJournal,
    String cashJournal,
    String paymentCondition,
    @JsonAlias("warehouseId") String warehouse,
    String fallbackDebtor,
    Set<String> processablePaymentStatuses,
    Boolean directInvoice,
    Boolean ledgerMappingDisabled,
    Boolean currencyEnabled,
    IntegrationSettings.EntryAmounts entryAmounts) {}

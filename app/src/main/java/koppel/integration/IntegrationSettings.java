package koppel.integration;

import java.util.Set;
import java.util.UUID;
import koppel.order.domain.BookingMode;

/**
 * The Configuration tab, plus the options only an operator can switch on ({@code directInvoice},
 * {@code ledgerMappingDisabled}, {@code currencyEnabled}, {@code entryAmounts}).
 *
 * @param vatIncluding true when Exact VAT codes "incl" are used (unit prices incl. VAT)
 * @param warehouseId the default warehouse: sales orders and direct invoices are booked from it
 * @param processablePaymentStatuses payment statuses that make an order bookable (default paid)
 * @param fallbackDebtorId the debtor for guest orders without an e-mail address (null: such orders
 *     fail with a resolution)
 * @param entryAmounts how Exact reads AmountFC of a sales entry line with an inclusive VAT code
 * @param fallbackDebtorCode the fallback debtor's code in Exact, as the merchant sees it
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
    boolean currencyEnabled,
    UUID fallbackDebtorId,
    String fallbackDebtorName,
    EntryAmounts entryAmounts,
    String fallbackDebtorCode) {

  /**
   * Exact's reference contradicts itself on whether AmountFC of a sales entry line with an
   * inclusive VAT code includes the VAT. AUTO: Koppel learns it per administration from Exact's
   * first answer (and corrects that one entry); the others fix it.
   */
  public enum EntryAmounts {
    AUTO,
    EXCLUDING,
    INCLUDING
  }

  public IntegrationSettings {
    processablePaymentStatuses = Set.copyOf(processablePaymentStatuses);
    entryAmounts = entryAmounts == null ? EntryAmounts.AUTO : entryAmounts;
  }

  /** Settings without the fallback debtor's code (it is only shown, never booked with). */
  public IntegrationSettings(
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
      boolean currencyEnabled,
      UUID fallbackDebtorId,
      String fallbackDebtorName,
      EntryAmounts entryAmounts) {
    this(
        integrationId,
        bookingMode,
        vatIncluding,
        salesJournal,
        cashJournal,
        paymentCondition,
        warehouseId,
        processablePaymentStatuses,
        directInvoice,
        ledgerMappingDisabled,
        currencyEnabled,
        fallbackDebtorId,
        fallbackDebtorName,
        entryAmounts,
        null);
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
        false,
        null,
        null,
        EntryAmounts.AUTO);
  }
}

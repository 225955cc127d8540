package koppel.integration;

import java.util.UUID;

/**
 * Orders paid with {@code paymentMethodCode} are booked on this fixed debtor (never ICP orders:
 * those need the buyer's own debtor with its VAT number). {@code accountCode} and {@code
 * accountName} are how the merchant recognises the debtor.
 */
public record PaymentMethodDebtor(
    String paymentMethodCode, UUID accountId, String accountName, String accountCode) {

  public PaymentMethodDebtor(String paymentMethodCode, UUID accountId, String accountName) {
    this(paymentMethodCode, accountId, accountName, null);
  }
}

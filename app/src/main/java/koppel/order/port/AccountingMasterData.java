package koppel.order.port;

import java.util.List;
import java.util.UUID;

/** Reads the accounting system's master data for the configuration screens. */
public interface AccountingMasterData {

  /** All sales VAT codes (incl., excl. and 0 %); filtering by contract happens upstream. */
  List<MasterData.VatCode> vatCodes(UUID integrationId);

  /** Profit and loss accounts on the credit side: the revenue accounts. */
  List<MasterData.GlAccount> revenueAccounts(UUID integrationId);

  List<MasterData.Journal> journals(UUID integrationId);

  List<MasterData.PaymentCondition> paymentConditions(UUID integrationId);

  List<MasterData.Warehouse> warehouses(UUID integrationId);
}

package koppel.integration;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Integrations, their settings and VAT mapping (implemented by persistence). */
public interface IntegrationStore {

  /** Creates the integration under its login ({@link Integration#loginId()}), default settings. */
  void create(Integration integration);

  Optional<Integration> find(UUID id);

  List<Integration> all();

  void setState(UUID integrationId, Integration.State state);

  /** The operator's flag: the merchant pays; the integration runs after its trial. */
  void setSubscriptionActive(UUID integrationId, boolean active);

  /** The configuration was saved complete: installation is done when both dots are green too. */
  void setConfigured(UUID integrationId, java.time.Instant at);

  /** Orders placed before this day (on the shop's calendar) are skipped; null: none are. */
  void setStartDate(UUID integrationId, java.time.LocalDate startDate);

  void setNotificationEmail(UUID integrationId, String email);

  /** Hides a stale licence key from the merchant's switcher (nothing is deleted). */
  void remove(UUID integrationId, java.time.Instant at);

  IntegrationSettings settings(UUID integrationId);

  void saveSettings(IntegrationSettings settings);

  List<VatMapping> vatMappings(UUID integrationId);

  void replaceVatMappings(UUID integrationId, List<VatMapping> rows);

  List<PaymentMethodDebtor> paymentMethodDebtors(UUID integrationId);

  void replacePaymentMethodDebtors(UUID integrationId, List<PaymentMethodDebtor> rows);

  /**
   * The merchant chose another Exact administration: what pointed into the old one (warehouse,
   * fallback debtor, fixed debtors, revenue accounts) no longer applies and is cleared.
   */
  void clearDivisionReferences(UUID integrationId);

  /** A fact learned about one Exact administration ({@code fact} → {@code value}), if any. */
  java.util.Optional<String> divisionFact(UUID integrationId, String division, String fact);

  void learnDivisionFact(
      UUID integrationId, String division, String fact, String value, String evidence);
}

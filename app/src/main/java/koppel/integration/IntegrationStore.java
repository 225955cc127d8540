package koppel.integration;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Integrations, their settings and VAT mapping (implemented by persistence). */
public interface IntegrationStore {

  void create(Integration integration, String passwordHash);

  Optional<Integration> find(UUID id);

  Optional<Integration> findByLogin(String login);

  Optional<String> passwordHash(String login);

  List<Integration> all();

  void setState(UUID integrationId, Integration.State state);

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

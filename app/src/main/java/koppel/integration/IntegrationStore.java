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
}

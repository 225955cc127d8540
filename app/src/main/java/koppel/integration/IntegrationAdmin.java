package koppel.integration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import koppel.jobs.ShopPollJob;
import koppel.order.port.ConnectionStore;
import koppel.order.port.ShopSystem;
import koppel.order.port.SystemConnection;
import koppel.order.port.SystemConnection.ConnectionState;
import koppel.order.port.SystemConnection.ExternalSystem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creating integrations and storing their connections and settings (operator use cases). */
@Service
public class IntegrationAdmin {

  static final Duration TRIAL = Duration.ofDays(30);

  private final IntegrationStore integrations;
  private final ConnectionStore connections;
  private final ShopSystem shop;
  private final PasswordEncoder passwords;
  private final ShopPollJob polling;
  private final Clock clock;
  private final String publicUrl;
  private final SecureRandom random = new SecureRandom();

  IntegrationAdmin(
      IntegrationStore integrations,
      ConnectionStore connections,
      ShopSystem shop,
      PasswordEncoder passwords,
      ShopPollJob polling,
      Clock clock,
      @Value("${koppel.public-url:http://localhost:8080}") String publicUrl) {
    this.integrations = integrations;
    this.connections = connections;
    this.shop = shop;
    this.passwords = passwords;
    this.polling = polling;
    this.clock = clock;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  public Integration create(
      String name,
      String ownerEmail,
      String login,
      String password,
      String shopCountry,
      LocalDate startDate) {
    if (integrations.findByLogin(login).isPresent()) {
      throw new IllegalArgumentException("The login '" + login + "' is taken");
    }
    Instant now = clock.instant();
    Integration integration =
        new Integration(
            UUID.randomUUID(),
            licenceKey(),
            name,
            ownerEmail,
            login,
            shopCountry.toUpperCase(Locale.ROOT),
            Integration.State.ACTIVE,
            startDate,
            now.plus(TRIAL),
            now);
    integrations.create(integration, passwords.encode(password));
    return integration;
  }

  /** Stores the shop's credentials and subscribes Koppel's webhook endpoint. */
  public void connectShop(
      UUID integrationId, String baseUrl, String shopId, String accessToken, String webhookSecret) {
    connections.save(
        new SystemConnection(
            integrationId,
            ExternalSystem.KMOSHOPS,
            ConnectionState.CONNECTED,
            trim(baseUrl),
            shopId,
            accessToken,
            null,
            webhookSecret,
            null,
            clock.instant(),
            null,
            null));
    shop.subscribeWebhooks(integrationId, webhookUrl(integrationId));
    polling.ensureScheduled(integrationId);
  }

  /** Stores Exact tokens obtained elsewhere (operator seeding; the merchant uses Connect). */
  public void connectExact(
      UUID integrationId,
      String baseUrl,
      String division,
      String accessToken,
      String refreshToken,
      long expiresInSeconds) {
    Instant now = clock.instant();
    connections.save(
        new SystemConnection(
            integrationId,
            ExternalSystem.EXACT,
            ConnectionState.CONNECTED,
            trim(baseUrl),
            division,
            accessToken,
            refreshToken,
            null,
            now.plusSeconds(expiresInSeconds),
            now,
            null,
            null));
  }

  public List<Integration> all() {
    return integrations.all();
  }

  public String publicUrl() {
    return publicUrl;
  }

  public String webhookUrl(UUID integrationId) {
    return publicUrl + "/webhooks/kmoshops/" + integrationId;
  }

  public void saveSettings(IntegrationSettings settings) {
    integrations.saveSettings(settings);
  }

  public void replaceVatMappings(UUID integrationId, List<VatMapping> rows) {
    integrations.replaceVatMappings(integrationId, rows);
  }

  private String licenceKey() {
    byte[] bytes = new byte[10];
    random.nextBytes(bytes);
    String hex = HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
    return "KOP-"
        + hex.substring(0, 5)
        + "-"
        + hex.substring(5, 10)
        + "-"
        + hex.substring(10, 15)
        + "-"
        + hex.substring(15);
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

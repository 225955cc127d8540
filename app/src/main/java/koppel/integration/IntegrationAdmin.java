package koppel.integration;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import koppel.jobs.ShopPollJob;
import koppel.order.domain.BookingMode;
import koppel.order.domain.SyncState;
import koppel.order.port.AccountingSystem;
import koppel.order.port.ConnectionStore;
import koppel.order.port.OrderSyncStore;
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

  private final IntegrationStore integrations;
  private final LoginStore logins;
  private final ConnectionStore connections;
  private final ShopSystem shop;
  private final PasswordEncoder passwords;
  private final ShopPollJob polling;
  private final ExactReferences references;
  private final OrderSyncStore orders;
  private final Clock clock;
  private final String publicUrl;
  private final Duration trial;
  private final SecureRandom random = new SecureRandom();

  IntegrationAdmin(
      IntegrationStore integrations,
      LoginStore logins,
      ConnectionStore connections,
      ShopSystem shop,
      PasswordEncoder passwords,
      ShopPollJob polling,
      ExactReferences references,
      OrderSyncStore orders,
      Clock clock,
      @Value("${koppel.public-url:http://localhost:8080}") String publicUrl,
      @Value("${koppel.trial.length:P30D}") Duration trial) {
    this.trial = trial;
    this.integrations = integrations;
    this.logins = logins;
    this.connections = connections;
    this.shop = shop;
    this.passwords = passwords;
    this.polling = polling;
    this.references = references;
    this.orders = orders;
    this.clock = clock;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /**
   * Creates an integration (a licence key) with a 30-day trial under a login: a new login, or the
   * existing one when the password is its password (one login holds several integrations).
   */
  public Integration create(
      String name,
      String ownerEmail,
      String login,
      String password,
      String shopCountry,
      LocalDate startDate) {
    if (login == null || login.isBlank() || password == null || password.isBlank()) {
      throw new IllegalArgumentException("A login and a password are needed");
    }
    Instant now = clock.instant();
    Login owner =
        logins
            .find(login)
            .map(
                existing -> {
                  String hash = logins.passwordHash(login).orElse("");
                  if (!passwords.matches(password, hash)) {
                    throw new IllegalArgumentException("The login '" + login + "' is taken");
                  }
                  return existing;
                })
            .orElseGet(
                () -> {
                  Login created = new Login(UUID.randomUUID(), login, ownerEmail, null, now);
                  logins.create(created, passwords.encode(password));
                  return created;
                });
    return createUnder(owner, UUID.randomUUID(), name, ownerEmail, shopCountry, startDate);
  }

  /**
   * Creates an integration (a new licence key) with its trial ({@code koppel.trial.length}, 30
   * days) under an existing login: the sign-up's path, and a second shop of the same merchant.
   */
  public Integration createUnder(
      Login owner,
      UUID id,
      String name,
      String ownerEmail,
      String shopCountry,
      LocalDate startDate) {
    Instant now = clock.instant();
    Integration integration =
        new Integration(
            id,
            licenceKey(),
            name,
            ownerEmail,
            owner.username(),
            shopCountry.toUpperCase(Locale.ROOT),
            Integration.State.ACTIVE,
            startDate,
            now.plus(trial),
            now,
            owner.id(),
            false,
            null,
            null);
    integrations.create(integration);
    return integration;
  }

  /** How long a trial lasts. */
  public Duration trialLength() {
    return trial;
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

  /**
   * The installation link of the e-mail: it opens the installation wizard of this licence key after
   * the merchant has logged in.
   */
  public String installationLink(Integration integration) {
    return publicUrl + "/install/" + integration.licenceKey();
  }

  public String publicUrl() {
    return publicUrl;
  }

  public String webhookUrl(UUID integrationId) {
    return publicUrl + "/webhooks/kmoshops/" + integrationId;
  }

  /**
   * Saves the settings, codes resolved in the chosen Exact administration. Refuses to change the
   * booking mode while an order is BOOKING: its document may be in Exact under the old type.
   */
  public IntegrationSettings saveSettings(UUID integrationId, SettingsChange r) {
    IntegrationSettings current = integrations.settings(integrationId);
    IntegrationSettings d = IntegrationSettings.defaults(integrationId);
    BookingMode mode = r.bookingMode() == null ? d.bookingMode() : r.bookingMode();
    if (mode != current.bookingMode()) {
      refuseWhileBooking(integrationId, "the booking mode");
    }
    AccountingSystem.Account fallback =
        r.fallbackDebtor() == null || r.fallbackDebtor().isBlank()
            ? null
            : references.debtor(integrationId, r.fallbackDebtor());
    IntegrationSettings settings =
        new IntegrationSettings(
            integrationId,
            mode,
            r.vatIncluding() == null ? d.vatIncluding() : r.vatIncluding(),
            r.salesJournal(),
            r.cashJournal(),
            r.paymentCondition(),
            references.warehouse(integrationId, r.warehouse()),
            r.processablePaymentStatuses() == null
                ? d.processablePaymentStatuses()
                : r.processablePaymentStatuses(),
            Boolean.TRUE.equals(r.directInvoice()),
            Boolean.TRUE.equals(r.ledgerMappingDisabled()),
            Boolean.TRUE.equals(r.currencyEnabled()),
            fallback == null ? null : fallback.id(),
            fallback == null ? null : fallback.name(),
            r.entryAmounts() == null ? d.entryAmounts() : r.entryAmounts(),
            fallback == null ? null : fallback.code());
    integrations.saveSettings(settings);
    return settings;
  }

  /** One row of the VAT table as a person writes it: the revenue account by code or GUID. */
  public record VatRow(
      VatMapping.Kind kind, String country, BigDecimal rate, String vatCode, String glAccount) {}

  public void replaceVatMappings(UUID integrationId, List<VatRow> rows) {
    List<VatMapping> mappings = new ArrayList<>();
    for (VatRow v : rows) {
      if (v.vatCode() == null || v.vatCode().isBlank()) {
        throw new IllegalArgumentException("Every VAT row needs an Exact VAT code");
      }
      mappings.add(
          new VatMapping(
              v.kind() == null ? VatMapping.Kind.COUNTRY : v.kind(),
              v.country() == null ? "" : v.country().toUpperCase(Locale.ROOT),
              v.rate() == null ? BigDecimal.ZERO : v.rate(),
              v.vatCode().trim(),
              references.revenueAccount(integrationId, v.glAccount())));
    }
    integrations.replaceVatMappings(integrationId, mappings);
  }

  /** A payment method's fixed debtor, by debtor code or GUID. */
  public record PaymentMethodRow(String paymentMethod, String debtor) {}

  public List<PaymentMethodDebtor> replacePaymentMethodDebtors(
      UUID integrationId, List<PaymentMethodRow> rows) {
    List<PaymentMethodDebtor> resolved = new ArrayList<>();
    for (PaymentMethodRow row : rows) {
      if (row.paymentMethod() == null || row.paymentMethod().isBlank()) {
        throw new IllegalArgumentException("Every row needs a payment method code");
      }
      AccountingSystem.Account debtor = references.debtor(integrationId, row.debtor());
      resolved.add(
          new PaymentMethodDebtor(
              row.paymentMethod().trim(), debtor.id(), debtor.name(), debtor.code()));
    }
    integrations.replacePaymentMethodDebtors(integrationId, resolved);
    return resolved;
  }

  public IntegrationSettings settings(UUID integrationId) {
    return integrations.settings(integrationId);
  }

  /** A change that would move documents elsewhere waits until no order is being booked. */
  void refuseWhileBooking(UUID integrationId, String what) {
    long booking = orders.countInState(integrationId, SyncState.BOOKING);
    if (booking > 0) {
      throw new BookingInProgress(
          "Koppel is booking "
              + booking
              + " order(s) whose outcome in Exact Online is not known yet; "
              + what
              + " cannot change until they are done. Try again in a few minutes.");
    }
  }

  /** A change refused because orders are being booked under the current setting. */
  public static final class BookingInProgress extends RuntimeException {
    BookingInProgress(String message) {
      super(message);
    }
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

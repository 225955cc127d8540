package koppel.web.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import koppel.account.Subscriptions;
import koppel.integration.Integration;
import koppel.integration.IntegrationAdmin;
import koppel.integration.IntegrationSettings;
import koppel.integration.PaymentMethodDebtor;
import koppel.integration.SettingsChange;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator-only: create integrations and seed their connections and settings. */
@RestController
@RequestMapping("/api/operator/integrations")
class OperatorController {

  private final IntegrationAdmin admin;
  private final Subscriptions subscriptions;

  OperatorController(IntegrationAdmin admin, Subscriptions subscriptions) {
    this.admin = admin;
    this.subscriptions = subscriptions;
  }

  record NewIntegration(
      String name,
      String ownerEmail,
      String login,
      String password,
      String shopCountry,
      LocalDate startDate) {}

  @GetMapping
  List<Map<String, Object>> list(@RequestParam(required = false) String login) {
    return admin.all().stream()
        .filter(i -> login == null || i.ownerLogin().equals(login))
        .map(
            i ->
                Map.<String, Object>of(
                    "id",
                    i.id(),
                    "name",
                    i.name(),
                    "login",
                    i.ownerLogin(),
                    "licenceKey",
                    i.licenceKey(),
                    "state",
                    i.state(),
                    "trialEndsAt",
                    i.trialEndsAt() == null ? "" : i.trialEndsAt().toString(),
                    "subscriptionActive",
                    i.subscriptionActive()))
        .toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> create(@RequestBody NewIntegration r) {
    Integration i =
        admin.create(
            r.name(),
            r.ownerEmail(),
            r.login(),
            r.password(),
            r.shopCountry() == null ? "BE" : r.shopCountry(),
            r.startDate());
    return Map.of(
        "id", i.id(), "licenceKey", i.licenceKey(), "webhookUrl", admin.webhookUrl(i.id()));
  }

  record ShopCredentials(String baseUrl, String shopId, String accessToken, String webhookSecret) {}

  @PutMapping("/{id}/connections/kmoshops")
  Map<String, Object> connectShop(@PathVariable UUID id, @RequestBody ShopCredentials r) {
    admin.connectShop(id, r.baseUrl(), r.shopId(), r.accessToken(), r.webhookSecret());
    return Map.of("connected", true);
  }

  record ExactCredentials(
      String baseUrl, String division, String accessToken, String refreshToken, Long expiresIn) {}

  @PutMapping("/{id}/connections/exact")
  Map<String, Object> connectExact(@PathVariable UUID id, @RequestBody ExactCredentials r) {
    admin.connectExact(
        id,
        r.baseUrl(),
        r.division(),
        r.accessToken(),
        r.refreshToken(),
        r.expiresIn() == null ? 600 : r.expiresIn());
    return Map.of("connected", true);
  }

  /** The settings (see {@link SettingsChange} for the body); answers what was saved. */
  @PutMapping("/{id}/settings")
  IntegrationSettings settings(@PathVariable UUID id, @RequestBody SettingsChange r) {
    return admin.saveSettings(id, r);
  }

  @GetMapping("/{id}/settings")
  IntegrationSettings settings(@PathVariable UUID id) {
    return admin.settings(id);
  }

  /**
   * The VAT table. Example: {@code [{"kind": "COUNTRY", "country": "BE", "rate": 21, "vatCode":
   * "13", "glAccount": "700000"}, {"kind": "ICP", "vatCode": "4", "glAccount": "700200"}]}; the
   * revenue account by its code or GUID.
   */
  @PutMapping("/{id}/vat-mappings")
  Map<String, Object> vatMappings(
      @PathVariable UUID id, @RequestBody List<IntegrationAdmin.VatRow> rows) {
    admin.replaceVatMappings(id, rows);
    return Map.of("saved", rows.size());
  }

  /**
   * Fixed debtors per payment method (never used for ICP orders). Example: {@code
   * [{"paymentMethod": "banktransfer", "debtor": "1001"}]}; the debtor by its code or GUID.
   */
  @PutMapping("/{id}/payment-method-debtors")
  List<PaymentMethodDebtor> paymentMethodDebtors(
      @PathVariable UUID id, @RequestBody List<IntegrationAdmin.PaymentMethodRow> rows) {
    return admin.replacePaymentMethodDebtors(id, rows);
  }

  record SubscriptionChange(Boolean active) {}

  /**
   * The subscription flag: {@code {"active": true}} lets the integration book after its trial and
   * queues the orders that waited for it; {@code false} ends it (after the trial, new orders wait
   * on Open). Answers {@code {"id", "active", "resumed"}}.
   */
  @PutMapping("/{id}/subscription")
  Map<String, Object> subscription(@PathVariable UUID id, @RequestBody SubscriptionChange r) {
    if (r == null || r.active() == null) {
      throw new IllegalArgumentException("Say {\"active\": true} or {\"active\": false}");
    }
    Subscriptions.Result result;
    try {
      result = subscriptions.set(id, r.active());
    } catch (java.util.NoSuchElementException e) {
      throw new org.springframework.web.server.ResponseStatusException(
          HttpStatus.NOT_FOUND, "Unknown integration");
    }
    return Map.of("id", id, "active", result.active(), "resumed", result.resumed());
  }
}

package koppel.web.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.integration.IntegrationAdmin;
import koppel.integration.IntegrationSettings;
import koppel.integration.VatMapping;
import koppel.order.domain.BookingMode;
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

  OperatorController(IntegrationAdmin admin) {
    this.admin = admin;
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
                    i.state()))
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

  record Settings(
      BookingMode bookingMode,
      Boolean vatIncluding,
      String salesJournal,
      String cashJournal,
      String paymentCondition,
      UUID warehouseId,
      Set<String> processablePaymentStatuses,
      Boolean directInvoice,
      Boolean ledgerMappingDisabled,
      Boolean currencyEnabled) {}

  @PutMapping("/{id}/settings")
  Map<String, Object> settings(@PathVariable UUID id, @RequestBody Settings r) {
    IntegrationSettings d = IntegrationSettings.defaults(id);
    admin.saveSettings(
        new IntegrationSettings(
            id,
            r.bookingMode() == null ? d.bookingMode() : r.bookingMode(),
            r.vatIncluding() == null ? d.vatIncluding() : r.vatIncluding(),
            r.salesJournal(),
            r.cashJournal(),
            r.paymentCondition(),
            r.warehouseId(),
            r.processablePaymentStatuses() == null
                ? d.processablePaymentStatuses()
                : r.processablePaymentStatuses(),
            Boolean.TRUE.equals(r.directInvoice()),
            Boolean.TRUE.equals(r.ledgerMappingDisabled()),
            Boolean.TRUE.equals(r.currencyEnabled())));
    return Map.of("saved", true);
  }

  record VatRow(
      VatMapping.Kind kind, String country, BigDecimal rate, String vatCode, UUID glAccount) {}

  @PutMapping("/{id}/vat-mappings")
  Map<String, Object> vatMappings(@PathVariable UUID id, @RequestBody List<VatRow> rows) {
    admin.replaceVatMappings(
        id,
        rows.stream()
            .map(
                v ->
                    new VatMapping(
                        v.kind() == null ? VatMapping.Kind.COUNTRY : v.kind(),
                        v.country() == null ? "" : v.country(),
                        v.rate() == null ? BigDecimal.ZERO : v.rate(),
                        v.vatCode(),
                        v.glAccount()))
            .toList());
    return Map.of("saved", rows.size());
  }
}

package koppel.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import koppel.integration.ConfigurationForm;
import koppel.integration.ConfigurationService;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Configuration tab as JSON: the same service as the page, for the current merchant. */
@RestController
@Tag(name = "Configuration", description = "Settings, VAT table and fixed debtors")
class ConfigurationApiController {

  private final Merchants merchants;
  private final ConfigurationService configuration;

  ConfigurationApiController(Merchants merchants, ConfigurationService configuration) {
    this.merchants = merchants;
    this.configuration = configuration;
  }

  @GetMapping("/api/configuration")
  @Operation(summary = "The configuration as saved, Exact references by code")
  ConfigurationForm get(Authentication auth, @RequestParam(required = false) UUID integration) {
    return configuration.load(merchants.integrationOf(auth, integration));
  }

  /**
   * Saves the configuration: 200 with what is still missing ({@code missing}, empty when complete),
   * or 422 with the errors per field and nothing saved.
   */
  @PutMapping("/api/configuration")
  @Operation(
      summary = "Check and save the configuration; lists errors per field and what is missing")
  ResponseEntity<Map<String, Object>> put(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestBody ConfigurationForm form) {
    UUID id = merchants.integrationOf(auth, integration);
    ConfigurationService.Outcome o = configuration.save(id, form, Merchants.isOperator(auth));
    return ResponseEntity.status(o.saved() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
        .body(
            Map.of(
                "saved", o.saved(),
                "complete", o.complete(),
                "missing", o.missing(),
                "errors", o.errors()));
  }

  @DeleteMapping("/api/vat-mappings")
  @Operation(summary = "Remove VAT settings: the VAT table starts over from today's rates")
  ResponseEntity<Void> removeVat(
      Authentication auth, @RequestParam(required = false) UUID integration) {
    configuration.removeVatSettings(merchants.integrationOf(auth, integration));
    return ResponseEntity.noContent().build();
  }

  /** A debtor as listed: code and name (never its id). */
  record Debtor(String code, String name) {}

  @GetMapping("/api/debtors")
  @Operation(summary = "Customers in Exact Online whose name contains the given text")
  List<Debtor> debtors(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(defaultValue = "") String name) {
    return configuration.debtors(merchants.integrationOf(auth, integration), name).stream()
        .map(a -> new Debtor(a.code() == null ? null : a.code().trim(), a.name()))
        .toList();
  }
}

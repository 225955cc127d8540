package sandbox.exact;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox's knobs. Defaults follow Exact Online as documented; the UNCONFIRMED behaviours of
 * the reference are switches here, and every lifetime can be shortened so tests run fast.
 */
@ConfigurationProperties("sandbox.exact")
public record ExactSandboxProperties(
    @DefaultValue("600s") Duration accessTokenLifetime,
    @DefaultValue("570s") Duration minRefreshAge,
    @DefaultValue("30d") Duration refreshTokenIdleLifetime,
    @DefaultValue("3m") Duration authorizationCodeLifetime,
    @DefaultValue("0s") Duration refreshGraceWindow,
    @DefaultValue("200") int tokenCallsPerDay,
    @DefaultValue("60") int pageSize,
    @DefaultValue("60") int minutelyLimit,
    @DefaultValue("60s") Duration minuteWindow,
    @DefaultValue("5000") int dailyLimit,
    @DefaultValue("10") int errorsPerHourLimit,
    @DefaultValue("1h") Duration errorBlockDuration,
    @DefaultValue("429") int errorBlockStatus,
    @DefaultValue("500") int validationStatus,
    @DefaultValue("true") boolean percentagesAsFractions,
    @DefaultValue("true") boolean caseInsensitiveStrings,
    @DefaultValue("false") boolean invoiceNumberAtEntry,
    @DefaultValue("20") int salesEntryStatus,
    @DefaultValue("true") boolean substringFunctions,
    @DefaultValue("false") boolean retryAfterOn429,
    @DefaultValue Map<String, List<String>> mandatoryFilters,
    @DefaultValue("HALF_UP") Behaviour.LineRounding lineRounding,
    @DefaultValue("LINE_HALF_UP") Behaviour.VatRounding vatRounding,
    @DefaultValue("false") boolean entryAmountIncludesVat,
    @DefaultValue("20000") int requestLogSize,
    @DefaultValue("true") boolean syncRequiresSelect) {

  /** Endpoints with mandatory filtering, and the fields that satisfy it. */
  public Map<String, List<String>> mandatoryFilterFields() {
    if (mandatoryFilters != null && !mandatoryFilters.isEmpty()) {
      return mandatoryFilters;
    }
    return Map.of(
        "crm/Accounts",
        List.of(
            "Accountant",
            "AccountManager",
            "AddressLine1",
            "Blocked",
            "ChamberOfCommerce",
            "City",
            "Code",
            "Country",
            "Created",
            "Email",
            "ID",
            "IsSales",
            "Modified",
            "Name",
            "Postcode",
            "Status",
            "VATNumber"),
        "logistics/Items",
        List.of("Barcode", "Code", "Created", "Description", "ID", "IsSalesItem", "Modified"),
        "salesinvoice/SalesInvoices",
        List.of(
            "Created",
            "InvoiceID",
            "InvoiceNumber",
            "InvoiceTo",
            "Modified",
            "OrderedBy",
            "Status",
            "YourRef"),
        "salesorder/SalesOrders",
        List.of("Created", "Modified", "OrderID", "OrderNumber", "OrderedBy", "Status", "YourRef"));
  }
}

package koppel.integration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import koppel.order.domain.BookingMode;
import koppel.order.domain.ShopOrder;
import koppel.order.port.AccountingSystem;
import koppel.order.port.ConnectionStore;
import koppel.order.port.MasterData;
import koppel.order.port.ShopSystem;
import koppel.order.port.SystemConnection;
import koppel.vat.EuCountries;
import koppel.vat.VatRateTable;
import org.springframework.stereotype.Service;

/**
 * The Configuration tab's use cases, for the page and the JSON API alike: the form as saved (Exact
 * references shown by code), a save that checks every field against the chosen Exact administration
 * and says what is still missing, the VAT table reset, and the debtor list.
 */
@Service
public class ConfigurationService {

  /** Payment statuses a merchant can make bookable. */
  public static final List<String> PAYMENT_STATUSES =
      List.of("paid", "authorized", "pending", "not_paid");

  /** Empty rows under the countries, to add a rate a country's list lacks. */
  static final int EXTRA_ROWS = 2;

  /** Debtors listed per search. */
  static final int DEBTORS = 50;

  private final IntegrationStore integrations;
  private final IntegrationAdmin admin;
  private final MasterDataService masterData;
  private final ExactReferences references;
  private final AccountingSystem accounting;
  private final ShopSystem shop;
  private final ConnectionStore connections;
  private final VatRateTable rates;
  private final Clock clock;

  ConfigurationService(
      IntegrationStore integrations,
      IntegrationAdmin admin,
      MasterDataService masterData,
      ExactReferences references,
      AccountingSystem accounting,
      ShopSystem shop,
      ConnectionStore connections,
      VatRateTable rates,
      Clock clock) {
    this.integrations = integrations;
    this.admin = admin;
    this.masterData = masterData;
    this.references = references;
    this.accounting = accounting;
    this.shop = shop;
    this.connections = connections;
    this.rates = rates;
    this.clock = clock;
  }

  /** What a save did: saved or not, errors per field (message keys), and what is missing. */
  public record Outcome(
      ConfigurationForm form, Map<String, String> errors, List<String> missing, boolean saved) {

    public boolean complete() {
      return saved && missing.isEmpty();
    }
  }

  /** The chosen Exact administration (division code), or null before one is chosen. */
  public String division(UUID integrationId) {
    return connections
        .find(integrationId, SystemConnection.ExternalSystem.EXACT)
        .map(SystemConnection::externalId)
        .filter(d -> !d.isBlank())
        .orElse(null);
  }

  /** The configuration as saved, every EU country's current rates in the VAT table. */
  public ConfigurationForm load(UUID integrationId) {
    Integration integration = integration(integrationId);
    IntegrationSettings s = integrations.settings(integrationId);
    ConfigurationForm f = new ConfigurationForm();
    f.setBookingMode(s.bookingMode());
    f.setVatIncluding(s.vatIncluding());
    f.setSalesJournal(s.salesJournal());
    f.setCashJournal(s.cashJournal());
    f.setPaymentCondition(s.paymentCondition());
    f.setWarehouse(
        s.warehouseId() == null
            ? null
            : safe(() -> masterData.warehouses(integrationId)).stream()
                .filter(w -> w.id().equals(s.warehouseId()))
                .map(MasterData.Warehouse::code)
                .findFirst()
                .orElse(null));
    f.setFallbackDebtor(
        s.fallbackDebtorId() == null
            ? null
            : s.fallbackDebtorCode() != null ? s.fallbackDebtorCode() : s.fallbackDebtorName());
    f.setProcessablePaymentStatuses(s.processablePaymentStatuses());
    f.setStartDate(integration.startDate());
    f.setDirectInvoice(s.directInvoice());
    f.setLedgerMappingDisabled(s.ledgerMappingDisabled());
    f.setCurrencyEnabled(s.currencyEnabled());
    f.setVat(vatTable(integrationId, integrations.vatMappings(integrationId)));
    f.setPaymentMethods(paymentMethods(integrationId));
    return f;
  }

  /**
   * The VAT table: the saved rows, and for every EU country without saved rows its rates of today
   * (standard first), then ICP and International.
   */
  List<ConfigurationForm.VatRow> vatTable(UUID integrationId, List<VatMapping> saved) {
    Map<UUID, String> accountCodes = new LinkedHashMap<>();
    if (saved.stream().anyMatch(m -> m.glAccount() != null)) {
      safe(() -> masterData.revenueAccounts(integrationId))
          .forEach(g -> accountCodes.put(g.id(), g.code()));
    }
    List<ConfigurationForm.VatRow> rows = new ArrayList<>();
    LocalDate today = clock.instant().atZone(clock.getZone()).toLocalDate();
    for (String country : new TreeSet<>(EuCountries.members())) {
      List<VatMapping> own =
          saved.stream()
              .filter(m -> m.kind() == VatMapping.Kind.COUNTRY && country.equals(m.country()))
              .toList();
      List<BigDecimal> all = new ArrayList<>();
      own.forEach(m -> all.add(m.rate()));
      rates
          .ratesOn(country, today)
          .ifPresent(
              r ->
                  r.all().stream()
                      .filter(rate -> all.stream().noneMatch(a -> a.compareTo(rate) == 0))
                      .forEach(all::add));
      all.sort(java.util.Comparator.reverseOrder());
      for (BigDecimal rate : all) {
        rows.add(
            own.stream()
                .filter(m -> m.rate().compareTo(rate) == 0)
                .findFirst()
                .map(m -> row(m, accountCodes))
                .orElse(
                    new ConfigurationForm.VatRow(
                        VatMapping.Kind.COUNTRY, country, rate.stripTrailingZeros(), null, null)));
      }
    }
    for (int i = 0; i < EXTRA_ROWS; i++) {
      rows.add(new ConfigurationForm.VatRow(VatMapping.Kind.COUNTRY, "", null, null, null));
    }
    for (VatMapping.Kind kind : List.of(VatMapping.Kind.ICP, VatMapping.Kind.INTERNATIONAL)) {
      Optional<VatMapping> m = saved.stream().filter(v -> v.kind() == kind).findFirst();
      rows.add(
          m.map(v -> row(v, accountCodes))
              .orElse(new ConfigurationForm.VatRow(kind, "", BigDecimal.ZERO, null, null)));
    }
    for (int i = 0; i < rows.size(); i++) {
      ConfigurationForm.VatRow r = rows.get(i);
      r.setRow(
          r.getKind() != VatMapping.Kind.COUNTRY
              ? r.getKind().name()
              : r.getCountry().isEmpty() || r.getRate() == null
                  ? "new-" + i
                  : r.getCountry() + "-" + r.getRate().stripTrailingZeros().toPlainString());
    }
    return rows;
  }

  private static ConfigurationForm.VatRow row(VatMapping m, Map<UUID, String> accountCodes) {
    return new ConfigurationForm.VatRow(
        m.kind(),
        m.country(),
        m.rate().stripTrailingZeros(),
        m.vatCode(),
        m.glAccount() == null
            ? null
            : accountCodes.getOrDefault(m.glAccount(), m.glAccount().toString()));
  }

  /** The shop's payment methods with their fixed debtor's code (blank: none). */
  List<ConfigurationForm.MethodRow> paymentMethods(UUID integrationId) {
    List<PaymentMethodDebtor> fixed = integrations.paymentMethodDebtors(integrationId);
    List<ConfigurationForm.MethodRow> rows = new ArrayList<>();
    List<ShopOrder.PaymentMethod> offered = safe(() -> shop.paymentMethods(integrationId));
    for (ShopOrder.PaymentMethod m : offered) {
      String debtor =
          fixed.stream()
              .filter(p -> p.paymentMethodCode().equals(m.code()))
              .map(p -> p.accountCode() != null ? p.accountCode() : p.accountName())
              .findFirst()
              .orElse(null);
      rows.add(new ConfigurationForm.MethodRow(m.code(), m.title(), debtor));
    }
    for (PaymentMethodDebtor p : fixed) {
      if (offered.stream().noneMatch(m -> m.code().equals(p.paymentMethodCode()))) {
        rows.add(
            new ConfigurationForm.MethodRow(
                p.paymentMethodCode(),
                p.paymentMethodCode(),
                p.accountCode() != null ? p.accountCode() : p.accountName()));
      }
    }
    return rows;
  }

  /**
   * Checks and saves. Errors (an unknown code, a VAT code of the other kind, a bad rate) save
   * nothing and come back per field; otherwise everything is saved and what is still missing for
   * orders to be booked is listed. A save with nothing missing completes the installation's
   * configuration step. Operator-only options keep their value unless {@code operator}.
   */
  public Outcome save(UUID integrationId, ConfigurationForm f, boolean operator) {
    return save(integrationId, f, operator, Map.of());
  }

  /**
   * As {@link #save(UUID, ConfigurationForm, boolean)}, with errors the form already had (a value
   * that is not a number or a date): every field is still checked, nothing is saved.
   */
  public Outcome save(
      UUID integrationId, ConfigurationForm f, boolean operator, Map<String, String> formErrors) {
    IntegrationSettings current = integrations.settings(integrationId);
    Integration integration = integration(integrationId);
    Map<String, String> errors = new LinkedHashMap<>(formErrors);
    List<String> missing = new ArrayList<>();
    BookingMode mode = f.getBookingMode() == null ? current.bookingMode() : f.getBookingMode();
    f.setBookingMode(mode);
    if (!operator) {
      f.setDirectInvoice(current.directInvoice());
      f.setLedgerMappingDisabled(current.ledgerMappingDisabled());
      f.setCurrencyEnabled(current.currencyEnabled());
    }
    boolean ledgerDisabled = Boolean.TRUE.equals(f.getLedgerMappingDisabled());

    String salesJournal = trim(f.getSalesJournal());
    if (salesJournal == null) {
      if (mode != BookingMode.SALES_ORDER) {
        missing.add("salesJournal");
      }
    } else if (masterData.salesJournals(integrationId).stream()
        .noneMatch(j -> j.code().equalsIgnoreCase(salesJournal))) {
      errors.put("salesJournal", "config.error.journal");
    }
    String cashJournal = trim(f.getCashJournal());
    if (cashJournal != null
        && masterData.cashJournals(integrationId).stream()
            .noneMatch(j -> j.code().equalsIgnoreCase(cashJournal))) {
      errors.put("cashJournal", "config.error.journal");
    }
    String condition = trim(f.getPaymentCondition());
    if (condition != null
        && masterData.paymentConditions(integrationId).stream()
            .noneMatch(p -> p.code().equalsIgnoreCase(condition))) {
      errors.put("paymentCondition", "config.error.paymentCondition");
    }
    UUID warehouse = null;
    String warehouseCode = trim(f.getWarehouse());
    if (warehouseCode == null) {
      if (mode == BookingMode.SALES_ORDER || Boolean.TRUE.equals(f.getDirectInvoice())) {
        missing.add("warehouse");
      }
    } else {
      warehouse =
          masterData.warehouses(integrationId).stream()
              .filter(w -> w.code().equalsIgnoreCase(warehouseCode))
              .map(MasterData.Warehouse::id)
              .findFirst()
              .orElse(null);
      if (warehouse == null) {
        errors.put("warehouse", "config.error.warehouse");
      }
    }
    AccountingSystem.Account fallback = null;
    if (trim(f.getFallbackDebtor()) != null) {
      fallback = debtor(integrationId, f.getFallbackDebtor(), "fallbackDebtor", errors);
    }
    Set<String> statuses = new TreeSet<>();
    for (String s : f.getProcessablePaymentStatuses()) {
      if (PAYMENT_STATUSES.contains(s)) {
        statuses.add(s);
      }
    }
    if (statuses.isEmpty()) {
      missing.add("processablePaymentStatuses");
    }

    List<VatMapping> mappings =
        f.getVat() == null
            ? integrations.vatMappings(integrationId)
            : vatMappings(integrationId, f, mode, ledgerDisabled, errors);
    String home = integration.shopCountry();
    if (mappings.stream()
        .noneMatch(m -> m.kind() == VatMapping.Kind.COUNTRY && home.equals(m.country()))) {
      missing.add("vat");
    }

    List<PaymentMethodDebtor> fixed = new ArrayList<>();
    List<ConfigurationForm.MethodRow> methods =
        f.getPaymentMethods() == null ? List.of() : f.getPaymentMethods();
    for (int i = 0; i < methods.size(); i++) {
      ConfigurationForm.MethodRow row = methods.get(i);
      if (trim(row.getMethod()) == null || trim(row.getDebtor()) == null) {
        continue;
      }
      AccountingSystem.Account d =
          debtor(integrationId, row.getDebtor(), "paymentMethods[" + i + "].debtor", errors);
      if (d != null) {
        fixed.add(new PaymentMethodDebtor(row.getMethod().trim(), d.id(), d.name(), d.code()));
      }
    }

    if (!errors.isEmpty()) {
      return new Outcome(f, errors, missing, false);
    }
    if (mode != current.bookingMode()) {
      admin.refuseWhileBooking(integrationId, "the booking mode");
    }
    integrations.saveSettings(
        new IntegrationSettings(
            integrationId,
            mode,
            f.isVatIncluding(),
            salesJournal,
            cashJournal,
            condition,
            warehouse,
            statuses,
            Boolean.TRUE.equals(f.getDirectInvoice()),
            ledgerDisabled,
            Boolean.TRUE.equals(f.getCurrencyEnabled()),
            fallback == null ? null : fallback.id(),
            fallback == null ? null : fallback.name(),
            current.entryAmounts(),
            fallback == null ? null : fallback.code()));
    if (f.getVat() != null) {
      integrations.replaceVatMappings(integrationId, mappings);
    }
    if (f.getPaymentMethods() != null) {
      integrations.replacePaymentMethodDebtors(integrationId, fixed);
    }
    if (!Objects.equals(integration.startDate(), f.getStartDate())) {
      integrations.setStartDate(integrationId, f.getStartDate());
    }
    if (missing.isEmpty()) {
      integrations.setConfigured(integrationId, clock.instant());
    }
    return new Outcome(f, errors, missing, true);
  }

  private List<VatMapping> vatMappings(
      UUID integrationId,
      ConfigurationForm f,
      BookingMode mode,
      boolean ledgerDisabled,
      Map<String, String> errors) {
    boolean accountNeeded =
        mode == BookingMode.SALES_ENTRY || (mode == BookingMode.SALES_INVOICE && !ledgerDisabled);
    List<MasterData.VatCode> codes = null;
    List<MasterData.GlAccount> accounts = null;
    List<VatMapping> out = new ArrayList<>();
    for (int i = 0; i < f.getVat().size(); i++) {
      ConfigurationForm.VatRow row = f.getVat().get(i);
      String field = "vat[" + i + "]";
      String code = trim(row.getVatCode());
      String account = trim(row.getGlAccount());
      if (code == null && account == null) {
        continue;
      }
      VatMapping.Kind kind = row.getKind() == null ? VatMapping.Kind.COUNTRY : row.getKind();
      BigDecimal rate = kind == VatMapping.Kind.COUNTRY ? row.getRate() : BigDecimal.ZERO;
      if (rate == null || rate.signum() < 0 || rate.compareTo(new BigDecimal("100")) >= 0) {
        errors.putIfAbsent(field + ".rate", "config.error.rate");
        continue;
      }
      String country =
          kind == VatMapping.Kind.COUNTRY
              ? Objects.requireNonNullElse(row.getCountry(), "").trim().toUpperCase(Locale.ROOT)
              : "";
      if (kind == VatMapping.Kind.COUNTRY && !EuCountries.isKnown(country)) {
        errors.put(field + ".country", "config.error.country");
        continue;
      }
      if (code == null) {
        errors.put(field + ".vatCode", "config.error.vatCodeNeeded");
        continue;
      }
      if (codes == null) {
        codes = masterData.vatCodes(integrationId, f.isVatIncluding());
      }
      if (codes.stream().noneMatch(c -> c.code().trim().equalsIgnoreCase(code))) {
        errors.put(
            field + ".vatCode",
            f.isVatIncluding() ? "config.error.vatCodeIncl" : "config.error.vatCodeExcl");
        continue;
      }
      UUID gl = null;
      if (account == null) {
        if (accountNeeded) {
          errors.put(field + ".glAccount", "config.error.accountNeeded");
          continue;
        }
      } else {
        if (accounts == null) {
          accounts = masterData.revenueAccounts(integrationId);
        }
        gl =
            accounts.stream()
                .filter(g -> g.code().trim().equalsIgnoreCase(account))
                .map(MasterData.GlAccount::id)
                .findFirst()
                .orElse(null);
        if (gl == null) {
          errors.put(field + ".glAccount", "config.error.account");
          continue;
        }
      }
      out.add(new VatMapping(kind, country, rate.stripTrailingZeros(), code, gl));
    }
    return out;
  }

  private AccountingSystem.Account debtor(
      UUID integrationId, String code, String field, Map<String, String> errors) {
    try {
      return references.debtor(integrationId, code.trim());
    } catch (IllegalArgumentException e) {
      errors.put(field, "config.error.debtor");
      return null;
    }
  }

  /** "Remove VAT settings": the VAT table starts over from the rates of today. */
  public void removeVatSettings(UUID integrationId) {
    integrations.replaceVatMappings(integrationId, List.of());
  }

  /** Customers of the chosen administration whose name contains {@code name}, by name. */
  public List<AccountingSystem.Account> debtors(UUID integrationId, String name) {
    return accounting.searchCustomers(
        integrationId, accounting.division(integrationId), name, DEBTORS);
  }

  private Integration integration(UUID integrationId) {
    return integrations
        .find(integrationId)
        .orElseThrow(() -> new IllegalArgumentException("Unknown integration"));
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static <T> List<T> safe(java.util.function.Supplier<List<T>> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}

package koppel.web.dashboard;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import koppel.integration.ConfigurationForm;
import koppel.integration.ConfigurationService;
import koppel.integration.ExactConnect;
import koppel.integration.IntegrationAdmin.BookingInProgress;
import koppel.integration.IntegrationStore;
import koppel.integration.MasterDataService;
import koppel.order.domain.BookingMode;
import koppel.order.port.AccountingSystem;
import koppel.vat.EuCountries;
import koppel.web.Merchants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Configuration tab: general settings, the VAT table and the payment methods' fixed debtors,
 * one form saved at once. Exact references are offered by code and name from Exact's master data.
 */
@Controller
class ConfigurationController {

  private static final Logger log = LoggerFactory.getLogger(ConfigurationController.class);

  private final Merchants merchants;
  private final ConfigurationService configuration;
  private final MasterDataService masterData;
  private final ExactConnect exact;
  private final IntegrationStore integrations;

  ConfigurationController(
      Merchants merchants,
      ConfigurationService configuration,
      MasterDataService masterData,
      ExactConnect exact,
      IntegrationStore integrations) {
    this.merchants = merchants;
    this.configuration = configuration;
    this.masterData = masterData;
    this.exact = exact;
    this.integrations = integrations;
  }

  /** Rates as people type them: "5,5" as well as "5.5". */
  @InitBinder("form")
  void rates(WebDataBinder binder) {
    binder.registerCustomEditor(
        BigDecimal.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            setValue(
                text == null || text.isBlank()
                    ? null
                    : new BigDecimal(text.trim().replace(',', '.').replace("%", "").trim()));
          }

          @Override
          public String getAsText() {
            return getValue() instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : "";
          }
        });
  }

  @GetMapping("/dashboard/configuration")
  String page(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) String debtorName,
      Model model) {
    UUID id = merchants.integrationOf(auth, integration);
    if (!model.containsAttribute("form")) {
      ConfigurationForm form = configuration.load(id);
      byCountryName(form, countryNames(LocaleContextHolder.getLocale()));
      model.addAttribute("form", form);
    }
    model.addAttribute("errors", Map.of());
    return render(auth, id, debtorName, model);
  }

  @PostMapping("/dashboard/configuration")
  String save(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @ModelAttribute("form") ConfigurationForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    UUID id = merchants.integrationOf(auth, integration);
    Map<String, String> formErrors = new LinkedHashMap<>();
    binding.getFieldErrors().forEach(e -> formErrors.put(e.getField(), "config.error.format"));
    ConfigurationService.Outcome outcome;
    try {
      outcome = configuration.save(id, form, Merchants.isOperator(auth), formErrors);
    } catch (BookingInProgress busy) {
      model.addAttribute("errors", Map.of());
      model.addAttribute("problem", "config.error.booking");
      return render(auth, id, null, model);
    }
    if (!outcome.saved()) {
      model.addAttribute("errors", outcome.errors());
      model.addAttribute("missing", outcome.missing());
      model.addAttribute("problem", "config.error.notSaved");
      return render(auth, id, null, model);
    }
    redirect.addFlashAttribute("saved", true);
    redirect.addFlashAttribute("missing", outcome.missing());
    return back(auth, id);
  }

  @PostMapping("/dashboard/configuration/vat/remove")
  String removeVat(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      RedirectAttributes redirect) {
    UUID id = merchants.integrationOf(auth, integration);
    configuration.removeVatSettings(id);
    redirect.addFlashAttribute("notice", "config.vat.removed");
    return back(auth, id);
  }

  @PostMapping("/dashboard/configuration/refresh")
  String refresh(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      RedirectAttributes redirect) {
    UUID id = merchants.integrationOf(auth, integration);
    try {
      masterData.refresh(id);
      redirect.addFlashAttribute("notice", "config.refreshed");
    } catch (RuntimeException e) {
      log.warn("integration={} refreshing Exact's data failed: {}", id, e.getMessage());
      redirect.addFlashAttribute("problem", "config.error.masterData");
    }
    return back(auth, id);
  }

  @PostMapping("/dashboard/configuration/division")
  String division(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam int division,
      RedirectAttributes redirect) {
    UUID id = merchants.integrationOf(auth, integration);
    try {
      exact.chooseDivision(id, division);
      masterData.refresh(id);
      redirect.addFlashAttribute("notice", "config.division.chosen");
    } catch (BookingInProgress busy) {
      redirect.addFlashAttribute("problem", "config.error.booking");
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", "config.error.division");
    }
    return back(auth, id);
  }

  /** The debtor list filtered by a part of the name (htmx swaps it in; also a plain page). */
  @GetMapping("/dashboard/configuration/debtors")
  String debtors(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false, defaultValue = "") String debtorName,
      Model model) {
    UUID id = merchants.integrationOf(auth, integration);
    model.addAttribute("debtors", configuration.debtors(id, debtorName));
    model.addAttribute("debtorName", debtorName);
    return "dashboard/configuration :: debtors";
  }

  private String back(Authentication auth, UUID id) {
    return "redirect:/dashboard/configuration"
        + (Merchants.isOperator(auth) ? "?integration=" + id : "");
  }

  /** The country rows in the order of their names (in the page's language), the rest after. */
  static void byCountryName(ConfigurationForm form, Map<String, String> names) {
    List<String> order = List.copyOf(names.keySet());
    List<ConfigurationForm.VatRow> rows = new java.util.ArrayList<>(form.getVat());
    rows.sort(
        java.util.Comparator.comparingInt(
            r -> {
              int at = r.getCountry() == null ? -1 : order.indexOf(r.getCountry());
              return at < 0 ? Integer.MAX_VALUE : at;
            }));
    form.setVat(rows);
  }

  /** EU member states (and Northern Ireland) by name in the page's language. */
  static Map<String, String> countryNames(Locale locale) {
    Map<String, String> names = new TreeMap<>();
    for (String code : EuCountries.members()) {
      names.put(
          code,
          new Locale.Builder()
              .setRegion(code.equals("EL") ? "GR" : code)
              .build()
              .getDisplayCountry(locale));
    }
    Map<String, String> byName = new LinkedHashMap<>();
    names.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(e -> byName.put(e.getKey(), e.getValue()));
    return byName;
  }

  private String render(Authentication auth, UUID id, String debtorName, Model model) {
    Locale locale = LocaleContextHolder.getLocale();
    boolean operator = Merchants.isOperator(auth);
    model.addAttribute("operator", operator);
    model.addAttribute("integrationId", id);
    model.addAttribute("integrationParam", operator ? id : null);
    model.addAttribute("modes", BookingMode.values());
    model.addAttribute("statuses", ConfigurationService.PAYMENT_STATUSES);
    model.addAttribute("division", configuration.division(id));
    model.addAttribute("shopCountry", integrations.find(id).map(i -> i.shopCountry()).orElse(""));
    model.addAttribute(
        "zone",
        integrations.find(id).map(i -> i.zone()).orElse(java.time.ZoneId.of("Europe/Brussels")));
    model.addAttribute("countryNames", countryNames(locale));
    try {
      model.addAttribute("divisions", masterData.divisions(id));
      model.addAttribute("salesJournals", masterData.salesJournals(id));
      model.addAttribute("cashJournals", masterData.cashJournals(id));
      model.addAttribute("paymentConditions", masterData.paymentConditions(id));
      model.addAttribute("warehouses", masterData.warehouses(id));
      model.addAttribute("vatCodesIncl", masterData.vatCodes(id, true));
      model.addAttribute("vatCodesExcl", masterData.vatCodes(id, false));
      model.addAttribute(
          "vatCodesAny", masterData.allVatCodes(id).stream().filter(c -> !c.blocked()).toList());
      model.addAttribute("revenueAccounts", masterData.revenueAccounts(id));
      model.addAttribute("lastRead", masterData.lastRead(id).orElse(null));
      model.addAttribute("masterData", true);
    } catch (RuntimeException e) {
      log.warn("integration={} reading Exact's data failed: {}", id, e.getMessage());
      model.addAttribute("masterData", false);
      for (String list :
          List.of(
              "divisions",
              "salesJournals",
              "cashJournals",
              "paymentConditions",
              "warehouses",
              "vatCodesIncl",
              "vatCodesExcl",
              "vatCodesAny",
              "revenueAccounts")) {
        model.addAttribute(list, List.of());
      }
    }
    if (debtorName != null) {
      List<AccountingSystem.Account> found = List.of();
      try {
        found = configuration.debtors(id, debtorName);
      } catch (RuntimeException e) {
        log.warn("integration={} listing debtors failed: {}", id, e.getMessage());
      }
      model.addAttribute("debtors", found);
      model.addAttribute("debtorName", debtorName);
    }
    return "dashboard/configuration";
  }
}

package koppel.web.dashboard;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import koppel.integration.IntegrationStore;
import koppel.integration.MasterDataService;
import koppel.order.domain.OrderKey;
import koppel.order.domain.SyncState;
import koppel.order.port.MasterData;
import koppel.order.port.OrderQueries;
import koppel.order.port.OrderSync;
import koppel.order.port.PreviewOrder;
import koppel.web.Merchants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Preview tab: pick an order (by number or from the latest) and see the document the booking
 * pipeline would send to Exact Online, or the error it would get. Nothing is written.
 */
@Controller
class PreviewController {

  private static final Logger log = LoggerFactory.getLogger(PreviewController.class);
  private static final int RECENT = 15;

  private final Merchants merchants;
  private final OrderQueries orders;
  private final PreviewOrder previews;
  private final MasterDataService masterData;
  private final IntegrationStore integrations;

  PreviewController(
      Merchants merchants,
      OrderQueries orders,
      PreviewOrder previews,
      MasterDataService masterData,
      IntegrationStore integrations) {
    this.merchants = merchants;
    this.orders = orders;
    this.previews = previews;
    this.masterData = masterData;
    this.integrations = integrations;
  }

  @GetMapping("/dashboard/preview")
  String page(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestParam(required = false) String number,
      @RequestParam(required = false) Long order,
      Model model) {
    UUID id = merchants.integrationOf(auth, integration);
    model.addAttribute("integrationParam", Merchants.isOperator(auth) ? id : null);
    model.addAttribute("number", number);
    model.addAttribute(
        "zone",
        integrations.find(id).map(i -> i.zone()).orElse(java.time.ZoneId.of("Europe/Brussels")));
    model.addAttribute("recent", orders.list(id, EnumSet.allOf(SyncState.class), 0, RECENT));
    Optional<OrderSync> chosen = Optional.empty();
    if (order != null) {
      chosen = orders.find(new OrderKey(id, order));
    } else if (number != null && !number.isBlank()) {
      chosen = orders.findByNumber(id, number.trim().replaceFirst("^#", ""));
    }
    if ((order != null || (number != null && !number.isBlank())) && chosen.isEmpty()) {
      model.addAttribute("notFound", true);
    }
    chosen.ifPresent(
        o -> {
          model.addAttribute("order", o);
          model.addAttribute("preview", previews.preview(o.key()));
          model.addAttribute("vatNames", vatNames(id));
          model.addAttribute("accountNames", accountNames(id));
        });
    return "dashboard/preview";
  }

  private Map<String, String> vatNames(UUID id) {
    Map<String, String> names = new LinkedHashMap<>();
    try {
      for (MasterData.VatCode c : masterData.allVatCodes(id)) {
        names.put(c.code().trim(), c.code().trim() + " · " + c.description());
      }
    } catch (RuntimeException e) {
      log.warn("integration={} VAT codes not readable: {}", id, e.getMessage());
    }
    return names;
  }

  private Map<UUID, String> accountNames(UUID id) {
    Map<UUID, String> names = new LinkedHashMap<>();
    try {
      for (MasterData.GlAccount g : masterData.revenueAccounts(id)) {
        names.put(g.id(), g.code().trim() + " · " + g.description());
      }
    } catch (RuntimeException e) {
      log.warn("integration={} accounts not readable: {}", id, e.getMessage());
    }
    return names;
  }
}

package koppel.web.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import koppel.integration.ExactConnect;
import koppel.integration.MasterDataService;
import koppel.order.port.MasterData;
import koppel.web.Merchants;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Exact Online part of the Configuration tab: division and master data. */
@RestController
@RequestMapping("/api/exact")
class ExactController {

  private final ExactConnect connect;
  private final MasterDataService masterData;
  private final Merchants merchants;

  ExactController(ExactConnect connect, MasterDataService masterData, Merchants merchants) {
    this.connect = connect;
    this.masterData = masterData;
    this.merchants = merchants;
  }

  @GetMapping("/divisions")
  List<MasterData.Division> divisions(
      Authentication auth, @RequestParam(required = false) UUID integration) {
    return connect.divisions(merchants.integrationOf(auth, integration));
  }

  record DivisionChoice(int division) {}

  @PutMapping("/division")
  Map<String, Object> chooseDivision(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestBody DivisionChoice choice) {
    connect.chooseDivision(merchants.integrationOf(auth, integration), choice.division());
    return Map.of("division", choice.division());
  }

  @GetMapping("/master-data")
  Map<String, Object> masterData(
      Authentication auth, @RequestParam(required = false) UUID integration) {
    UUID id = merchants.integrationOf(auth, integration);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("vatCodes", masterData.vatCodes(id));
    out.put("revenueAccounts", masterData.revenueAccounts(id));
    out.put("salesJournals", masterData.salesJournals(id));
    out.put("cashJournals", masterData.cashJournals(id));
    out.put("paymentConditions", masterData.paymentConditions(id));
    out.put("warehouses", masterData.warehouses(id));
    return out;
  }

  @PostMapping("/master-data/refresh")
  Map<String, Object> refresh(
      Authentication auth, @RequestParam(required = false) UUID integration) {
    Instant at = masterData.refresh(merchants.integrationOf(auth, integration));
    return Map.of("refreshedAt", at.toString());
  }
}

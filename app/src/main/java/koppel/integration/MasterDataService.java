package koppel.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import koppel.order.port.AccountingAuthorization;
import koppel.order.port.AccountingMasterData;
import koppel.order.port.MasterData;
import koppel.order.port.MasterDataCache;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The master data the configuration screens offer, cached per integration (one Exact call per kind,
 * not per screen) and refreshed only when the merchant asks (the two arrows).
 */
@Service
public class MasterDataService {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AccountingMasterData accounting;
  private final AccountingAuthorization authorization;
  private final MasterDataCache cache;
  private final IntegrationStore integrations;
  private final Clock clock;

  MasterDataService(
      AccountingMasterData accounting,
      AccountingAuthorization authorization,
      MasterDataCache cache,
      IntegrationStore integrations,
      Clock clock) {
    this.accounting = accounting;
    this.authorization = authorization;
    this.cache = cache;
    this.integrations = integrations;
    this.clock = clock;
  }

  /** VAT codes of the contract's kind: only "incl" codes with incl. prices, else only "excl". */
  public List<MasterData.VatCode> vatCodes(UUID integrationId) {
    return vatCodes(integrationId, integrations.settings(integrationId).vatIncluding());
  }

  /**
   * VAT codes of one kind: "incl" codes (and the 0 % ones) when {@code including}, else "excl"
   * codes (and the 0 % ones); blocked codes never.
   */
  public List<MasterData.VatCode> vatCodes(UUID integrationId, boolean including) {
    return allVatCodes(integrationId).stream()
        .filter(v -> !v.blocked())
        .filter(v -> offered(v, including))
        .toList();
  }

  /** True when a code of this type is offered to a contract with incl. (or excl.) prices. */
  public static boolean offered(MasterData.VatCode code, boolean including) {
    return including ? !"E".equals(code.type()) : !"I".equals(code.type());
  }

  /** Every sales VAT code of the administration, to name codes in what Koppel shows. */
  public List<MasterData.VatCode> allVatCodes(UUID integrationId) {
    return cached(
        integrationId,
        "vatCodes",
        accounting::vatCodes,
        new TypeReference<List<MasterData.VatCode>>() {});
  }

  /** The administrations the connected Exact user reaches (read once, refreshed with the rest). */
  public List<MasterData.Division> divisions(UUID integrationId) {
    return cached(
        integrationId,
        "divisions",
        authorization::divisions,
        new TypeReference<List<MasterData.Division>>() {});
  }

  /** When Exact's data was last read for this integration (empty: not read yet). */
  public Optional<Instant> lastRead(UUID integrationId) {
    return cache.get(integrationId, "journals").map(MasterDataCache.Entry::fetchedAt);
  }

  public List<MasterData.GlAccount> revenueAccounts(UUID integrationId) {
    return cached(
        integrationId,
        "revenueAccounts",
        accounting::revenueAccounts,
        new TypeReference<List<MasterData.GlAccount>>() {});
  }

  public List<MasterData.Journal> salesJournals(UUID integrationId) {
    return journals(integrationId).stream().filter(j -> j.type() == 20).toList();
  }

  public List<MasterData.Journal> cashJournals(UUID integrationId) {
    return journals(integrationId).stream().filter(j -> j.type() == 10).toList();
  }

  public List<MasterData.PaymentCondition> paymentConditions(UUID integrationId) {
    return cached(
        integrationId,
        "paymentConditions",
        accounting::paymentConditions,
        new TypeReference<List<MasterData.PaymentCondition>>() {});
  }

  public List<MasterData.Warehouse> warehouses(UUID integrationId) {
    return cached(
        integrationId,
        "warehouses",
        accounting::warehouses,
        new TypeReference<List<MasterData.Warehouse>>() {});
  }

  /** Reads everything again from Exact (the merchant's explicit refresh). */
  public Instant refresh(UUID integrationId) {
    forget(integrationId);
    divisions(integrationId);
    allVatCodes(integrationId);
    revenueAccounts(integrationId);
    journals(integrationId);
    paymentConditions(integrationId);
    warehouses(integrationId);
    return clock.instant();
  }

  public void forget(UUID integrationId) {
    cache.clear(integrationId);
  }

  private List<MasterData.Journal> journals(UUID integrationId) {
    return cached(
        integrationId,
        "journals",
        accounting::journals,
        new TypeReference<List<MasterData.Journal>>() {});
  }

  private <T> List<T> cached(
      UUID integrationId, String kind, Function<UUID, List<T>> fetch, TypeReference<List<T>> type) {
    return cache
        .get(integrationId, kind)
        .map(e -> JSON.readValue(e.json(), type))
        .orElseGet(
            () -> {
              List<T> fresh = fetch.apply(integrationId);
              cache.put(integrationId, kind, JSON.writeValueAsString(fresh), clock.instant());
              return fresh;
            });
  }
}

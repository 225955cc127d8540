package koppel.integration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import koppel.order.port.AccountingSystem;
import koppel.order.port.MasterData;
import org.springframework.stereotype.Service;

/**
 * Turns what a person types into Exact references: a GL account "700000", warehouse "1", journal
 * "700" or debtor "1001" — or a GUID someone copied — checked against the chosen administration,
 * with an error that lists what exists when the code is unknown.
 */
@Service
public class ExactReferences {

  private final MasterDataService masterData;
  private final AccountingSystem accounting;

  ExactReferences(MasterDataService masterData, AccountingSystem accounting) {
    this.masterData = masterData;
    this.accounting = accounting;
  }

  /** A revenue account (P&L, credit side) by code, or an id taken as given. */
  public UUID revenueAccount(UUID integrationId, String codeOrId) {
    if (blank(codeOrId)) {
      return null;
    }
    if (isUuid(codeOrId)) {
      return UUID.fromString(codeOrId.trim());
    }
    List<MasterData.GlAccount> accounts = masterData.revenueAccounts(integrationId);
    return accounts.stream()
        .filter(g -> matches(codeOrId, g.id(), g.code()))
        .findFirst()
        .map(MasterData.GlAccount::id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'"
                        + codeOrId
                        + "' is not a revenue account (profit & loss, credit side) of this Exact"
                        + " administration. Revenue accounts: "
                        + list(accounts.stream().map(g -> g.code() + " " + g.description()))));
  }

  /** A warehouse by code, or an id taken as given. */
  public UUID warehouse(UUID integrationId, String codeOrId) {
    if (blank(codeOrId)) {
      return null;
    }
    if (isUuid(codeOrId)) {
      return UUID.fromString(codeOrId.trim());
    }
    List<MasterData.Warehouse> warehouses = masterData.warehouses(integrationId);
    return warehouses.stream()
        .filter(w -> matches(codeOrId, w.id(), w.code()))
        .findFirst()
        .map(MasterData.Warehouse::id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'"
                        + codeOrId
                        + "' is not a warehouse of this Exact administration. Warehouses: "
                        + list(warehouses.stream().map(w -> w.code() + " " + w.description()))));
  }

  /** A debtor by its code or id, checked in Exact: it must exist and be a customer. */
  public AccountingSystem.Account debtor(UUID integrationId, String codeOrId) {
    String division = accounting.division(integrationId);
    Optional<AccountingSystem.Account> found =
        isUuid(codeOrId)
            ? accounting.findAccount(integrationId, division, UUID.fromString(codeOrId.trim()))
            : accounting.findAccountByCode(integrationId, division, codeOrId);
    AccountingSystem.Account account =
        found.orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No debtor '" + codeOrId + "' in Exact Online administration " + division));
    if (!account.customer()) {
      throw new IllegalArgumentException(
          "Account '"
              + codeOrId
              + "' ("
              + account.name()
              + ") is not a customer in Exact Online: invoices to it would be refused");
    }
    return account;
  }

  private static boolean matches(String codeOrId, UUID id, String code) {
    String wanted = codeOrId.trim();
    return (isUuid(wanted) && UUID.fromString(wanted).equals(id))
        || (code != null && code.trim().equalsIgnoreCase(wanted));
  }

  static boolean isUuid(String s) {
    return s != null
        && s.trim()
            .toLowerCase(Locale.ROOT)
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String list(java.util.stream.Stream<String> items) {
    String all = items.limit(20).collect(Collectors.joining(", "));
    return all.isEmpty() ? "(none)" : all;
  }
}

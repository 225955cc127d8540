package koppel.connector.exact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import koppel.order.port.AccountingMasterData;
import koppel.order.port.MasterData;
import tools.jackson.databind.JsonNode;

/** Master data for the configuration screens, read from the chosen division. */
public class ExactMasterData implements AccountingMasterData {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ExactClient client;

  ExactMasterData(ExactClient client) {
    this.client = client;
  }

  @Override
  public List<MasterData.VatCode> vatCodes(UUID integrationId) {
    List<MasterData.VatCode> out = new ArrayList<>();
    for (JsonNode v :
        client.get(
            integrationId,
            "vat/VATCodes",
            "$select=Code,Description,Type,Percentage,OssCountry,EUSalesListing,IsBlocked,"
                + "VATTransactionType",
            Integer.MAX_VALUE)) {
      String transaction = text(v, "VATTransactionType");
      if ("P".equals(transaction)) {
        continue; // purchase codes cannot be used on sales
      }
      out.add(
          new MasterData.VatCode(
              text(v, "Code"),
              text(v, "Description"),
              text(v, "Type"),
              percent(v.path("Percentage")),
              blankToNull(text(v, "OssCountry")),
              "L".equals(text(v, "EUSalesListing")),
              v.path("IsBlocked").asBoolean(false)));
    }
    return out;
  }

  @Override
  public List<MasterData.GlAccount> revenueAccounts(UUID integrationId) {
    return all(
        integrationId,
        "financial/GLAccounts",
        "$filter="
            + ODataFilter.encode("BalanceType eq 'W' and BalanceSide eq 'C'")
            + "&$select=ID,Code,Description",
        g ->
            new MasterData.GlAccount(
                UUID.fromString(text(g, "ID")), text(g, "Code"), text(g, "Description")));
  }

  @Override
  public List<MasterData.Journal> journals(UUID integrationId) {
    return all(
        integrationId,
        "financial/Journals",
        "$select=Code,Description,Type",
        j ->
            new MasterData.Journal(
                text(j, "Code"), text(j, "Description"), j.path("Type").asInt()));
  }

  @Override
  public List<MasterData.PaymentCondition> paymentConditions(UUID integrationId) {
    return all(
        integrationId,
        "cashflow/PaymentConditions",
        "$select=Code,Description,PaymentDays",
        p ->
            new MasterData.PaymentCondition(
                text(p, "Code"), text(p, "Description"), p.path("PaymentDays").asInt(0)));
  }

  @Override
  public List<MasterData.Warehouse> warehouses(UUID integrationId) {
    return all(
        integrationId,
        "inventory/Warehouses",
        "$select=ID,Code,Description,Main",
        w ->
            new MasterData.Warehouse(
                UUID.fromString(text(w, "ID")),
                text(w, "Code"),
                text(w, "Description"),
                w.path("Main").asInt(0) == 1));
  }

  /** Every row of an entity (all pages), each mapped to a record. */
  private <T> List<T> all(
      UUID integrationId, String entity, String query, Function<JsonNode, T> row) {
    List<T> out = new ArrayList<>();
    for (JsonNode node : client.get(integrationId, entity, query, Integer.MAX_VALUE)) {
      out.add(row.apply(node));
    }
    return out;
  }

  /** Exact may express percentages as fractions (0.21) or percent (21): accept both. */
  static BigDecimal percent(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return BigDecimal.ZERO;
    }
    BigDecimal p = new BigDecimal(value.asString());
    return (p.compareTo(BigDecimal.ONE) <= 0 ? p.multiply(HUNDRED) : p).stripTrailingZeros();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNull() || v.isMissingNode() ? null : v.asString().trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

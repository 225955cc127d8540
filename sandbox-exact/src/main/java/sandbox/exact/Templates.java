package sandbox.exact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master data of a fresh Dutch or Belgian administration, as an accountant sets one up:
 * domestic VAT codes incl. and excl., 0 %, ICP, export, one OSS code per EU country and rate (incl.
 * and excl.), revenue GL accounts, sales journal 70 (NL) / 700 (BE), cash journal 10, payment
 * conditions and a main warehouse.
 */
final class Templates {

  private Templates() {}

  record VatCode(
      String code,
      String description,
      String type,
      String transaction,
      BigDecimal percent,
      String ossCountry,
      String euSalesListing) {}

  record GlAccount(
      String code, String description, String balanceType, String balanceSide, int type) {}

  record Journal(String code, String description, int type) {}

  record PaymentCondition(String code, String description, int days, String method) {}

  record Warehouse(String code, String description, boolean main) {}

  record Template(
      String country,
      String legislation,
      List<VatCode> vatCodes,
      List<GlAccount> glAccounts,
      List<Journal> journals,
      List<PaymentCondition> conditions,
      List<Warehouse> warehouses) {}

  /** Standard and reduced rates per member state valid in late 2026 (OSS destinations). */
  static final Map<String, List<String>> EU_RATES = new LinkedHashMap<>();

  static {
    EU_RATES.put("AT", List.of("20", "10", "13"));
    EU_RATES.put("BE", List.of("21", "6", "12"));
    EU_RATES.put("BG", List.of("20", "9"));
    EU_RATES.put("CY", List.of("19", "5", "9"));
    EU_RATES.put("CZ", List.of("21", "12"));
    EU_RATES.put("DE", List.of("19", "7"));
    EU_RATES.put("DK", List.of("25"));
    EU_RATES.put("EE", List.of("24", "9", "13"));
    EU_RATES.put("ES", List.of("21", "10", "4"));
    EU_RATES.put("FI", List.of("25.5", "10", "13.5"));
    EU_RATES.put("FR", List.of("20", "5.5", "10", "2.1"));
    EU_RATES.put("GR", List.of("24", "6", "13"));
    EU_RATES.put("HR", List.of("25", "5", "13"));
    EU_RATES.put("HU", List.of("27", "5", "18"));
    EU_RATES.put("IE", List.of("23", "9", "13.5", "4.8"));
    EU_RATES.put("IT", List.of("22", "5", "10", "4"));
    EU_RATES.put("LT", List.of("21", "5", "12"));
    EU_RATES.put("LU", List.of("17", "8", "3", "14"));
    EU_RATES.put("LV", List.of("21", "5", "12"));
    EU_RATES.put("MT", List.of("18", "5", "7"));
    EU_RATES.put("NL", List.of("21", "9"));
    EU_RATES.put("PL", List.of("23", "5", "8"));
    EU_RATES.put("PT", List.of("23", "6", "13"));
    EU_RATES.put("RO", List.of("21", "11"));
    EU_RATES.put("SE", List.of("25", "6", "12"));
    EU_RATES.put("SI", List.of("22", "5", "9.5"));
    EU_RATES.put("SK", List.of("23", "5", "19"));
  }

  static Template of(String country) {
    return switch (country) {
      case "NL" -> netherlands();
      case "BE" -> belgium();
      default ->
          throw new IllegalArgumentException("Templates exist for NL and BE, not " + country);
    };
  }

  private static Template netherlands() {
    List<VatCode> vat =
        new ArrayList<>(
            List.of(
                vat("0", "Geen btw", "N", "S", "0", null, null),
                vat("1", "Verkopen hoog excl. 21%", "E", "S", "21", null, null),
                vat("2", "Verkopen hoog incl. 21%", "I", "S", "21", null, null),
                vat("3", "Verkopen laag excl. 9%", "E", "S", "9", null, null),
                vat("4", "Verkopen laag incl. 9%", "I", "S", "9", null, null),
                vat("5", "Verkopen 0%", "B", "S", "0", null, null),
                vat("6", "Leveringen naar landen binnen de EU (ICP) 0%", "B", "S", "0", null, "L"),
                vat("7", "Leveringen naar landen buiten de EU 0%", "B", "S", "0", null, null),
                vat("8", "Inkopen hoog 21%", "E", "P", "21", null, null)));
    vat.addAll(oss("NL"));
    return new Template(
        "NL",
        "NL",
        vat,
        List.of(
            gl("8000", "Omzet hoog tarief", "W", "C", 110),
            gl("8010", "Omzet laag tarief", "W", "C", 110),
            gl("8020", "Omzet 0% tarief", "W", "C", 110),
            gl("8030", "Omzet export buiten de EU", "W", "C", 110),
            gl("8040", "Omzet ICP leveringen", "W", "C", 110),
            gl("8050", "Omzet OSS afstandsverkopen", "W", "C", 110),
            gl("1000", "Kas", "B", "D", 10),
            gl("1100", "Bank", "B", "D", 12),
            gl("1300", "Debiteuren", "B", "D", 20),
            gl("1500", "Af te dragen btw", "B", "C", 24),
            gl("7000", "Kostprijs omzet", "W", "D", 111),
            gl("4000", "Algemene kosten", "W", "D", 120)),
        List.of(
            new Journal("70", "Verkoopboek", 20),
            new Journal("10", "Kas", 10),
            new Journal("20", "Bank", 12),
            new Journal("60", "Inkoopboek", 22),
            new Journal("90", "Memoriaal", 90)),
        conditions(),
        warehouses());
  }

  private static Template belgium() {
    List<VatCode> vat =
        new ArrayList<>(
            List.of(
                vat("00", "Verkopen 0%", "B", "S", "0", null, null),
                vat("01", "Verkopen 6% excl.", "E", "S", "6", null, null),
                vat("02", "Verkopen 12% excl.", "E", "S", "12", null, null),
                vat("03", "Verkopen 21% excl.", "E", "S", "21", null, null),
                vat("11", "Verkopen 6% incl.", "I", "S", "6", null, null),
                vat("12", "Verkopen 12% incl.", "I", "S", "12", null, null),
                vat("13", "Verkopen 21% incl.", "I", "S", "21", null, null),
                vat(
                    "44",
                    "Intracommunautaire leveringen 0% (rooster 46)",
                    "B",
                    "S",
                    "0",
                    null,
                    "L"),
                vat("47", "Uitvoer buiten de EU 0% (rooster 47)", "B", "S", "0", null, null),
                vat("81", "Aankopen 21%", "E", "P", "21", null, null)));
    vat.addAll(oss("BE"));
    return new Template(
        "BE",
        "BE",
        vat,
        List.of(
            gl("700000", "Verkopen handelsgoederen 21%", "W", "C", 110),
            gl("700100", "Verkopen handelsgoederen 6%", "W", "C", 110),
            gl("700200", "Verkopen handelsgoederen 12%", "W", "C", 110),
            gl("700300", "Verkopen intracommunautair", "W", "C", 110),
            gl("700400", "Verkopen uitvoer", "W", "C", 110),
            gl("700500", "Verkopen OSS afstandsverkopen", "W", "C", 110),
            gl("400000", "Handelsdebiteuren", "B", "D", 20),
            gl("451000", "Te betalen btw", "B", "C", 24),
            gl("550000", "Bank", "B", "D", 12),
            gl("570000", "Kas", "B", "D", 10),
            gl("604000", "Aankopen handelsgoederen", "W", "D", 111),
            gl("610000", "Diensten en diverse goederen", "W", "D", 120)),
        List.of(
            new Journal("700", "Verkopen", 20),
            new Journal("10", "Kas", 10),
            new Journal("550", "Bank", 12),
            new Journal("600", "Aankopen", 22),
            new Journal("900", "Diverse verrichtingen", 90)),
        conditions(),
        warehouses());
  }

  /** One OSS code per other member state and rate, incl. and excl. (codes 100, 101, …). */
  private static List<VatCode> oss(String home) {
    List<VatCode> codes = new ArrayList<>();
    int next = 100;
    for (Map.Entry<String, List<String>> country : EU_RATES.entrySet()) {
      if (country.getKey().equals(home)) {
        continue;
      }
      for (String rate : country.getValue()) {
        codes.add(
            vat(
                Integer.toString(next++),
                "OSS " + country.getKey() + " " + rate + "% excl.",
                "E",
                "S",
                rate,
                country.getKey(),
                null));
        codes.add(
            vat(
                Integer.toString(next++),
                "OSS " + country.getKey() + " " + rate + "% incl.",
                "I",
                "S",
                rate,
                country.getKey(),
                null));
      }
    }
    return codes;
  }

  private static List<PaymentCondition> conditions() {
    return List.of(
        new PaymentCondition("00", "Contant", 0, "K"),
        new PaymentCondition("14", "14 dagen", 14, "B"),
        new PaymentCondition("30", "30 dagen", 30, "B"));
  }

  private static List<Warehouse> warehouses() {
    return List.of(new Warehouse("1", "Hoofdmagazijn", true), new Warehouse("2", "Winkel", false));
  }

  private static VatCode vat(
      String code,
      String description,
      String type,
      String transaction,
      String percent,
      String oss,
      String listing) {
    return new VatCode(code, description, type, transaction, new BigDecimal(percent), oss, listing);
  }

  private static GlAccount gl(
      String code, String description, String balanceType, String side, int type) {
    return new GlAccount(code, description, balanceType, side, type);
  }
}

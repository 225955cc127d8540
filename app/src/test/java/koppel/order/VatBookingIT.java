package koppel.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import koppel.support.ShopOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Belgian shop's orders booked by their VAT situation, end to end: ICP with a VIES-confirmed
 * number (consultation number in the history), VIES unavailable (booked, with a warning), numbers
 * VIES or the check digits reject, the shop's own country's number, exports and a territory outside
 * the EU VAT area.
 */
class VatBookingIT {

  private static KoppelSystem system;
  private static KoppelSystem.Seeded seeded;

  @BeforeAll
  static void start() {
    system = KoppelSystem.start();
    seeded = system.seedIntegration("vatshop");
    String revenue = system.glAccount(seeded.division(), "700000");
    system.operatorPut(
        "/api/operator/integrations/" + seeded.integrationId() + "/vat-mappings",
        List.of(
            mapping("COUNTRY", "BE", "21", "13", revenue),
            mapping("ICP", "", "0", "44", revenue),
            mapping("INTERNATIONAL", "", "0", "47", revenue)));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void businessInAnotherMemberStateWithAConfirmedNumberIsBookedAsIcp() {
    long id = order("NL", "1012 AB", true, "NL 0024.55.799 B11", "0");
    JsonNode view = awaitState(id, "BOOKED");
    String history = view.path("history").toString();
    assertThat(history).contains("ICP: ").contains("NL002455799B11");
    assertThat(history).containsPattern("consultation number WAPIAAAA[A-Za-z0-9]{8}");
    assertThat(vatCodesOf(view)).containsExactly("44");
    assertThat(viesChecks("002455799B11")).isEqualTo(1);

    long again = order("NL", "1012 AB", true, "NL002455799B11", "0");
    awaitState(again, "BOOKED");
    assertThat(viesChecks("002455799B11")).as("the verdict is reused").isEqualTo(1);
  }

  @Test
  void viesUnavailableIsNoVerdict_theOrderIsBookedWithAWarning() {
    Http.post(
        system.viesUrl + "/admin/outages",
        Map.of("countryCode", "DE", "error", "MS_UNAVAILABLE", "times", 1));
    long id = order("DE", "10115", true, "DE136695976", "0");
    JsonNode view = awaitState(id, "BOOKED");
    assertThat(view.path("history").toString()).contains("VIES_UNKNOWN", "MS_UNAVAILABLE");
    assertThat(vatCodesOf(view)).containsExactly("44");
  }

  @Test
  void aNumberViesCallsInactiveStopsTheOrderWithAResolution() {
    Http.post(
        system.viesUrl + "/admin/numbers",
        Map.of("countryCode", "FR", "vatNumber", "40303265045", "valid", false));
    long id = order("FR", "75001", true, "FR40303265045", "0");
    JsonNode error = awaitState(id, "FAILED").path("order").path("error");
    assertThat(error.path("code").asString()).isEqualTo("ICP_VAT_NUMBER_NOT_ACTIVE");
    assertThat(error.path("resolution").asString()).contains("VAT number", "Process");
  }

  @Test
  void aNumberWithAWrongCheckDigitIsNotAskedAtViesAndStopsTheOrder() {
    long id = order("DE", "10115", true, "DE136695975", "0");
    JsonNode error = awaitState(id, "FAILED").path("order").path("error");
    assertThat(error.path("code").asString()).isEqualTo("ICP_VAT_NUMBER_INVALID");
    assertThat(error.path("message").asString()).contains("DE136695975");
    assertThat(viesChecks("136695975")).isZero();
  }

  @Test
  void theShopsOwnCountrysNumberGivesNoIcp() {
    long id = order("NL", "1012 AB", true, "BE0403170701", "0");
    JsonNode error = awaitState(id, "FAILED").path("order").path("error");
    assertThat(error.path("code").asString()).isEqualTo("ICP_SAME_COUNTRY");
  }

  @Test
  void exportsAreBookedAtZeroAndRefusedWithVat() {
    long swiss = order("CH", "8001", false, null, "0");
    assertThat(vatCodesOf(awaitState(swiss, "BOOKED"))).containsExactly("47");

    long canary = order("ES", "35001", false, null, "0");
    JsonNode view = awaitState(canary, "BOOKED");
    assertThat(view.path("history").toString()).contains("Canary Islands");
    assertThat(vatCodesOf(view)).containsExactly("47");

    long taxed = order("CH", "8001", false, null, "21");
    JsonNode error = awaitState(taxed, "FAILED").path("order").path("error");
    assertThat(error.path("code").asString()).isEqualTo("EXPORT_WITH_VAT");
    assertThat(error.path("resolution").asString()).contains("0 %");
  }

  @Test
  void theConfigurationScreensGetTheRatesValidOnADateAndANumberCheck() {
    JsonNode today = system.operatorGet("/api/vat/rates").json();
    assertThat(today.path("countries").size()).isEqualTo(27);
    assertThat(today.path("countries").path("DE").path("standard").decimalValue())
        .isEqualByComparingTo("19");
    JsonNode before = system.operatorGet("/api/vat/rates?date=2025-06-30").json();
    JsonNode after = system.operatorGet("/api/vat/rates?date=2025-07-01").json();
    assertThat(before.path("countries").path("EE").path("standard").decimalValue())
        .isEqualByComparingTo("22");
    assertThat(after.path("countries").path("EE").path("standard").decimalValue())
        .isEqualByComparingTo("24");
    Http.Response bad = system.operatorGet("/api/vat/rates?date=1-7-2025");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("error").path("code").asString()).isEqualTo("INVALID_INPUT");
    assertThat(bad.json().path("error").path("resolution").asString()).isNotBlank();

    JsonNode check = system.operatorGet("/api/vat/numbers/check?number=be%200123.456.748").json();
    assertThat(check.path("valid").asBoolean()).isFalse();
    assertThat(check.path("reason").asString()).isEqualTo("checksum");
    JsonNode ok = system.operatorGet("/api/vat/numbers/check?number=094259216&country=GR").json();
    assertThat(ok.path("valid").asBoolean()).isTrue();
    assertThat(ok.path("normalised").asString()).isEqualTo("EL094259216");
    // A Northern Ireland government department (GD8888 + 123 + 123 mod 97 = 26), its checksum
    // typo, and 600, which no GD number has.
    JsonNode gd = system.operatorGet("/api/vat/numbers/check?number=GD888812326&country=XI").json();
    assertThat(gd.path("valid").asBoolean()).isTrue();
    assertThat(gd.path("normalised").asString()).isEqualTo("XIGD888812326");
    assertThat(
            system
                .operatorGet("/api/vat/numbers/check?number=XIGD888812327")
                .json()
                .path("reason")
                .asString())
        .isEqualTo("checksum");
    assertThat(
            system
                .operatorGet("/api/vat/numbers/check?number=XIGD888860012")
                .json()
                .path("reason")
                .asString())
        .isEqualTo("format");
    // A Romanian CNP whose digits 8–9 (99) are no county: date and check digit decide.
    JsonNode cnp = system.operatorGet("/api/vat/numbers/check?number=RO1960213993458").json();
    assertThat(cnp.path("valid").asBoolean()).isTrue();
  }

  /** A paid order of one line (and free shipping) at {@code rate} %, shipped to {@code country}. */
  private static long order(
      String country, String zipcode, boolean company, String vatNumber, String rate) {
    Map<String, Object> customer = new HashMap<>();
    customer.put("email", "buyer-" + System.nanoTime() + "@example.com");
    customer.put("firstName", "Anna");
    customer.put("lastName", "Koper");
    customer.put("isCompany", company);
    if (company) {
      customer.put("companyName", "Koper BV");
      customer.put("vatNumber", vatNumber);
    }
    Map<String, Object> address =
        Map.of(
            "name", "Koper BV",
            "street", "Hoofdweg",
            "number", "1",
            "zipcode", zipcode,
            "city", "Stad",
            "countryCode", country);
    return Http.post(
            system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/orders",
            Map.of(
                "status", "processing",
                "paymentStatus", "paid",
                "paymentMethodCode", "banktransfer",
                "paymentMethodTitle", "Overschrijving",
                "customer", customer,
                "billingAddress", address,
                "lines",
                    List.of(
                        Map.of(
                            "sku", "MACH-1",
                            "name", "Machine",
                            "quantity", "1",
                            "unitPrice", "100.00",
                            "vatRate", rate))))
        .json()
        .path("id")
        .asLong();
  }

  private static JsonNode awaitState(long id, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> state.equals(ShopOrders.state(system, seeded, id)));
    return ShopOrders.koppelView(system, seeded, id);
  }

  /** The VAT codes on the Exact invoice of a booked order. */
  private static Set<String> vatCodesOf(JsonNode view) {
    String invoiceId = view.path("order").path("document").path("id").asString();
    Set<String> codes = new TreeSet<>();
    for (JsonNode line : system.exactRows(seeded.division(), "salesinvoice/SalesInvoiceLines")) {
      if (invoiceId.equals(line.path("InvoiceID").asString())) {
        codes.add(line.path("VATCode").asString().trim());
      }
    }
    return codes;
  }

  private static int viesChecks(String number) {
    return Http.get(system.viesUrl + "/admin/requests/count?vatNumber=" + number)
        .json()
        .path("count")
        .asInt();
  }

  private static Map<String, Object> mapping(
      String kind, String country, String rate, String code, String gl) {
    return Map.of(
        "kind", kind,
        "country", country,
        "rate", new BigDecimal(rate),
        "vatCode", code,
        "glAccount", gl);
  }
}

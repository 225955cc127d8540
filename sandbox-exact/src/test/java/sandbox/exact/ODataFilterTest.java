package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ODataFilterTest {

  private static final EntityCatalog CATALOG = new EntityCatalog();
  private static final EntityCatalog.Entity ACCOUNTS = CATALOG.get("crm/Accounts");
  private static final UUID ID = UUID.fromString("5b3debef-0000-4000-8000-000000000001");
  private static final Map<String, Object> ROW =
      Map.of(
          "ID",
          ID,
          "Name",
          "O'Brien & Zn",
          "Email",
          "o'brien@example.be",
          "Code",
          "                25",
          "Status",
          "C",
          "Blocked",
          false,
          "Created",
          LocalDateTime.of(2026, 11, 3, 10, 0),
          "CreditLinePurchase",
          new BigDecimal("100"));

  private static boolean matches(String filter) {
    return ODataFilter.parse(filter, ACCOUNTS, true, true).predicate().test(ROW);
  }

  @Test
  void quotedStringsWithDoubledQuotes() {
    assertThat(matches("Email eq 'o''brien@example.be'")).isTrue();
    assertThat(matches("Email eq 'O''BRIEN@example.be'")).isTrue();
    assertThat(matches("Email eq 'obrien@example.be'")).isFalse();
  }

  @Test
  void guidsDatetimesNumbersAndLogic() {
    assertThat(matches("ID eq guid'" + ID + "'")).isTrue();
    assertThat(matches("Created ge datetime'2026-11-01T00:00:00' and Status eq 'C'")).isTrue();
    assertThat(matches("Created lt datetime'2026-11-01' or Blocked eq true")).isFalse();
    assertThat(matches("CreditLinePurchase gt 99.5 and not (Status ne 'C')")).isTrue();
  }

  @Test
  void trimFindsPaddedCodes() {
    assertThat(matches("trim(Code) eq '25'")).isTrue();
    assertThat(matches("Code eq '                25'")).isTrue();
    assertThat(matches("Code eq '25'")).isFalse();
  }

  @Test
  void unknownPropertiesAndNavigationAreRefused() {
    assertThatThrownBy(() -> matches("Nope eq 1")).hasMessageContaining("Could not find");
    assertThatThrownBy(() -> matches("BankAccounts/IBAN eq 'x'"))
        .hasMessageContaining("not supported");
    assertThatThrownBy(() -> matches("Email eq 'unterminated")).hasMessageContaining("syntax");
  }

  @Test
  void reportsTheFieldsItUses() {
    assertThat(
            ODataFilter.parse("Email eq 'x' or trim(Code) eq '1'", ACCOUNTS, true, true).fields())
        .containsExactlyInAnyOrder("Email", "Code");
  }
}

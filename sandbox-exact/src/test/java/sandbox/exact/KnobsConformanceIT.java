package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.filter;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The knobs for Exact's UNCONFIRMED behaviours and the shortened lifetimes (reference header, §10):
 * each one changes what the sandbox answers. One sandbox with non-default values for all of them.
 */
class KnobsConformanceIT {

  private static Sandbox sandbox;
  private Sandbox.Setup s;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.start(
            Map.ofEntries(
                Map.entry("sandbox.exact.validation-status", 400),
                Map.entry("sandbox.exact.invoice-number-at-entry", true),
                Map.entry("sandbox.exact.errors-per-hour-limit", 2),
                Map.entry("sandbox.exact.error-block-status", 403),
                Map.entry("sandbox.exact.error-block-duration", "10m"),
                Map.entry("sandbox.exact.retry-after-on-429", true),
                Map.entry("sandbox.exact.access-token-lifetime", "120s"),
                Map.entry("sandbox.exact.min-refresh-age", "90s"),
                Map.entry("sandbox.exact.authorization-code-lifetime", "30s"),
                Map.entry("sandbox.exact.percentages-as-fractions", false),
                Map.entry("sandbox.exact.sales-entry-status", 50),
                Map.entry("sandbox.exact.page-size", 3),
                Map.entry("sandbox.exact.line-rounding", "HALF_EVEN"),
                Map.entry("sandbox.exact.vat-rounding", "DOCUMENT"),
                Map.entry("sandbox.exact.entry-amount-includes-vat", true),
                Map.entry("sandbox.exact.case-insensitive-strings", false)));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    s = sandbox.setup("NL");
  }

  @Test
  void shorterTokenLifetimesAndRefreshAge() {
    JsonNode tokens =
        sandbox.admin(
            "POST", "/admin/tokens", Map.of("clientId", Sandbox.CLIENT, "username", Sandbox.USER));
    assertThat(tokens.path("expires_in").asString()).isEqualTo("120");

    sandbox.advance(89);
    assertThat(refresh(tokens.path("refresh_token").asString()).status()).isEqualTo(400);
    sandbox.advance(1);
    Sandbox.Response refreshed = refresh(tokens.path("refresh_token").asString());
    assertThat(refreshed.status()).isEqualTo(200);

    sandbox.advance(121);
    assertThat(sandbox.get("/api/v1/current/Me", refreshed.json().path("access_token").asString()))
        .extracting(Sandbox.Response::status)
        .isEqualTo(401);
  }

  @Test
  void shorterAuthorizationCodeLifetime() {
    String early = code();
    String late = code();

    sandbox.advance(25);
    assertThat(exchange(early).status()).isEqualTo(200);
    sandbox.advance(6);
    assertThat(exchange(late).status()).isEqualTo(400);
  }

  @Test
  void validationStatusAndInvoiceNumberAtEntry() {
    String customer = customer();
    String item = item();

    Sandbox.Response invalid =
        sandbox.post(
            s.api("salesinvoice/SalesInvoices"),
            s.token(),
            Map.of(
                "Journal",
                "70",
                "SalesInvoiceLines",
                List.of(Map.of("Item", item, "Quantity", 1, "UnitPrice", 1.0))));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.error()).isEqualTo("Verplicht: Besteld door");

    JsonNode invoice =
        sandbox.create(
            s,
            "salesinvoice/SalesInvoices?$expand=SalesInvoiceLines",
            Map.of(
                "OrderedBy",
                customer,
                "Journal",
                "70",
                "SalesInvoiceLines",
                List.of(Map.of("Item", item, "Quantity", 2, "UnitPrice", 10.0, "VATCode", "1"))));
    assertThat(invoice.path("InvoiceNumber").asInt()).isPositive();
    assertThat(invoice.path("Status").asInt()).isEqualTo(20);
    // percentages shown as 21 instead of 0.21: the amounts stay right
    assertThat(invoice.path("VATAmountFC").decimalValue()).isEqualByComparingTo("4.20");
    assertThat(
            invoice
                .path("SalesInvoiceLines")
                .path("results")
                .path(0)
                .path("VATPercentage")
                .decimalValue())
        .isEqualByComparingTo("21");
  }

  @Test
  void salesEntryStatus() {
    JsonNode entry =
        sandbox.create(
            s,
            "salesentry/SalesEntries",
            Map.of(
                "Customer",
                customer(),
                "Journal",
                "70",
                "SalesEntryLines",
                List.of(
                    Map.of(
                        "GLAccount",
                        sandbox.idOf(s.division(), "financial/GLAccounts", "8000"),
                        "AmountFC",
                        10.0,
                        "VATCode",
                        "1"))));

    assertThat(entry.path("Status").asInt()).isEqualTo(50);
    assertThat(entry.path("AmountFC").decimalValue()).isEqualByComparingTo("12.10");
  }

  @Test
  void errorBudgetLimitStatusAndDuration() {
    String accounts = s.api("crm/Accounts");
    String valid = accounts + "?" + filter("Name eq 'x'");
    sandbox.get(accounts, s.token());
    sandbox.get(accounts, s.token());
    assertThat(sandbox.get(valid, s.token()).status()).isEqualTo(200);

    // with validation-status 400, a validation error counts as well
    Sandbox.Response invalid = sandbox.post(accounts, s.token(), Map.of("Status", "C"));
    assertThat(invalid.status()).isEqualTo(400);

    assertThat(sandbox.get(valid, s.token()).status()).isEqualTo(403);
    sandbox.advance(601);
    String token = sandbox.token(Sandbox.CLIENT, Sandbox.USER);
    assertThat(sandbox.get(valid, token).status()).isEqualTo(200);
  }

  @Test
  void retryAfterOn429() {
    sandbox.admin(
        "POST",
        "/admin/faults",
        Map.of("method", "GET", "path", "financial/Journals", "kind", "FORCE_429"));

    Sandbox.Response r = sandbox.get(s.api("financial/Journals"), s.token());

    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
  }

  @Test
  void computationKnobsStartFromThePropertiesAndResetReturnsToThem() {
    JsonNode configured = sandbox.admin("GET", "/admin/behaviour", null);
    assertThat(configured.path("lineRounding").asString()).isEqualTo("HALF_EVEN");
    assertThat(configured.path("vatRounding").asString()).isEqualTo("DOCUMENT");
    assertThat(configured.path("entryAmountIncludesVat").asBoolean()).isTrue();
    assertThat(configured.path("caseInsensitiveStrings").asBoolean()).isFalse();

    // an inclusive code's AmountFC includes VAT: 12.10 = 10.00 + 2.10
    JsonNode entry =
        sandbox.create(
            s,
            "salesentry/SalesEntries",
            Map.of(
                "Customer",
                customer(),
                "Journal",
                "70",
                "SalesEntryLines",
                List.of(
                    Map.of(
                        "GLAccount",
                        sandbox.idOf(s.division(), "financial/GLAccounts", "8000"),
                        "AmountFC",
                        12.10,
                        "VATCode",
                        "2"))));
    assertThat(entry.path("AmountFC").decimalValue()).isEqualByComparingTo("12.10");
    assertThat(entry.path("VATAmountFC").decimalValue()).isEqualByComparingTo("2.10");
    assertThat(sandbox.get(s.api("crm/Accounts") + "?" + filter("Name eq 'klant'"), s.token()).d())
        .as("case-sensitive")
        .isEmpty();

    sandbox.admin(
        "PUT",
        "/admin/behaviour",
        Map.of("vatRounding", "LINE_HALF_EVEN", "lineRounding", "HALF_UP"));
    sandbox.reset();
    assertThat(sandbox.admin("GET", "/admin/behaviour", null)).isEqualTo(configured);
  }

  @Test
  void pageSize() {
    for (int i = 0; i < 4; i++) {
      sandbox.create(s, "crm/Accounts", Map.of("Name", "K" + i, "Status", "C"));
    }

    JsonNode first =
        sandbox.get(s.api("crm/Accounts") + "?" + filter("Status eq 'C'"), s.token()).json();
    assertThat(first.path("d").path("results")).hasSize(3);
    JsonNode second = sandbox.get(first.path("d").path("__next").asString(), s.token()).json();
    assertThat(second.path("d").path("results")).hasSize(1);
    assertThat(second.path("d").has("__next")).isFalse();
  }

  private String code() {
    Sandbox.Response consent =
        sandbox.form(
            "/api/oauth2/auth",
            Map.of(
                "client_id", Sandbox.CLIENT,
                "redirect_uri", Sandbox.REDIRECT,
                "username", Sandbox.USER,
                "password", Sandbox.PASSWORD,
                "decision", "allow"));
    String location = consent.header("Location").orElseThrow();
    return location.replaceFirst(".*[?&]code=([^&]+).*", "$1");
  }

  private Sandbox.Response exchange(String code) {
    return sandbox.form(
        "/api/oauth2/token",
        Map.of(
            "grant_type", "authorization_code",
            "code", code,
            "redirect_uri", Sandbox.REDIRECT,
            "client_id", Sandbox.CLIENT,
            "client_secret", Sandbox.SECRET));
  }

  private Sandbox.Response refresh(String refreshToken) {
    return sandbox.form(
        "/api/oauth2/token",
        Map.of(
            "grant_type",
            "refresh_token",
            "refresh_token",
            refreshToken,
            "client_id",
            Sandbox.CLIENT,
            "client_secret",
            Sandbox.SECRET));
  }

  private String customer() {
    return sandbox
        .create(s, "crm/Accounts", Map.of("Name", "Klant", "Status", "C"))
        .path("ID")
        .asString();
  }

  private String item() {
    return sandbox
        .create(s, "logistics/Items", Map.of("Code", "A", "Description", "A", "SalesVatCode", "1"))
        .path("ID")
        .asString();
  }
}

package sandbox.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static sandbox.exact.Sandbox.filter;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exact's error budget (reference §3.1, §10.8): more than 10 answers with status 400, 401, 403 or
 * 404 in one hour per app, user, division and endpoint block that endpoint (status knob, default
 * 429) for an hour, while other endpoints keep working.
 */
class ErrorBudgetConformanceIT {

  private static Sandbox sandbox;
  private Sandbox.Setup s;
  private String accounts;
  private String valid;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(Map.of());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    s = sandbox.setup("NL");
    accounts = s.api("crm/Accounts");
    valid = accounts + "?" + filter("Name eq 'Niemand'");
  }

  @Test
  void moreThanTenErrorsBlockTheEndpointForAnHour() {
    for (int i = 0; i < 10; i++) {
      assertThat(sandbox.get(accounts, s.token()).status()).isEqualTo(400);
    }
    assertThat(sandbox.get(valid, s.token()).status()).as("10 errors are allowed").isEqualTo(200);

    assertThat(sandbox.get(accounts, s.token()).status()).isEqualTo(400);

    Sandbox.Response blocked = sandbox.get(valid, s.token());
    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.error()).isNotBlank();
    Sandbox.Response blockedPost =
        sandbox.post(accounts, s.token(), Map.of("Name", "Nieuw", "Status", "C"));
    assertThat(blockedPost.status()).isEqualTo(429);
    assertThat(sandbox.rows(s.division(), "crm/Accounts")).isEmpty();

    // other endpoints still work
    assertThat(
            sandbox.get(s.api("logistics/Items") + "?" + filter("Code eq 'X'"), s.token()).status())
        .isEqualTo(200);
    assertThat(sandbox.get(s.api("financial/Journals"), s.token()).status()).isEqualTo(200);

    // the block lifts after its hour
    sandbox.advance(3_000);
    String token = sandbox.token(Sandbox.CLIENT, Sandbox.USER);
    assertThat(sandbox.get(valid, token).status()).isEqualTo(429);
    sandbox.advance(601);
    token = sandbox.token(Sandbox.CLIENT, Sandbox.USER);
    assertThat(sandbox.get(valid, token).status()).isEqualTo(200);
  }

  @Test
  void status400_401_403And404AllCount() {
    String expired = s.token();
    sandbox.advance(601);
    String token = sandbox.token(Sandbox.CLIENT, Sandbox.USER);
    String unknownKey = accounts + "(guid'" + UUID.randomUUID() + "')";

    for (int i = 0; i < 3; i++) {
      assertThat(sandbox.get(accounts, token).status()).isEqualTo(400);
      assertThat(sandbox.get(accounts, expired).status()).isEqualTo(401);
      assertThat(sandbox.send("DELETE", unknownKey, token, null).status()).isEqualTo(404);
    }
    assertThat(sandbox.get(accounts, expired).status()).isEqualTo(401);
    assertThat(sandbox.get(valid, token).status()).as("10 errors are allowed").isEqualTo(200);
    assertThat(sandbox.send("DELETE", unknownKey, token, null).status()).isEqualTo(404);

    assertThat(sandbox.get(valid, token).status()).isEqualTo(429);
  }

  @Test
  void forbiddenDivisionCallsCountForThatDivision() {
    int foreign = sandbox.division("BE");
    String foreignJournals = "/api/v1/" + foreign + "/financial/Journals";

    for (int i = 0; i < 11; i++) {
      assertThat(sandbox.get(foreignJournals, s.token()).status()).isEqualTo(403);
    }

    assertThat(sandbox.get(foreignJournals, s.token()).status()).isEqualTo(429);
    assertThat(sandbox.get(s.api("financial/Journals"), s.token()).status()).isEqualTo(200);
  }

  @Test
  void validationErrorsAndOtherStatusesDoNotCount() {
    for (int i = 0; i < 12; i++) {
      Sandbox.Response r =
          sandbox.post(
              s.api("salesinvoice/SalesInvoices"), s.token(), Map.of("YourRef", "zonder alles"));
      assertThat(r.status()).isEqualTo(500);
    }
    for (int i = 0; i < 12; i++) {
      Sandbox.Response r =
          sandbox.send(
              "PUT",
              s.api("cashflow/PaymentConditions") + "(guid'" + UUID.randomUUID() + "')",
              s.token(),
              "{}");
      assertThat(r.status()).isEqualTo(405);
    }

    assertThat(
            sandbox
                .get(
                    s.api("salesinvoice/SalesInvoices") + "?" + filter("YourRef eq 'x'"), s.token())
                .status())
        .isEqualTo(200);
    assertThat(
            sandbox
                .get(s.api("cashflow/PaymentConditions") + "?" + filter("Code eq '30'"), s.token())
                .status())
        .isEqualTo(200);
  }
}

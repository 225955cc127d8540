package koppel.connector.exact;

import static org.assertj.core.api.Assertions.assertThat;

import koppel.order.port.AccountingCallMeter.Kind;
import org.junit.jupiter.api.Test;

/** Which kind each Exact request is counted as in koppel_exact_calls_total. */
class ExactCallKindTest {

  private static Kind kind(String method, String path) {
    return ExactClient.kind(method, "4711", "/api/v1/4711/" + path);
  }

  @Test
  void documentsAreThePostsOfInvoicesOrdersAndEntries() {
    assertThat(kind("POST", "salesinvoice/SalesInvoices")).isEqualTo(Kind.DOCUMENT);
    assertThat(kind("POST", "salesorder/SalesOrders")).isEqualTo(Kind.DOCUMENT);
    assertThat(kind("POST", "salesentry/SalesEntries")).isEqualTo(Kind.DOCUMENT);
    assertThat(kind("GET", "salesinvoice/SalesInvoices")).isEqualTo(Kind.LOOKUP);
  }

  @Test
  void createsOfCustomersItemsAndAddresses() {
    assertThat(kind("POST", "crm/Accounts")).isEqualTo(Kind.CUSTOMER_CREATE);
    assertThat(kind("POST", "logistics/Items")).isEqualTo(Kind.ITEM_CREATE);
    assertThat(kind("POST", "crm/Addresses")).isEqualTo(Kind.ADDRESS_CREATE);
    assertThat(kind("POST", "crm/Contacts")).isEqualTo(Kind.OTHER);
  }

  @Test
  void readsAreMirrorReadsOrLookups() {
    assertThat(kind("GET", "sync/CRM/Accounts")).isEqualTo(Kind.MIRROR);
    assertThat(kind("GET", "bulk/Logistics/Items")).isEqualTo(Kind.MIRROR);
    assertThat(kind("GET", "crm/Accounts")).isEqualTo(Kind.LOOKUP);
    assertThat(kind("GET", "logistics/Items")).isEqualTo(Kind.LOOKUP);
  }

  @Test
  void deletesUpdatesAndCallsOutsideADivisionAreOther() {
    assertThat(kind("DELETE", "salesinvoice/SalesInvoices(guid'1')")).isEqualTo(Kind.OTHER);
    assertThat(kind("PUT", "crm/Accounts(guid'1')")).isEqualTo(Kind.OTHER);
    assertThat(ExactClient.kind("GET", null, "/api/v1/current/Me")).isEqualTo(Kind.OTHER);
  }
}

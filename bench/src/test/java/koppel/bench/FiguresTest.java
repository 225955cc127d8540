package koppel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the figures: kinds of Exact calls, Prometheus text, minute windows. */
class FiguresTest {

  @Test
  void exactEndpointsAreSortedIntoKinds() {
    assertThat(Calls.kindOf("POST salesinvoice/SalesInvoices")).isEqualTo("document");
    assertThat(Calls.kindOf("POST salesinvoice/PrintedSalesInvoices")).isEqualTo("document");
    assertThat(Calls.kindOf("POST crm/Accounts")).isEqualTo("customer_create");
    assertThat(Calls.kindOf("POST logistics/Items")).isEqualTo("item_create");
    assertThat(Calls.kindOf("POST crm/Addresses")).isEqualTo("address_create");
    assertThat(Calls.kindOf("GET crm/Accounts")).isEqualTo("lookup");
    assertThat(Calls.kindOf("GET logistics/Items")).isEqualTo("lookup");
    assertThat(Calls.kindOf("GET sync/Logistics/Items")).isEqualTo("mirror");
    assertThat(Calls.kindOf("GET bulk/CRM/Accounts")).isEqualTo("mirror");
    assertThat(Calls.kindOf("GET read/sync/Sync/SyncTimestamp")).isEqualTo("mirror");
    assertThat(Calls.kindOf("GET salesinvoice/SalesInvoices")).isEqualTo("other");
  }

  @Test
  void prometheusSamplesAreSummedByLabel() {
    String text =
        """
        # HELP koppel_exact_calls_total Exact calls
        # TYPE koppel_exact_calls_total counter
        koppel_exact_calls_total{division="100001",integration="a",kind="document"} 12.0
        koppel_exact_calls_total{division="100001",integration="b",kind="document"} 3.0
        koppel_exact_calls_total{division="100001",integration="a",kind="lookup"} 1.0
        jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.0E7
        jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.5E7
        jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
        """;
    assertThat(Calls.sum(text, "koppel_exact_calls_total", Map.of(), "kind"))
        .containsEntry("document", 15.0)
        .containsEntry("lookup", 1.0);
    assertThat(Calls.sum(text, "jvm_memory_used_bytes", Map.of("area", "heap"), null))
        .containsEntry("", 3.5e7);
  }

  @Test
  void theBusiestMinuteIsFoundInRollingAndClockWindows() {
    // 50 calls at the end of one clock minute, 50 at the start of the next
    List<long[]> samples =
        List.of(
            new long[] {0, 0},
            new long[] {50_000, 0},
            new long[] {59_000, 50},
            new long[] {61_000, 100},
            new long[] {125_000, 110});
    assertThat(PhaseRunner.maxInWindow(samples, 60_000)).isEqualTo(100);
    assertThat(PhaseRunner.maxInClockMinute(samples)).isEqualTo(50);
  }
}

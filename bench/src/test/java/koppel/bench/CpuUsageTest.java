package koppel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUsageTest {

  @Test
  void aBusyProcessShowsCpuTimeAndAMissingServerShowsUnknown() throws Exception {
    Process idle = new ProcessBuilder("sleep", "5").start();
    try {
      Map<String, Double> cpu = CpuUsage.now(List.of(idle), Path.of("no-such-postgres-dir"));
      assertThat(cpu.get("koppel")).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      assertThat(cpu.get("postgres")).isEqualTo(-1.0);
      // this JVM has been working (class loading, starting the child): more than nothing
      assertThat(cpu.get("sandboxesAndBench")).isPositive();
    } finally {
      idle.destroy();
    }
  }
}

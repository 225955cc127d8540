package koppel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The bench as a user runs it, with tiny numbers: PostgreSQL, the sandboxes and one Koppel node
 * (the packaged app jar as its own process), a throughput and a latency phase. Every order ends
 * final, every booked order is in Exact exactly once, and the JSON has every figure.
 */
class BenchSmokeIT {

  @Test
  void theBenchMeasuresATinyRunAndWritesEveryFigure() throws Exception {
    Path json = Files.createTempDirectory("koppel-bench-it").resolve("result.json");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    int exit =
        BenchMain.run(
            new String[] {
              "--orders", "150",
              "--phases", "throughput,latency",
              "--rate", "20",
              "--latency-orders", "40",
              "--json", json.toString()
            },
            out,
            false);

    String printed = buffer.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertThat(exit).as("exit code; output:%n%s", printed).isZero();
    JsonNode r = Http.JSON.readTree(json.toFile());
    assertThat(r.path("ok").asBoolean()).isTrue();
    assertThat(r.path("machine").path("cores").asInt()).isPositive();
    assertThat(r.path("machine").path("java").asString()).isNotBlank();
    for (String phase : new String[] {"throughput", "latency"}) {
      JsonNode p = r.path("phases").path(phase);
      int expected = phase.equals("throughput") ? 150 : 40;
      assertThat(p.path("finished").asBoolean()).as(phase + " finished").isTrue();
      JsonNode o = p.path("orders");
      assertThat(o.path("total").asInt()).as(phase + " orders known").isEqualTo(expected);
      assertThat(
              o.path("booked").asInt()
                  + o.path("open").asInt()
                  + o.path("failed").asInt()
                  + o.path("skipped").asInt())
          .as(phase + ": every order final")
          .isEqualTo(expected);
      assertThat(o.path("booked").asInt()).as(phase + " booked").isPositive();
      assertThat(p.path("bookedPerSecond").asDouble()).isPositive();
      for (String q : new String[] {"p50", "p95", "p99", "max"}) {
        assertThat(p.path("latencyMillis").path(q).isNumber()).as(phase + " " + q).isTrue();
      }
      assertThat(p.path("latencyMillis").path("p50").asLong())
          .isLessThanOrEqualTo(p.path("latencyMillis").path("max").asLong());
      for (String kind : Calls.KINDS) {
        assertThat(p.path("callsPerOrderByKind").has(kind)).as(kind).isTrue();
      }
      assertThat(p.path("callsPerOrderByKind").path("document").asDouble())
          .as("one document per booked order")
          .isEqualTo(1.0);
      assertThat(p.path("lookupsPerOrder").isNumber()).isTrue();
      assertThat(p.path("exactCallsTotal").asLong())
          .isGreaterThanOrEqualTo(o.path("booked").asLong());
      assertThat(p.path("maxCallsInAnyMinute").asLong()).isPositive();
      assertThat(p.path("heapUsedBytesPerNode").get(0).asLong()).isPositive();
      assertThat(p.path("databaseBytes").asLong()).isPositive();
      JsonNode once = p.path("exactlyOnce");
      assertThat(once.path("duplicates").asInt()).isZero();
      assertThat(once.path("bookedWithoutDocument").asInt()).isZero();
      assertThat(once.path("exactDocuments").asLong())
          .isEqualTo(once.path("bookedOrders").asLong());
    }
    assertThat(r.path("targets").size()).isEqualTo(5);
    assertThat(printed).contains("--- targets", "orders booked per second");
  }
}

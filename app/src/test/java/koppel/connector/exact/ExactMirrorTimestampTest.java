package koppel.connector.exact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Exact's row version is an Edm.Int64: a JSON number, or a string as OData v2 writes one. */
class ExactMirrorTimestampTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static long read(String json) {
    return ExactMirror.timestamp(JSON.readTree(json));
  }

  @Test
  void readsNumbersStringsAndTheLiteralSuffix() {
    assertThat(read("{\"Timestamp\": 9007199254740993}")).isEqualTo(9007199254740993L);
    assertThat(read("{\"Timestamp\": \"123456789012\"}")).isEqualTo(123456789012L);
    assertThat(read("{\"Timestamp\": \"42L\"}")).isEqualTo(42L);
  }

  @Test
  void aMissingOrUnreadableVersionCountsAsTheOldest() {
    assertThat(read("{}")).isZero();
    assertThat(read("{\"Timestamp\": null}")).isZero();
    assertThat(read("{\"Timestamp\": \"abc\"}")).isZero();
  }
}

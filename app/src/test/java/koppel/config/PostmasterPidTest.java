package koppel.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostmasterPidTest {

  @Test
  void readsPidAndPortOfAWholeFile() {
    // as PostgreSQL 17 writes it for the embedded server
    String file =
        "9205\n/tmp/koppel-data/postgres\n1796500382\n44799\n/tmp\nlocalhost\n"
            + "  2147905        20\nready   \n";

    assertThat(PostmasterPid.parse(file)).contains(new PostmasterPid(9205, 44799));
  }

  @Test
  void aFileCutShortStillNamesItsProcess() {
    assertThat(PostmasterPid.parse("9205\n/tmp/koppel-data/postgres\n"))
        .contains(new PostmasterPid(9205, -1));
    assertThat(PostmasterPid.parse("9205\n/d\n1796500382\nx\n"))
        .contains(new PostmasterPid(9205, -1));
  }

  @Test
  void garbageNamesNoProcess() {
    assertThat(PostmasterPid.parse("")).isEmpty();
    assertThat(PostmasterPid.parse("\n\n")).isEmpty();
    assertThat(PostmasterPid.parse("postgres\n")).isEmpty();
    assertThat(PostmasterPid.parse("12ab\n/d\n1\n5432\n")).isEmpty();
    assertThat(PostmasterPid.parse("0\n")).isEmpty();
    assertThat(PostmasterPid.parse("-1\n")).isEmpty();
    assertThat(PostmasterPid.parse("99999999999999999999\n")).isEmpty();
  }
}

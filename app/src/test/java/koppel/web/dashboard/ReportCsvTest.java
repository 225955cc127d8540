package koppel.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A CSV cell: quoted when it must be, and never a formula in Excel. */
class ReportCsvTest {

  @Test
  void cellsAreQuotedAndFormulasDefused() {
    assertThat(ReportController.cell("Jan Peeters")).isEqualTo("Jan Peeters");
    assertThat(ReportController.cell("Peeters; Jan")).isEqualTo("\"Peeters; Jan\"");
    assertThat(ReportController.cell("De \"Wijnkelder\"")).isEqualTo("\"De \"\"Wijnkelder\"\"\"");
    assertThat(ReportController.cell("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
    assertThat(ReportController.cell("-12.50")).isEqualTo("-12.50");
    assertThat(ReportController.cell(null)).isEmpty();
  }
}

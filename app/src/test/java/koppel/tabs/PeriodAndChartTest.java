package koppel.tabs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import koppel.order.domain.SyncState;
import koppel.order.port.OrderQueries.DayCount;
import org.junit.jupiter.api.Test;

/** The period of the tabs (the shop's calendar) and the bars of the Report's chart. */
class PeriodAndChartTest {

  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  @Test
  void theDefaultPeriodIsTheMonthAndItsEndsAreTheShopsMidnights() {
    Period p = Period.of(null, null, LocalDate.of(2026, 2, 14));
    assertThat(p.from()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(p.to()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(p.start(BRUSSELS)).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
    assertThat(p.end(BRUSSELS)).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
  }

  @Test
  void reversedEndsAreSwappedAndAVeryLongPeriodIsCut() {
    Period p = new Period(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 1));
    assertThat(p.from()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(p.days()).isEqualTo(10);
    Period long_ = new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1));
    assertThat(long_.days()).isEqualTo(Period.MAX_DAYS);
    assertThat(long_.to()).isEqualTo(LocalDate.of(2026, 1, 1));
  }

  @Test
  void barsAreScaledToTheBusiestDayAndEveryDayHasASlot() {
    Period p = new Period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3));
    Chart c =
        Chart.of(
            p,
            List.of(
                new DayCount(LocalDate.of(2026, 12, 1), SyncState.BOOKED, 4),
                new DayCount(LocalDate.of(2026, 12, 1), SyncState.FAILED, 1),
                new DayCount(LocalDate.of(2026, 12, 3), SyncState.BOOKED, 2)));
    assertThat(c.max()).isEqualTo(4);
    assertThat(c.days()).hasSize(3);
    Chart.Day first = c.days().get(0);
    Chart.Day third = c.days().get(2);
    assertThat(first.bookedHeight()).isEqualTo(2 * third.bookedHeight());
    assertThat(first.bookedY() + first.bookedHeight()).isEqualTo(c.baseline());
    assertThat(first.failedHeight()).isPositive().isLessThan(first.bookedHeight());
    assertThat(c.days().get(1).bookedHeight()).isZero();
    assertThat(third.x()).isGreaterThan(first.x());
  }
}

package koppel.tabs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import koppel.order.domain.SyncState;
import koppel.order.port.OrderQueries.DayCount;

/**
 * Booked and failed orders per day of a period, laid out as bars for an inline SVG: the page only
 * draws the rectangles and labels computed here.
 */
public record Chart(int width, int height, int baseline, long max, List<Day> days) {

  static final int HEIGHT = 200;
  static final int TOP = 16;
  static final int BOTTOM = 22;
  static final int LEFT = 34;
  static final int SLOT = 34;

  /**
   * One day: its bars (x, y and height of the booked bar, then of the failed bar) and whether its
   * day-of-month label is drawn.
   */
  public record Day(
      LocalDate day,
      long booked,
      long failed,
      int x,
      int bookedY,
      int bookedHeight,
      int failedX,
      int failedY,
      int failedHeight,
      int labelX,
      boolean labelled) {}

  public static Chart of(Period period, List<DayCount> counts) {
    Map<LocalDate, long[]> byDay = new HashMap<>();
    for (DayCount c : counts) {
      long[] bf = byDay.computeIfAbsent(c.day(), d -> new long[2]);
      if (c.state() == SyncState.BOOKED) {
        bf[0] += c.count();
      } else if (c.state() == SyncState.FAILED) {
        bf[1] += c.count();
      }
    }
    long max = 1;
    for (long[] bf : byDay.values()) {
      max = Math.max(max, Math.max(bf[0], bf[1]));
    }
    int plot = HEIGHT - TOP - BOTTOM;
    int baseline = HEIGHT - BOTTOM;
    int every = period.days() <= 31 ? (period.days() <= 16 ? 1 : 2) : 7;
    List<Day> days = new ArrayList<>();
    int i = 0;
    for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1), i++) {
      long[] bf = byDay.getOrDefault(d, new long[2]);
      int x = LEFT + i * SLOT + 2;
      int bh = (int) Math.round((double) bf[0] * plot / max);
      int fh = (int) Math.round((double) bf[1] * plot / max);
      days.add(
          new Day(
              d,
              bf[0],
              bf[1],
              x,
              baseline - bh,
              bh,
              x + 15,
              baseline - fh,
              fh,
              x + 15,
              i % every == 0));
    }
    return new Chart(LEFT + days.size() * SLOT + 4, HEIGHT, baseline, max, days);
  }
}

package koppel.tabs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** A range of days on the shop's calendar, both ends included. */
public record Period(LocalDate from, LocalDate to) {

  /** The longest period a page or an export covers: a little over a year. */
  public static final int MAX_DAYS = 400;

  public Period {
    if (to.isBefore(from)) {
      LocalDate swap = from;
      from = to;
      to = swap;
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      from = to.minusDays(MAX_DAYS - 1);
    }
  }

  /** The month of {@code today} up to its last day. */
  public static Period monthOf(LocalDate today) {
    LocalDate first = today.withDayOfMonth(1);
    return new Period(first, first.plusMonths(1).minusDays(1));
  }

  /** The period asked for, where either end missing is taken from the month of {@code today}. */
  public static Period of(LocalDate from, LocalDate to, LocalDate today) {
    Period month = monthOf(today);
    return new Period(from == null ? month.from() : from, to == null ? month.to() : to);
  }

  /** The first instant of the period on the shop's calendar. */
  public Instant start(ZoneId zone) {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period on the shop's calendar. */
  public Instant end(ZoneId zone) {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }
}

package koppel.order.pipeline;

import java.time.Instant;
import java.util.Objects;
import koppel.order.domain.BookingError;

/** Why a step stopped an attempt; decides what the queue does next. */
public abstract sealed class BookingFailure extends RuntimeException {

  private BookingFailure(String message, Throwable cause) {
    super(message, cause, false, false);
  }

  /**
   * Try again later. {@code retryAt} null means "as the retry policy says". A failure that does not
   * count as an attempt (rate limit) never uses up the merchant's retries. {@code outcomeUnknown}:
   * a write may have happened, so the next attempt must look up first.
   */
  public static final class Retryable extends BookingFailure {
    private final Instant retryAt;
    private final boolean countsAsAttempt;
    private final boolean outcomeUnknown;
    private final BookingError error;

    public Retryable(
        BookingError error,
        Instant retryAt,
        boolean countsAsAttempt,
        boolean outcomeUnknown,
        Throwable cause) {
      super(error.message(), cause);
      this.error = error;
      this.retryAt = retryAt;
      this.countsAsAttempt = countsAsAttempt;
      this.outcomeUnknown = outcomeUnknown;
    }

    public Instant retryAt() {
      return retryAt;
    }

    public boolean countsAsAttempt() {
      return countsAsAttempt;
    }

    public boolean outcomeUnknown() {
      return outcomeUnknown;
    }

    public BookingError error() {
      return error;
    }
  }

  /** Needs the merchant: shown on the Errors tab with the resolution. */
  public static final class Permanent extends BookingFailure {
    private final BookingError error;

    public Permanent(BookingError error) {
      super(error.message(), null);
      this.error = Objects.requireNonNull(error);
    }

    public Permanent(BookingError error, Throwable cause) {
      super(error.message(), cause);
      this.error = Objects.requireNonNull(error);
    }

    public BookingError error() {
      return error;
    }
  }

  /** Nothing to do, for a recorded reason (already booked, cancelled, ...). */
  public static final class NothingToDo extends BookingFailure {
    public NothingToDo(String reason) {
      super(reason, null);
    }
  }
}

package koppel.order.domain;

import java.util.Objects;

/**
 * An error a merchant can see: a stable code, what happened in plain words, and what to do about
 * it.
 */
public record BookingError(String code, String message, String resolution) {

  public BookingError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(resolution, "resolution");
  }
}

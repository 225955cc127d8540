package koppel.order.pipeline;

import java.time.Duration;
import java.time.Instant;
import koppel.order.port.ExternalSystemException;

/** Turns what a connector reports into what the queue should do, with the merchant's words. */
final class FailureTranslator {

  /** A broken connection is re-tried this often until the merchant reconnects. */
  static final Duration RECONNECT_WAIT = Duration.ofHours(1);

  private static final Duration MIN_WAIT = Duration.ofSeconds(1);

  private FailureTranslator() {}

  static BookingFailure fromExact(ExternalSystemException e, String what, Instant now) {
    if (e instanceof ExternalSystemException.Rejected) {
      return new BookingFailure.Permanent(BookingErrors.exactRejected(what, e.getMessage()), e);
    }
    if (e instanceof ExternalSystemException.RateLimited limited) {
      return new BookingFailure.Retryable(
          BookingErrors.rateLimited("Exact Online", limited.byRemote(), e.getMessage()),
          notBefore(limited.retryAt(), now),
          false,
          false,
          e);
    }
    if (e instanceof ExternalSystemException.NotAuthorized) {
      return new BookingFailure.Retryable(
          BookingErrors.reconnectExact(e.getMessage()), now.plus(RECONNECT_WAIT), false, false, e);
    }
    if (e instanceof ExternalSystemException.OutcomeUnknown) {
      return new BookingFailure.Retryable(
          BookingErrors.outcomeUnknown(e.getMessage()), null, true, true, e);
    }
    if (e instanceof ExternalSystemException.NotFound) {
      return new BookingFailure.Permanent(BookingErrors.exactRejected(what, e.getMessage()), e);
    }
    return new BookingFailure.Retryable(
        BookingErrors.exactUnavailable(e.getMessage()), null, true, false, e);
  }

  /** A retry time is never in the past: a wrong reset header must not make a busy loop. */
  private static Instant notBefore(Instant at, Instant now) {
    Instant soonest = now.plus(MIN_WAIT);
    return at == null || at.isBefore(soonest) ? soonest : at;
  }

  static BookingFailure fromShop(ExternalSystemException e, long orderId, Instant now) {
    if (e instanceof ExternalSystemException.RateLimited limited) {
      return new BookingFailure.Retryable(
          BookingErrors.rateLimited("KMO Shops", limited.byRemote(), e.getMessage()),
          notBefore(limited.retryAt(), now),
          false,
          false,
          e);
    }
    if (e instanceof ExternalSystemException.NotAuthorized) {
      return new BookingFailure.Retryable(
          BookingErrors.reconnectShop(e.getMessage()), now.plus(RECONNECT_WAIT), false, false, e);
    }
    if (e instanceof ExternalSystemException.NotFound) {
      return new BookingFailure.Permanent(BookingErrors.orderNotFound(orderId), e);
    }
    return new BookingFailure.Retryable(
        BookingErrors.shopUnavailable(e.getMessage()), null, true, false, e);
  }
}

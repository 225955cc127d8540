package koppel.order.domain;

/** Where an order stands in Koppel. A {@link #BOOKED} order is never booked again. */
public enum SyncState {
  /** Not processable yet (status or payment); re-checked nightly and on every change. */
  OPEN,
  /** Waiting in the queue. */
  QUEUED,
  /** An attempt is writing to the accounting system; its outcome may be unknown after a crash. */
  BOOKING,
  /** Booked; the accounting document's id and number are known. */
  BOOKED,
  /** Needs the merchant: shown on the Errors tab with a resolution. */
  FAILED,
  /** Deliberately not booked: cancelled, or placed before the integration's start date. */
  SKIPPED;

  public boolean isFinal() {
    return this == BOOKED || this == SKIPPED;
  }
}

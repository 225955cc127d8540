package koppel.order.domain;

/** Why an order is OPEN (not bookable yet) or SKIPPED (deliberately not booked). */
public enum WaitReason {
  /** OPEN: the payment status is not (yet) one the integration books. */
  WAITING_FOR_PAYMENT,
  /** OPEN: the shop reported a status Koppel does not know. */
  UNKNOWN_STATUS,
  /** OPEN: the integration is stopped. */
  INTEGRATION_STOPPED,
  /** OPEN: the 30-day trial is over and no subscription is active. */
  SUBSCRIPTION_ENDED,
  /** SKIPPED: cancelled in the shop. */
  CANCELLED,
  /** SKIPPED: placed before the integration's start date (an import books it anyway). */
  BEFORE_START_DATE
}

package koppel.account;

import java.time.Instant;
import java.util.UUID;

/** Which trial e-mails an integration was sent (implemented by persistence). */
public interface TrialNoticeStore {

  enum Kind {
    /** Seven days before the trial ends. */
    ENDING,
    /** On the day it ends. */
    ENDED
  }

  /**
   * Claims the notice: true when it was not sent before (and is now recorded as sent), false when
   * it was. Atomic, so two nodes never both send it.
   */
  boolean claim(UUID integrationId, Kind kind, Instant at);

  /** The mail that carried the notice. */
  void mailed(UUID integrationId, Kind kind, UUID mailId);

  /** Gives the claim back when the mail could not even be stored. */
  void release(UUID integrationId, Kind kind);
}

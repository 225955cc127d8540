package koppel.order.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an order stands in Koppel, and the only moves between states. Every SQL guard that changes
 * a state is derived from {@link #sourcesOf}, so this table is the single place the rules live.
 *
 * <p>The state is not the exactly-once fence: once an attempt has written an attempt id (see
 * order_sync.attempt_id), the order is looked up in Exact before any later write until it is {@link
 * #BOOKED}, whatever states it passes through meanwhile.
 */
public enum SyncState {
  /** Not processable yet (status or payment); re-checked nightly and on every change. */
  OPEN,
  /** Waiting in the queue. */
  QUEUED,
  /** A document write is under way, or its outcome is not known yet. */
  BOOKING,
  /** Booked; the accounting document's id and number are known. Never booked again. */
  BOOKED,
  /** Needs the merchant: shown on the Errors tab with a resolution. */
  FAILED,
  /** Deliberately not booked: cancelled, or placed before the integration's start date. */
  SKIPPED;

  private static final Map<SyncState, Set<SyncState>> NEXT = new EnumMap<>(SyncState.class);

  static {
    // an attempt starts from QUEUED; OPEN and FAILED go back to QUEUED on a change or Process;
    // BOOKED is adopted from wherever an earlier write is found
    NEXT.put(OPEN, EnumSet.of(OPEN, QUEUED, BOOKED, FAILED, SKIPPED));
    NEXT.put(QUEUED, EnumSet.of(OPEN, QUEUED, BOOKING, BOOKED, FAILED, SKIPPED));
    // BOOKING → BOOKING: the outcome of a write is still unknown when the attempt ends;
    // BOOKING → QUEUED: the next attempt takes over (after a crash, or to resolve an unknown
    // outcome); it looks the document up before it writes
    NEXT.put(BOOKING, EnumSet.of(OPEN, QUEUED, BOOKING, BOOKED, FAILED, SKIPPED));
    NEXT.put(BOOKED, EnumSet.noneOf(SyncState.class));
    NEXT.put(FAILED, EnumSet.of(OPEN, QUEUED, BOOKED, FAILED, SKIPPED));
    // an import re-opens an order skipped for the start date
    NEXT.put(SKIPPED, EnumSet.of(QUEUED, SKIPPED));
  }

  public boolean isFinal() {
    return this == BOOKED || this == SKIPPED;
  }

  /** True when an order in this state may move to {@code next}. */
  public boolean mayBecome(SyncState next) {
    return NEXT.get(this).contains(next);
  }

  /** Every state from which an order may move to {@code target}. */
  public static Set<SyncState> sourcesOf(SyncState target) {
    Set<SyncState> sources = EnumSet.noneOf(SyncState.class);
    for (SyncState s : values()) {
      if (s.mayBecome(target)) {
        sources.add(s);
      }
    }
    return sources;
  }
}

package koppel.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The order's states and the moves between them, checked for every one of the 36 pairs. */
class SyncStateTest {

  /**
   * Row: from; columns OPEN QUEUED BOOKING BOOKED FAILED SKIPPED; x = allowed. Written out here on
   * purpose, apart from the enum, so a changed rule shows up as a changed test.
   */
  private static final Map<SyncState, String> ALLOWED =
      Map.of(
          SyncState.OPEN, "xx.xxx",
          SyncState.QUEUED, "xxxxxx",
          SyncState.BOOKING, "xxxxxx",
          SyncState.BOOKED, "......",
          SyncState.FAILED, "xx.xxx",
          SyncState.SKIPPED, ".x...x");

  @ParameterizedTest
  @EnumSource(SyncState.class)
  void everyMoveFromThisStateIsAllowedExactlyAsTheTableSays(SyncState from) {
    for (SyncState to : SyncState.values()) {
      boolean expected = ALLOWED.get(from).charAt(to.ordinal()) == 'x';
      assertThat(from.mayBecome(to)).as("%s → %s", from, to).isEqualTo(expected);
    }
  }

  @Test
  void bookingStartsFromQueuedOrStaysBookingWhileTheOutcomeIsUnknown() {
    assertThat(SyncState.sourcesOf(SyncState.BOOKING))
        .containsExactlyInAnyOrder(SyncState.QUEUED, SyncState.BOOKING);
  }

  @Test
  void aBookedOrderNeverMovesAgain() {
    for (SyncState to : SyncState.values()) {
      assertThat(SyncState.BOOKED.mayBecome(to)).isFalse();
    }
    assertThat(SyncState.BOOKED.isFinal()).isTrue();
    assertThat(SyncState.SKIPPED.isFinal()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(SyncState.class)
  void sourcesOfAgreeWithMayBecome(SyncState to) {
    for (SyncState from : SyncState.values()) {
      assertThat(SyncState.sourcesOf(to).contains(from)).isEqualTo(from.mayBecome(to));
    }
  }
}

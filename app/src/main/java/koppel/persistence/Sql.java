package koppel.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import koppel.order.domain.SyncState;

/** Conversions between Java time/ids and JDBC, in one place. */
final class Sql {

  private Sql() {}

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  /**
   * The SQL guard for a move to {@code target}: "state in (…)" listing exactly the states {@link
   * SyncState} allows it from, minus {@code except}. Every state change in order_sync uses one.
   */
  static String movableTo(SyncState target, SyncState... except) {
    Set<SyncState> from = SyncState.sourcesOf(target);
    for (SyncState s : except) {
      from.remove(s);
    }
    return from.isEmpty()
        ? " and false"
        : " and state in ("
            + from.stream()
                .map(s -> "'" + s.name() + "'")
                .sorted()
                .collect(Collectors.joining(", "))
            + ")";
  }
}

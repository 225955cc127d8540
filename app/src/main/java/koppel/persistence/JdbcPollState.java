package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import koppel.order.port.PollState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPollState implements PollState {

  private final JdbcClient jdbc;

  JdbcPollState(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Instant> watermark(UUID integrationId) {
    return jdbc.sql("select watermark from poll_state where integration_id = :i")
        .param("i", integrationId)
        .query((rs, n) -> Optional.ofNullable(instant(rs, "watermark")))
        .optional()
        .flatMap(o -> o);
  }

  @Override
  public void polled(UUID integrationId, Instant watermark, Instant at, String result) {
    jdbc.sql(
            """
            insert into poll_state (integration_id, watermark, last_poll_at, last_result)
            values (:i, :w, :at, :r)
            on conflict (integration_id) do update set
                watermark = greatest(poll_state.watermark, excluded.watermark),
                last_poll_at = excluded.last_poll_at, last_result = excluded.last_result
            """)
        .param("i", integrationId)
        .param("w", ts(watermark))
        .param("at", ts(at))
        .param("r", result)
        .update();
  }
}

package koppel.persistence;

import static koppel.persistence.Sql.ts;

import java.time.Instant;
import java.util.UUID;
import koppel.account.TrialNoticeStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTrialNoticeStore implements TrialNoticeStore {

  private final JdbcClient jdbc;

  JdbcTrialNoticeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean claim(UUID integrationId, Kind kind, Instant at) {
    return jdbc.sql(
                "insert into trial_notice (integration_id, kind, sent_at) values (:i, :k, :at)"
                    + " on conflict do nothing")
            .param("i", integrationId)
            .param("k", kind.name())
            .param("at", ts(at))
            .update()
        == 1;
  }

  @Override
  public void mailed(UUID integrationId, Kind kind, UUID mailId) {
    jdbc.sql("update trial_notice set mail_id = :m where integration_id = :i and kind = :k")
        .param("m", mailId)
        .param("i", integrationId)
        .param("k", kind.name())
        .update();
  }

  @Override
  public void release(UUID integrationId, Kind kind) {
    jdbc.sql("delete from trial_notice where integration_id = :i and kind = :k")
        .param("i", integrationId)
        .param("k", kind.name())
        .update();
  }
}

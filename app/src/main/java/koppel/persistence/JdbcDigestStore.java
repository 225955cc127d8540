package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import koppel.digest.DigestStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDigestStore implements DigestStore {

  private final JdbcClient jdbc;

  JdbcDigestStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Instant> lastRun(UUID integrationId) {
    return jdbc.sql("select last_run_at from error_digest where integration_id = :i")
        .param("i", integrationId)
        .query((rs, n) -> instant(rs, "last_run_at"))
        .optional();
  }

  @Override
  public List<Failure> unreported(UUID integrationId) {
    return jdbc.sql(
            """
            select s.shop_order_id, s.order_number, s.error_code, s.error_message,
                   s.error_resolution, s.failed_at
              from order_sync s
             where s.integration_id = :i and s.state = 'FAILED' and s.failed_at is not null
               and not exists (select 1 from error_digest_item d
                                where d.integration_id = s.integration_id
                                  and d.shop_order_id = s.shop_order_id
                                  and d.failed_at = s.failed_at)
             order by s.failed_at, s.shop_order_id
            """)
        .param("i", integrationId)
        .query(
            (rs, n) ->
                new Failure(
                    rs.getLong("shop_order_id"),
                    rs.getString("order_number"),
                    rs.getString("error_code"),
                    rs.getString("error_message"),
                    rs.getString("error_resolution"),
                    instant(rs, "failed_at")))
        .list();
  }

  /** The reported failures first, then the run: a crash in between never reports twice. */
  @Override
  public void ran(UUID integrationId, Instant at, List<Failure> reported, boolean sent) {
    for (Failure f : reported) {
      jdbc.sql(
              """
              insert into error_digest_item (integration_id, shop_order_id, failed_at, reported_at)
              values (:i, :o, :f, :at) on conflict do nothing
              """)
          .param("i", integrationId)
          .param("o", f.shopOrderId())
          .param("f", ts(f.failedAt()))
          .param("at", ts(at))
          .update();
    }
    jdbc.sql(
            """
            insert into error_digest (integration_id, last_run_at, last_sent_at)
            values (:i, :at, :sent)
            on conflict (integration_id) do update
               set last_run_at = excluded.last_run_at,
                   last_sent_at = coalesce(excluded.last_sent_at, error_digest.last_sent_at)
            """)
        .param("i", integrationId)
        .param("at", ts(at))
        .param("sent", sent ? ts(at) : null)
        .update();
  }
}

package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import koppel.order.port.MasterDataCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMasterDataCache implements MasterDataCache {

  private final JdbcClient jdbc;

  JdbcMasterDataCache(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Entry> get(UUID integrationId, String kind) {
    return jdbc.sql(
            "select payload, fetched_at from master_data_cache"
                + " where integration_id = :i and kind = :k")
        .param("i", integrationId)
        .param("k", kind)
        .query((rs, n) -> new Entry(rs.getString("payload"), instant(rs, "fetched_at")))
        .optional();
  }

  @Override
  public void put(UUID integrationId, String kind, String json, Instant fetchedAt) {
    jdbc.sql(
            """
            insert into master_data_cache (integration_id, kind, payload, fetched_at)
            values (:i, :k, :p, :at)
            on conflict (integration_id, kind) do update
               set payload = excluded.payload, fetched_at = excluded.fetched_at
            """)
        .param("i", integrationId)
        .param("k", kind)
        .param("p", json)
        .param("at", ts(fetchedAt))
        .update();
  }

  @Override
  public void clear(UUID integrationId) {
    jdbc.sql("delete from master_data_cache where integration_id = :i")
        .param("i", integrationId)
        .update();
  }
}

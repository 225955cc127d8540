package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;
import static koppel.persistence.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import koppel.order.port.ImportJobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcImportJobs implements ImportJobs {

  private final JdbcClient jdbc;

  JdbcImportJobs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void create(ImportJob j) {
    jdbc.sql(
            """
            insert into import_job (id, integration_id, created_from, created_to, state, cursor,
                   seen, imported, total, message, created_at, updated_at)
            values (:id, :i, :from, :to, :state, :cursor, 0, 0, null, null, :now, :now)
            """)
        .param("id", j.id())
        .param("i", j.integrationId())
        .param("from", ts(j.createdFrom()))
        .param("to", ts(j.createdTo()))
        .param("state", j.state())
        .param("cursor", ts(j.cursor()))
        .param("now", ts(j.createdAt()))
        .update();
  }

  @Override
  public Optional<ImportJob> find(UUID id) {
    return jdbc.sql("select * from import_job where id = :id")
        .param("id", id)
        .query(JdbcImportJobs::map)
        .optional();
  }

  @Override
  public List<ImportJob> of(UUID integrationId) {
    return jdbc.sql("select * from import_job where integration_id = :i order by created_at desc")
        .param("i", integrationId)
        .query(JdbcImportJobs::map)
        .list();
  }

  @Override
  public void progress(
      UUID id, Instant cursor, int page, int seen, int imported, Integer total, Instant now) {
    jdbc.sql(
            "update import_job set cursor = :c, page = :p, seen = :s, imported = :imp,"
                + " total = coalesce(:t, total), updated_at = :now where id = :id")
        .param("c", ts(cursor))
        .param("p", page)
        .param("s", seen)
        .param("imp", imported)
        .param("t", total)
        .param("now", ts(now))
        .param("id", id)
        .update();
  }

  @Override
  public void finish(UUID id, String state, String message, Instant now) {
    jdbc.sql(
            "update import_job set state = :state, message = :m, updated_at = :now"
                + " where id = :id and state = 'RUNNING'")
        .param("state", state)
        .param("m", message)
        .param("now", ts(now))
        .param("id", id)
        .update();
  }

  @Override
  public boolean cancel(UUID id, String message, Instant now) {
    return jdbc.sql(
                "update import_job set state = 'CANCELLED', message = :m, updated_at = :now"
                    + " where id = :id and state = 'RUNNING'")
            .param("m", message)
            .param("now", ts(now))
            .param("id", id)
            .update()
        == 1;
  }

  private static ImportJob map(ResultSet rs, int n) throws SQLException {
    Integer total = rs.getObject("total", Integer.class);
    return new ImportJob(
        uuid(rs, "id"),
        uuid(rs, "integration_id"),
        instant(rs, "created_from"),
        instant(rs, "created_to"),
        rs.getString("state"),
        instant(rs, "cursor"),
        rs.getInt("page"),
        rs.getInt("seen"),
        rs.getInt("imported"),
        total,
        rs.getString("message"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}

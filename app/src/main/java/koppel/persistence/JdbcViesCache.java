package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;

import java.time.Instant;
import java.util.Optional;
import koppel.vat.ViesCache;
import koppel.vat.ViesResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcViesCache implements ViesCache {

  private final JdbcClient jdbc;

  public JdbcViesCache(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ViesResult> find(String prefix, String number, Instant notBefore) {
    return jdbc.sql(
            "select * from vies_check where prefix = :p and number = :n"
                + " and checked_at >= :since order by checked_at desc limit 1")
        .param("p", prefix)
        .param("n", number)
        .param("since", ts(notBefore))
        .query(
            (rs, i) ->
                new ViesResult(
                    ViesResult.Status.valueOf(rs.getString("status")),
                    rs.getString("request_identifier"),
                    rs.getString("name"),
                    rs.getString("address"),
                    instant(rs, "checked_at"),
                    null))
        .optional();
  }

  @Override
  public void store(String prefix, String number, ViesResult result) {
    jdbc.sql(
            "insert into vies_check (prefix, number, status, request_identifier, name, address,"
                + " checked_at) values (:p, :n, :s, :rid, :name, :address, :at)")
        .param("p", prefix)
        .param("n", number)
        .param("s", result.status().name())
        .param("rid", result.requestIdentifier())
        .param("name", result.name())
        .param("address", result.address())
        .param("at", ts(result.checkedAt()))
        .update();
  }
}

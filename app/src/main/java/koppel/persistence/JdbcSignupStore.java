package koppel.persistence;

import static koppel.persistence.Sql.ts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import koppel.account.SignupStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class JdbcSignupStore implements SignupStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcSignupStore(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public Optional<UUID> claim(SignupRecord s, Instant since) {
    return tx.execute(
        status -> {
          // one sign-up per e-mail address at a time, on every node: a transaction-scoped lock
          jdbc.sql("select pg_advisory_xact_lock(hashtext('signup|' || :e))")
              .param("e", s.email())
              .query((rs, n) -> 1)
              .list();
          Optional<UUID> earlier =
              jdbc.sql(
                      "select integration_id from signup where email = :e and name_key = :n"
                          + " and created_at > :since order by created_at desc limit 1")
                  .param("e", s.email())
                  .param("n", s.nameKey())
                  .param("since", ts(since))
                  .query(UUID.class)
                  .optional();
          if (earlier.isPresent()) {
            return earlier;
          }
          jdbc.sql(
                  """
                  insert into signup (id, email, name_key, integration_id, shop_country, language,
                         terms_version, created_at)
                  values (:id, :e, :n, :integration, :country, :language, :terms, :at)
                  """)
              .param("id", s.id())
              .param("e", s.email())
              .param("n", s.nameKey())
              .param("integration", s.integrationId())
              .param("country", s.shopCountry())
              .param("language", s.language())
              .param("terms", s.termsVersion())
              .param("at", ts(s.createdAt()))
              .update();
          return Optional.<UUID>empty();
        });
  }

  @Override
  public void release(UUID signupId) {
    jdbc.sql("delete from signup where id = :id").param("id", signupId).update();
  }
}

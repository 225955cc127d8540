package koppel.persistence;

import static koppel.persistence.Sql.instant;
import static koppel.persistence.Sql.ts;
import static koppel.persistence.Sql.uuid;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import koppel.integration.Integration;
import koppel.integration.IntegrationSettings;
import koppel.integration.IntegrationStore;
import koppel.integration.PaymentMethodDebtor;
import koppel.integration.VatMapping;
import koppel.order.domain.BookingMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class JdbcIntegrationStore implements IntegrationStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  JdbcIntegrationStore(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public void create(Integration i) {
    tx.executeWithoutResult(
        s -> {
          jdbc.sql(
                  """
                  insert into integration (id, licence_key, name, owner_email, owner_login,
                         login_id, shop_country, state, start_date, trial_ends_at,
                         subscription_active, created_at, updated_at)
                  values (:id, :key, :name, :email, :login, :loginId, :country, :state, :start,
                          :trial, :subscription, :created, :created)
                  """)
              .param("id", i.id())
              .param("key", i.licenceKey())
              .param("name", i.name())
              .param("email", i.ownerEmail())
              .param("login", i.ownerLogin())
              .param("loginId", i.loginId())
              .param("subscription", i.subscriptionActive())
              .param("country", i.shopCountry())
              .param("state", i.state().name())
              .param("start", i.startDate() == null ? null : Date.valueOf(i.startDate()))
              .param("trial", ts(i.trialEndsAt()))
              .param("created", ts(i.createdAt()))
              .update();
          saveSettings(IntegrationSettings.defaults(i.id()));
        });
  }

  @Override
  public Optional<Integration> find(UUID id) {
    return jdbc.sql("select * from integration where id = :id")
        .param("id", id)
        .query(JdbcIntegrationStore::map)
        .optional();
  }

  @Override
  public List<Integration> all() {
    return jdbc.sql("select * from integration order by created_at")
        .query(JdbcIntegrationStore::map)
        .list();
  }

  @Override
  public void setState(UUID integrationId, Integration.State state) {
    jdbc.sql("update integration set state = :s, updated_at = :now where id = :id")
        .param("s", state.name())
        .param("now", ts(clock.instant()))
        .param("id", integrationId)
        .update();
  }

  @Override
  public void setSubscriptionActive(UUID integrationId, boolean active) {
    set(integrationId, "subscription_active", active);
  }

  /** One column of the integration, changed now ({@code column} is one of ours, never input). */
  private void set(UUID integrationId, String column, Object value) {
    jdbc.sql("update integration set " + column + " = :v, updated_at = :now where id = :id")
        .param("v", value)
        .param("now", ts(clock.instant()))
        .param("id", integrationId)
        .update();
  }

  @Override
  public void setConfigured(UUID integrationId, Instant at) {
    jdbc.sql("update integration set configured_at = :at, updated_at = :at where id = :id")
        .param("at", ts(at))
        .param("id", integrationId)
        .update();
  }

  @Override
  public void setStartDate(UUID integrationId, java.time.LocalDate startDate) {
    set(integrationId, "start_date", startDate == null ? null : Date.valueOf(startDate));
  }

  @Override
  public void setNotificationEmail(UUID integrationId, String email) {
    set(integrationId, "notification_email", email);
  }

  @Override
  public void remove(UUID integrationId, Instant at) {
    jdbc.sql("update integration set removed_at = :at, updated_at = :at where id = :id")
        .param("at", ts(at))
        .param("id", integrationId)
        .update();
  }

  @Override
  public IntegrationSettings settings(UUID integrationId) {
    return jdbc.sql("select * from settings where integration_id = :id")
        .param("id", integrationId)
        .query(JdbcIntegrationStore::mapSettings)
        .optional()
        .orElseGet(() -> IntegrationSettings.defaults(integrationId));
  }

  @Override
  public void saveSettings(IntegrationSettings s) {
    jdbc.sql(
            """
            insert into settings (integration_id, booking_mode, vat_type, sales_journal,
                   cash_journal, payment_condition, warehouse_id, processable_payment_statuses,
                   direct_invoice, ledger_mapping_disabled, currency_enabled,
                   fallback_debtor_id, fallback_debtor_name, fallback_debtor_code, entry_amounts,
                   updated_at)
            values (:id, :mode, :vat, :sj, :cj, :pc, :wh, :pps, :di, :lmd, :ce, :fd, :fdn, :fdc,
                    :ea, :now)
            on conflict (integration_id) do update set
                   booking_mode = excluded.booking_mode, vat_type = excluded.vat_type,
                   sales_journal = excluded.sales_journal, cash_journal = excluded.cash_journal,
                   payment_condition = excluded.payment_condition,
                   warehouse_id = excluded.warehouse_id,
                   processable_payment_statuses = excluded.processable_payment_statuses,
                   direct_invoice = excluded.direct_invoice,
                   ledger_mapping_disabled = excluded.ledger_mapping_disabled,
                   currency_enabled = excluded.currency_enabled,
                   fallback_debtor_id = excluded.fallback_debtor_id,
                   fallback_debtor_name = excluded.fallback_debtor_name,
                   fallback_debtor_code = excluded.fallback_debtor_code,
                   entry_amounts = excluded.entry_amounts, updated_at = excluded.updated_at
            """)
        .param("id", s.integrationId())
        .param("mode", s.bookingMode().name())
        .param("vat", s.vatIncluding() ? "I" : "E")
        .param("sj", s.salesJournal())
        .param("cj", s.cashJournal())
        .param("pc", s.paymentCondition())
        .param("wh", s.warehouseId())
        .param("pps", String.join(",", s.processablePaymentStatuses().stream().sorted().toList()))
        .param("di", s.directInvoice())
        .param("lmd", s.ledgerMappingDisabled())
        .param("ce", s.currencyEnabled())
        .param("fd", s.fallbackDebtorId())
        .param("fdn", s.fallbackDebtorName())
        .param("fdc", s.fallbackDebtorCode())
        .param("ea", s.entryAmounts().name())
        .param("now", ts(clock.instant()))
        .update();
  }

  @Override
  public List<VatMapping> vatMappings(UUID integrationId) {
    return jdbc.sql(
            "select * from vat_mapping where integration_id = :id order by kind, country, rate")
        .param("id", integrationId)
        .query(
            (rs, n) ->
                new VatMapping(
                    VatMapping.Kind.valueOf(rs.getString("kind")),
                    rs.getString("country"),
                    rs.getBigDecimal("rate"),
                    rs.getString("vat_code"),
                    uuid(rs, "gl_account")))
        .list();
  }

  @Override
  public void replaceVatMappings(UUID integrationId, List<VatMapping> rows) {
    tx.executeWithoutResult(
        s -> {
          jdbc.sql("delete from vat_mapping where integration_id = :id")
              .param("id", integrationId)
              .update();
          for (VatMapping row : rows) {
            jdbc.sql(
                    """
                    insert into vat_mapping (integration_id, kind, country, rate, vat_code,
                           gl_account)
                    values (:id, :kind, :country, :rate, :code, :gl)
                    """)
                .param("id", integrationId)
                .param("kind", row.kind().name())
                .param("country", row.country() == null ? "" : row.country())
                .param("rate", row.rate())
                .param("code", row.vatCode())
                .param("gl", row.glAccount())
                .update();
          }
        });
  }

  @Override
  public List<PaymentMethodDebtor> paymentMethodDebtors(UUID integrationId) {
    return jdbc.sql(
            "select payment_method_code, account_id, account_name, account_code"
                + " from payment_method_debtor where integration_id = :id"
                + " order by payment_method_code")
        .param("id", integrationId)
        .query(
            (rs, n) ->
                new PaymentMethodDebtor(
                    rs.getString("payment_method_code"),
                    uuid(rs, "account_id"),
                    rs.getString("account_name"),
                    rs.getString("account_code")))
        .list();
  }

  @Override
  public void replacePaymentMethodDebtors(UUID integrationId, List<PaymentMethodDebtor> rows) {
    tx.executeWithoutResult(
        s -> {
          jdbc.sql("delete from payment_method_debtor where integration_id = :id")
              .param("id", integrationId)
              .update();
          for (PaymentMethodDebtor row : rows) {
            jdbc.sql(
                    """
                    insert into payment_method_debtor (integration_id, payment_method_code,
                           account_id, account_name, account_code)
                    values (:id, :code, :account, :name, :accountCode)
                    """)
                .param("id", integrationId)
                .param("code", row.paymentMethodCode())
                .param("account", row.accountId())
                .param("name", row.accountName())
                .param("accountCode", row.accountCode())
                .update();
          }
        });
  }

  @Override
  public void clearDivisionReferences(UUID integrationId) {
    tx.executeWithoutResult(
        s -> {
          jdbc.sql(
                  "update settings set warehouse_id = null, fallback_debtor_id = null,"
                      + " fallback_debtor_name = null, fallback_debtor_code = null,"
                      + " updated_at = :now"
                      + " where integration_id = :id")
              .param("id", integrationId)
              .param("now", ts(clock.instant()))
              .update();
          jdbc.sql("delete from payment_method_debtor where integration_id = :id")
              .param("id", integrationId)
              .update();
          jdbc.sql("update vat_mapping set gl_account = null where integration_id = :id")
              .param("id", integrationId)
              .update();
        });
  }

  @Override
  public Optional<String> divisionFact(UUID integrationId, String division, String fact) {
    return jdbc.sql(
            "select value from exact_division_fact"
                + " where integration_id = :id and division = :d and fact = :f")
        .param("id", integrationId)
        .param("d", division)
        .param("f", fact)
        .query(String.class)
        .optional();
  }

  @Override
  public void learnDivisionFact(
      UUID integrationId, String division, String fact, String value, String evidence) {
    jdbc.sql(
            """
            insert into exact_division_fact (integration_id, division, fact, value, learned_at,
                   evidence)
            values (:id, :d, :f, :v, :now, :e)
            on conflict (integration_id, division, fact) do update set
                   value = excluded.value, learned_at = excluded.learned_at,
                   evidence = excluded.evidence
            """)
        .param("id", integrationId)
        .param("d", division)
        .param("f", fact)
        .param("v", value)
        .param("e", evidence)
        .param("now", ts(clock.instant()))
        .update();
  }

  static Integration map(ResultSet rs, int row) throws SQLException {
    Date start = rs.getDate("start_date");
    return new Integration(
        uuid(rs, "id"),
        rs.getString("licence_key"),
        rs.getString("name"),
        rs.getString("owner_email"),
        rs.getString("owner_login"),
        rs.getString("shop_country"),
        Integration.State.valueOf(rs.getString("state")),
        start == null ? null : start.toLocalDate(),
        instant(rs, "trial_ends_at"),
        instant(rs, "created_at"),
        uuid(rs, "login_id"),
        rs.getBoolean("subscription_active"),
        instant(rs, "configured_at"),
        rs.getString("notification_email"));
  }

  private static IntegrationSettings mapSettings(ResultSet rs, int row) throws SQLException {
    return new IntegrationSettings(
        uuid(rs, "integration_id"),
        BookingMode.valueOf(rs.getString("booking_mode")),
        "I".equals(rs.getString("vat_type")),
        rs.getString("sales_journal"),
        rs.getString("cash_journal"),
        rs.getString("payment_condition"),
        uuid(rs, "warehouse_id"),
        Arrays.stream(rs.getString("processable_payment_statuses").split(","))
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .collect(Collectors.toSet()),
        rs.getBoolean("direct_invoice"),
        rs.getBoolean("ledger_mapping_disabled"),
        rs.getBoolean("currency_enabled"),
        uuid(rs, "fallback_debtor_id"),
        rs.getString("fallback_debtor_name"),
        IntegrationSettings.EntryAmounts.valueOf(rs.getString("entry_amounts")),
        rs.getString("fallback_debtor_code"));
  }
}

package sandbox.exact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** All divisions of the sandbox, and the one lock that guards their data. */
@Component
public class DivisionStore {

  /** Exact's dates are Amsterdam wall-clock time. */
  static final ZoneId EXACT_ZONE = ZoneId.of("Europe/Amsterdam");

  private final Map<Integer, Division> divisions = new LinkedHashMap<>();
  private final EntityCatalog catalog;
  private final ExactSandboxProperties props;
  private final SandboxClock clock;
  private int nextCode = 100_001;

  public DivisionStore(EntityCatalog catalog, ExactSandboxProperties props, SandboxClock clock) {
    this.catalog = catalog;
    this.props = props;
    this.clock = clock;
  }

  /** Everything that reads or writes division data synchronises on this. */
  public Object lock() {
    return this;
  }

  public synchronized Division create(String country, Integer code, String description) {
    return create(country, code, description, null);
  }

  public synchronized Division create(
      String country, Integer code, String description, String vatNumber) {
    Templates.Template t = Templates.of(country);
    int divisionCode = code != null ? code : nextCode++;
    if (divisions.containsKey(divisionCode)) {
      throw new IllegalArgumentException("Division " + divisionCode + " exists");
    }
    Division d =
        new Division(
            divisionCode,
            description != null ? description : "Demo " + country + " " + divisionCode,
            country,
            "EUR",
            t.legislation(),
            vatNumber,
            now());
    for (Templates.VatCode v : t.vatCodes()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("Code", v.code());
      r.put("Description", v.description());
      r.put("Type", v.type());
      r.put("VATTransactionType", v.transaction());
      r.put("Percentage", percentage(v.percent()));
      r.put("IsBlocked", false);
      r.put("OssCountry", v.ossCountry());
      r.put("EUSalesListing", v.euSalesListing() == null ? "N" : v.euSalesListing());
      r.put("Charged", false);
      insert(d, "vat/VATCodes", r);
    }
    for (Templates.GlAccount g : t.glAccounts()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("Code", g.code());
      r.put("Description", g.description());
      r.put("BalanceType", g.balanceType());
      r.put("BalanceSide", g.balanceSide());
      r.put("Type", g.type());
      r.put("IsBlocked", false);
      insert(d, "financial/GLAccounts", r);
    }
    for (Templates.Journal j : t.journals()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("Code", j.code());
      r.put("Description", j.description());
      r.put("Type", j.type());
      r.put("AllowVAT", true);
      r.put("IsBlocked", false);
      r.put("Currency", "EUR");
      insert(d, "financial/Journals", r);
    }
    for (Templates.PaymentCondition p : t.conditions()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("Code", p.code());
      r.put("Description", p.description());
      r.put("PaymentDays", p.days());
      r.put("PaymentMethod", p.method());
      insert(d, "cashflow/PaymentConditions", r);
    }
    for (Templates.Warehouse w : t.warehouses()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("Code", w.code());
      r.put("Description", w.description());
      r.put("Main", w.main() ? 1 : 0);
      insert(d, "inventory/Warehouses", r);
    }
    divisions.put(divisionCode, d);
    return d;
  }

  public synchronized Optional<Division> find(int code) {
    return Optional.ofNullable(divisions.get(code));
  }

  public synchronized List<Division> all() {
    return new ArrayList<>(divisions.values());
  }

  /** All divisions, for the sandbox's state file. */
  synchronized java.io.Serializable snapshot() {
    return new Object[] {new LinkedHashMap<>(divisions), nextCode};
  }

  @SuppressWarnings("unchecked")
  synchronized void restore(java.io.Serializable snapshot) {
    Object[] s = (Object[]) snapshot;
    divisions.putAll((Map<Integer, Division>) s[0]);
    nextCode = (Integer) s[1];
    // rows from a state file written before they had a Timestamp get one, in stored order
    for (Division d : divisions.values()) {
      for (EntityCatalog.Entity e : catalog.all().values()) {
        if (e.fields().containsKey("Timestamp")) {
          for (Map<String, Object> row : d.table(e.path()).values()) {
            if (row.get("Timestamp") == null) {
              row.put("Timestamp", d.nextTimestamp());
            }
          }
        }
      }
    }
  }

  /** Exact's EntityType in sync/Deleted for the entities whose deletions are logged (§8.2). */
  static final Map<String, Integer> DELETED_ENTITY_TYPES =
      Map.of("crm/Accounts", 2, "crm/Addresses", 3, "logistics/Items", 9);

  /** A changed row gets a new Timestamp (row version) if its entity has one. Caller holds lock. */
  void touched(Division d, String entity, Map<String, Object> row) {
    if (catalog.get(entity).fields().containsKey("Timestamp")) {
      row.put("Timestamp", d.nextTimestamp());
    }
  }

  /**
   * Deletes a row; an account, address or item leaves an entry in the sync/Deleted log with a new
   * Timestamp. False when there was no such row. Caller holds the lock.
   */
  boolean delete(Division d, String entity, UUID id, UUID deletedBy) {
    if (d.table(entity).remove(id) == null) {
      return false;
    }
    Integer type = DELETED_ENTITY_TYPES.get(entity);
    if (type != null) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("ID", UUID.randomUUID());
      entry.put("EntityKey", id);
      entry.put("EntityType", type);
      entry.put("DeletedBy", deletedBy);
      entry.put("DeletedDate", now());
      entry.put("Division", d.code);
      entry.put("Timestamp", d.nextTimestamp());
      d.deleted().add(entry);
    }
    return true;
  }

  public synchronized void reset() {
    divisions.clear();
    nextCode = 100_001;
  }

  /** Stores a new row with the fields Exact fills itself (ID, Created, Modified, Division). */
  Map<String, Object> insert(Division d, String entity, Map<String, Object> values) {
    EntityCatalog.Entity e = catalog.get(entity);
    Map<String, Object> row = new LinkedHashMap<>(values);
    UUID id = row.get(e.key().name()) instanceof UUID given ? given : UUID.randomUUID();
    row.put(e.key().name(), id);
    LocalDateTime now = now();
    if (e.fields().containsKey("Created")) {
      row.put("Created", now);
    }
    if (e.fields().containsKey("Modified")) {
      row.put("Modified", now);
    }
    if (e.fields().containsKey("Division")) {
      row.put("Division", d.code);
    }
    if (e.fields().containsKey("Timestamp")) {
      row.put("Timestamp", d.nextTimestamp());
    }
    d.table(entity).put(id, row);
    return row;
  }

  LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), EXACT_ZONE);
  }

  /** A VAT percentage as the API shows it: a fraction (0.21) by default, or percent. */
  Object percentage(BigDecimal percent) {
    return props.percentagesAsFractions()
        ? percent.divide(BigDecimal.valueOf(100), 4, RoundingMode.UNNECESSARY).stripTrailingZeros()
        : percent;
  }

  /** The rate of a VAT code as a fraction, whatever the display form. */
  BigDecimal fraction(Map<String, Object> vatCode) {
    BigDecimal p = new BigDecimal(vatCode.get("Percentage").toString());
    return p.compareTo(BigDecimal.ONE) > 0 || !props.percentagesAsFractions()
        ? p.divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP)
        : p;
  }
}

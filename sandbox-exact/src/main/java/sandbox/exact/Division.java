package sandbox.exact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One Exact administration: its master data and documents, one table per entity. Rows are maps of
 * Exact field names to Java values (UUID, String, BigDecimal, Integer, Boolean, LocalDateTime).
 * Data of one division never shows in another.
 */
public final class Division implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  public final int code;
  public final String description;
  public final String country;
  public final String currency;
  public final String legislation;

  /** The division's VAT number, when the admin API gave one (system/Divisions, current/Me). */
  public final String vatNumber;

  /** When the division was created (null in state files from before this field). */
  public final java.time.LocalDateTime created;

  private final Map<String, LinkedHashMap<UUID, Map<String, Object>>> tables = new HashMap<>();

  /**
   * The last row version given out: one counter per division for the {@code Timestamp} of accounts,
   * addresses, items and deletion-log entries (reference §8.1), never wall-clock time.
   */
  long timestamp = 1;

  /** The sync/Deleted log, oldest first (null in state files from before it existed). */
  private ArrayList<Map<String, Object>> deleted;

  int nextItemNumber = 1;
  int nextInvoiceNumber;
  int nextOrderNumber;
  int nextEntryNumber;

  Division(
      int code,
      String description,
      String country,
      String currency,
      String legislation,
      String vatNumber,
      java.time.LocalDateTime created) {
    this.code = code;
    this.description = description;
    this.country = country;
    this.currency = currency;
    this.legislation = legislation;
    this.vatNumber = vatNumber;
    this.created = created;
    int year = 26;
    this.nextInvoiceNumber = year * 1_000_000 + 1;
    this.nextOrderNumber = 1;
    this.nextEntryNumber = year * 1_000_000 + 70_001;
  }

  public LinkedHashMap<UUID, Map<String, Object>> table(String entity) {
    return tables.computeIfAbsent(entity, k -> new LinkedHashMap<>());
  }

  public List<Map<String, Object>> rows(String entity) {
    return new ArrayList<>(table(entity).values());
  }

  public Map<String, Object> row(String entity, UUID id) {
    return table(entity).get(id);
  }

  long nextTimestamp() {
    return ++timestamp;
  }

  /** The deletion log of sync/Deleted, oldest first. */
  List<Map<String, Object>> deleted() {
    if (deleted == null) {
      deleted = new ArrayList<>();
    }
    return deleted;
  }
}

package sandbox.exact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Creating records as Exact does: mandatory fields, references that must exist, customers that must
 * be customers, sales journals, revenue accounts, VAT codes; then Exact's own fields (codes,
 * numbers, statuses) and the amounts and VAT computed from the lines and VAT codes.
 */
@Component
class Writes {

  static final String VAT_ON_NO_VAT_CODE =
      "Een btw bedrag is niet toegestaan als u gebruikmaakt van een btw-code van het type"
          + " \"geen btw\"";

  private final EntityCatalog catalog;
  private final DivisionStore store;
  private final ExactSandboxProperties props;
  private final RequestReader reader;

  Writes(EntityCatalog catalog, DivisionStore store, ExactSandboxProperties props) {
    this.catalog = catalog;
    this.store = store;
    this.props = props;
    this.reader = new RequestReader(catalog);
  }

  /**
   * Creates the record with the computation knobs in {@code behaviour}; returns the stored header
   * row. Caller holds the store lock.
   */
  Map<String, Object> create(
      Division d, EntityCatalog.Entity entity, JsonNode body, Behaviour.Values behaviour) {
    Map<String, Object> v = reader.read(entity, body);
    List<String> errors = new ArrayList<>();
    mandatory(entity, v, errors, null);
    Map<String, Object> created =
        switch (entity.path()) {
          case "crm/Accounts" -> account(d, v, errors);
          case "crm/Addresses" -> address(d, v, errors);
          case "logistics/Items" -> item(d, v, errors);
          case "salesinvoice/SalesInvoices" -> invoice(d, v, errors, behaviour);
          case "salesorder/SalesOrders" -> order(d, v, errors, behaviour);
          case "salesentry/SalesEntries" -> entry(d, v, errors, behaviour);
          default -> {
            fail(errors);
            yield store.insert(d, entity.path(), withoutLines(v));
          }
        };
    return created;
  }

  // --- master data -------------------------------------------------------------------------

  private Map<String, Object> account(Division d, Map<String, Object> v, List<String> errors) {
    String code = (String) v.get("Code");
    if (code != null) {
      code = pad(code.trim());
      String wanted = code;
      if (d.rows("crm/Accounts").stream().anyMatch(a -> wanted.equals(a.get("Code")))) {
        errors.add("In gebruik: Code");
      }
    } else {
      code = pad(Integer.toString(nextAccountCode(d)));
    }
    reference(
        d,
        "cashflow/PaymentConditions",
        "Code",
        v.get("PaymentConditionSales"),
        "PaymentConditionSales",
        errors);
    vatCodeReference(d, v.get("SalesVATCode"), errors);
    fail(errors);
    v.put("Code", code);
    if (v.get("Country") instanceof String c) {
      v.put("Country", c.toUpperCase(Locale.ROOT));
    }
    v.putIfAbsent("Status", null);
    v.put("IsSales", "C".equals(v.get("Status")));
    v.put("Type", "A");
    v.put("Blocked", Boolean.TRUE.equals(v.get("Blocked")));
    return store.insert(d, "crm/Accounts", v);
  }

  /** Highest numeric code + 1 among the existing accounts, as Exact does (reference §5.1). */
  private static int nextAccountCode(Division d) {
    int highest =
        d.rows("crm/Accounts").stream()
            .map(a -> ((String) a.get("Code")).trim())
            .filter(c -> c.matches("\\d{1,9}"))
            .mapToInt(Integer::parseInt)
            .max()
            .orElse(0);
    return highest + 1;
  }

  private Map<String, Object> address(Division d, Map<String, Object> v, List<String> errors) {
    reference(d, "crm/Accounts", "ID", v.get("Account"), "Account", errors);
    fail(errors);
    for (Map<String, Object> existing : d.rows("crm/Addresses")) {
      boolean same = true;
      for (String f :
          List.of(
              "Account", "Type", "AddressLine1", "AddressLine2", "Postcode", "City", "Country")) {
        same &= Objects.equals(norm(existing.get(f)), norm(v.get(f)));
      }
      if (same) {
        return existing;
      }
    }
    return store.insert(d, "crm/Addresses", v);
  }

  private Map<String, Object> item(Division d, Map<String, Object> v, List<String> errors) {
    String code = (String) v.get("Code");
    if (code != null
        && d.rows("logistics/Items").stream()
            .anyMatch(i -> code.trim().equalsIgnoreCase(((String) i.get("Code")).trim()))) {
      errors.add("In gebruik: Code");
    }
    vatCodeReference(d, v.get("SalesVatCode"), errors);
    reference(d, "financial/GLAccounts", "ID", v.get("GLRevenue"), "GLRevenue", errors);
    fail(errors);
    v.putIfAbsent("IsSalesItem", true);
    v.putIfAbsent("IsStockItem", false);
    v.putIfAbsent("IsFractionAllowedItem", true);
    v.putIfAbsent("Unit", "stuk");
    return store.insert(d, "logistics/Items", v);
  }

  // --- documents ---------------------------------------------------------------------------

  private Map<String, Object> invoice(
      Division d, Map<String, Object> v, List<String> errors, Behaviour.Values behaviour) {
    List<Map<String, Object>> lines = lines(v, "SalesInvoiceLines", errors);
    // on invoices Exact checks the customer type on "Factuur voor" only (picqer #172): a
    // non-customer gives one "Ongeldig: Factuur voor (Type)", not a second message for OrderedBy
    Map<String, Object> orderedBy =
        reference(d, "crm/Accounts", "ID", v.get("OrderedBy"), "OrderedBy", errors);
    v.putIfAbsent("InvoiceTo", v.get("OrderedBy"));
    Map<String, Object> invoiceTo = customer(d, v.get("InvoiceTo"), "InvoiceTo", errors);
    salesJournal(d, v.get("Journal"), errors);
    reference(
        d,
        "cashflow/PaymentConditions",
        "Code",
        v.get("PaymentCondition"),
        "PaymentCondition",
        errors);
    int type = v.get("Type") == null ? 8020 : (Integer) v.get("Type");
    if (!List.of(8020, 8021, 8023, 8024).contains(type)) {
      errors.add("Ongeldig: Type");
    }
    boolean direct = type == 8023 || type == 8024;
    if (direct && v.get("Warehouse") == null) {
      errors.add("Verplicht: Magazijn");
    } else if (!direct && v.get("Warehouse") != null) {
      errors.add("Niet toegestaan: Magazijn");
    }
    reference(d, "inventory/Warehouses", "ID", v.get("Warehouse"), "Warehouse", errors);
    List<LineCalc> calcs = new ArrayList<>();
    for (Map<String, Object> line : lines) {
      calcs.add(itemLine(d, line, errors, true, "VATAmountFC", behaviour));
    }
    fail(errors);
    List<Map<String, Object>> computed = amounts(calcs, behaviour, v, true);
    LocalDateTime now = store.now();
    v.put("Type", type);
    v.putIfAbsent("OrderDate", now.toLocalDate().atStartOfDay());
    v.put("InvoiceDate", v.get("OrderDate"));
    v.put("Status", 20);
    v.put("StatusDescription", "Open");
    v.putIfAbsent("Currency", d.currency);
    v.put("InvoiceNumber", props.invoiceNumberAtEntry() ? d.nextInvoiceNumber++ : null);
    v.put("OrderedByName", orderedBy == null ? null : orderedBy.get("Name"));
    v.put("InvoiceToName", invoiceTo == null ? null : invoiceTo.get("Name"));
    v.put("DueDate", due(d, v, invoiceTo, "OrderDate"));
    return storeDocument(
        d,
        "salesinvoice/SalesInvoices",
        "salesinvoice/SalesInvoiceLines",
        "InvoiceID",
        v,
        "SalesInvoiceLines",
        computed);
  }

  private Map<String, Object> order(
      Division d, Map<String, Object> v, List<String> errors, Behaviour.Values behaviour) {
    List<Map<String, Object>> lines = lines(v, "SalesOrderLines", errors);
    Map<String, Object> orderedBy = customer(d, v.get("OrderedBy"), "OrderedBy", errors);
    v.putIfAbsent("InvoiceTo", v.get("OrderedBy"));
    v.putIfAbsent("DeliverTo", v.get("OrderedBy"));
    customer(d, v.get("InvoiceTo"), "InvoiceTo", errors);
    reference(d, "crm/Accounts", "ID", v.get("DeliverTo"), "DeliverTo", errors);
    reference(d, "crm/Addresses", "ID", v.get("DeliveryAddress"), "DeliveryAddress", errors);
    reference(d, "inventory/Warehouses", "ID", v.get("WarehouseID"), "WarehouseID", errors);
    reference(
        d,
        "cashflow/PaymentConditions",
        "Code",
        v.get("PaymentCondition"),
        "PaymentCondition",
        errors);
    List<LineCalc> calcs = new ArrayList<>();
    for (Map<String, Object> line : lines) {
      calcs.add(itemLine(d, line, errors, false, "VATAmount", behaviour));
    }
    fail(errors);
    List<Map<String, Object>> computed = amounts(calcs, behaviour, v, true);
    v.putIfAbsent("OrderDate", store.now().toLocalDate().atStartOfDay());
    if (v.get("WarehouseID") == null) {
      d.rows("inventory/Warehouses").stream()
          .filter(w -> Integer.valueOf(1).equals(w.get("Main")))
          .findFirst()
          .ifPresent(w -> v.put("WarehouseID", w.get("ID")));
    }
    v.put("Status", 12);
    v.put("StatusDescription", "Open");
    v.put("DeliveryStatus", 12);
    v.put("InvoiceStatus", 12);
    v.putIfAbsent("ApprovalStatus", 1);
    v.putIfAbsent("Currency", d.currency);
    v.putIfAbsent("OrderNumber", d.nextOrderNumber++);
    v.put("OrderedByName", orderedBy == null ? null : orderedBy.get("Name"));
    return storeDocument(
        d,
        "salesorder/SalesOrders",
        "salesorder/SalesOrderLines",
        "OrderID",
        v,
        "SalesOrderLines",
        computed);
  }

  private Map<String, Object> entry(
      Division d, Map<String, Object> v, List<String> errors, Behaviour.Values behaviour) {
    List<Map<String, Object>> lines = lines(v, "SalesEntryLines", errors);
    Map<String, Object> customer = customer(d, v.get("Customer"), "Customer", errors);
    salesJournal(d, v.get("Journal"), errors);
    reference(
        d,
        "cashflow/PaymentConditions",
        "Code",
        v.get("PaymentCondition"),
        "PaymentCondition",
        errors);
    if (v.get("EntryNumber") != null
        && d.rows("salesentry/SalesEntries").stream()
            .anyMatch(
                e ->
                    Objects.equals(e.get("EntryNumber"), v.get("EntryNumber"))
                        && Objects.equals(e.get("Journal"), v.get("Journal")))) {
      errors.add("In gebruik: Boekstuknummer");
    }
    List<LineCalc> calcs = new ArrayList<>();
    for (Map<String, Object> line : lines) {
      calcs.add(entryLine(d, line, errors, behaviour));
    }
    fail(errors);
    List<Map<String, Object>> computed = amounts(calcs, behaviour, v, false);
    LocalDateTime date =
        v.get("EntryDate") == null
            ? store.now().toLocalDate().atStartOfDay()
            : (LocalDateTime) v.get("EntryDate");
    v.put("EntryDate", date);
    v.putIfAbsent("EntryNumber", d.nextEntryNumber++);
    v.put("Status", props.salesEntryStatus());
    v.put("StatusDescription", props.salesEntryStatus() == 50 ? "Verwerkt" : "Open");
    v.put("Type", 20);
    v.put("TypeDescription", "Verkoopfactuur");
    v.putIfAbsent("Currency", d.currency);
    v.putIfAbsent("ReportingYear", date.getYear());
    v.putIfAbsent("ReportingPeriod", date.getMonthValue());
    v.put("CustomerName", customer == null ? null : customer.get("Name"));
    v.put("DueDate", due(d, v, customer, "EntryDate"));
    return storeDocument(
        d,
        "salesentry/SalesEntries",
        "salesentry/SalesEntryLines",
        "EntryID",
        v,
        "SalesEntryLines",
        computed);
  }

  /** A line checked and ready for the amounts: its row so far and what the amounts need. */
  private record LineCalc(Map<String, Object> out, Amounts.Line line, String kind) {}

  /**
   * An invoice or order line: item, VAT code, GL account; the line amount from quantity, price and
   * discount (or net price), rounded per the line rounding knob. The explicit VAT amount is {@code
   * VATAmountFC} on invoice lines and {@code VATAmount} on order lines.
   */
  private LineCalc itemLine(
      Division d,
      Map<String, Object> line,
      List<String> errors,
      boolean withGl,
      String vatField,
      Behaviour.Values behaviour) {
    Map<String, Object> item =
        reference(d, "logistics/Items", "ID", line.get("Item"), "Item", errors);
    Object vatCode = line.get("VATCode");
    if (vatCode == null && item != null) {
      vatCode = item.get("SalesVatCode");
    }
    Map<String, Object> vat = vatCode == null ? null : vatCodeReference(d, vatCode, errors);
    if (vatCode == null) {
      errors.add("Ontbrekend: Btw code");
    }
    Map<String, Object> out = new LinkedHashMap<>(line);
    if (withGl) {
      Object gl = line.get("GLAccount");
      if (gl == null && item != null) {
        gl = item.get("GLRevenue") != null ? item.get("GLRevenue") : defaultRevenue(d);
      }
      reference(d, "financial/GLAccounts", "ID", gl, "GLAccount", errors);
      out.put("GLAccount", gl);
    }
    if (vat == null || item == null) {
      return new LineCalc(out, null, vatField);
    }
    BigDecimal quantity = dec(line.get("Quantity"), BigDecimal.ONE);
    BigDecimal price = dec(line.get("UnitPrice"), BigDecimal.ZERO);
    BigDecimal discount = dec(line.get("Discount"), BigDecimal.ZERO);
    BigDecimal amount =
        (line.get("NetPrice") != null
                ? dec(line.get("NetPrice"), BigDecimal.ZERO).multiply(quantity)
                : quantity.multiply(price).multiply(BigDecimal.ONE.subtract(discount)))
            .setScale(2, behaviour.lineRounding().mode);
    BigDecimal explicit = dec(line.get(vatField), null);
    noVatAmountOnNoVatCode(vat, explicit, errors);
    out.put("VATCode", vatCode);
    out.put("VATCodeDescription", vat.get("Description"));
    out.put("VATPercentage", vat.get("Percentage"));
    out.put("Quantity", quantity);
    out.put("UnitPrice", price);
    out.put("ItemCode", item.get("Code"));
    out.put("ItemDescription", item.get("Description"));
    out.putIfAbsent("Description", item.get("Description"));
    String type = (String) vat.get("Type");
    return new LineCalc(
        out,
        new Amounts.Line(
            vatCode.toString(), type, store.fraction(vat), amount, "I".equals(type), explicit),
        vatField);
  }

  /**
   * A sales entry line: a revenue GL account and AmountFC — excl. VAT, or incl. VAT for an
   * inclusive (I) VAT code when the knob {@code entryAmountIncludesVat} says so; VAT computed or
   * given in VATAmountFC.
   */
  private LineCalc entryLine(
      Division d, Map<String, Object> line, List<String> errors, Behaviour.Values behaviour) {
    Map<String, Object> gl =
        reference(d, "financial/GLAccounts", "ID", line.get("GLAccount"), "GLAccount", errors);
    if (gl != null && !isRevenue(gl)) {
      errors.add("Ongeldig: Grootboekrekeningtype");
    }
    Object vatCode = line.get("VATCode");
    if (vatCode == null && gl != null) {
      vatCode = gl.get("VATCode");
    }
    Map<String, Object> vat = vatCode == null ? null : vatCodeReference(d, vatCode, errors);
    Map<String, Object> out = new LinkedHashMap<>(line);
    if (gl == null || line.get("AmountFC") == null || (vatCode != null && vat == null)) {
      return new LineCalc(out, null, "VATAmountFC");
    }
    BigDecimal amount = cents(dec(line.get("AmountFC"), BigDecimal.ZERO));
    BigDecimal explicit = dec(line.get("VATAmountFC"), null);
    noVatAmountOnNoVatCode(vat, explicit, errors);
    String type = vat == null ? null : (String) vat.get("Type");
    out.put("VATCode", vatCode);
    out.put("VATCodeDescription", vat == null ? null : vat.get("Description"));
    out.put("VATPercentage", vat == null ? null : vat.get("Percentage"));
    out.put("GLAccountCode", gl.get("Code"));
    out.put("GLAccountDescription", gl.get("Description"));
    return new LineCalc(
        out,
        new Amounts.Line(
            vatCode == null ? null : vatCode.toString(),
            type,
            vat == null ? BigDecimal.ZERO : store.fraction(vat),
            amount,
            "I".equals(type) && behaviour.entryAmountIncludesVat(),
            explicit),
        "VATAmountFC");
  }

  /** A VAT amount on a line with a "no VAT" (N) code is refused (reference §4.3). */
  private static void noVatAmountOnNoVatCode(
      Map<String, Object> vat, BigDecimal explicit, List<String> errors) {
    if (vat != null
        && "N".equals(vat.get("Type"))
        && explicit != null
        && explicit.signum() != 0
        && !errors.contains(VAT_ON_NO_VAT_CODE)) {
      errors.add(VAT_ON_NO_VAT_CODE);
    }
  }

  private static boolean isRevenue(Map<String, Object> gl) {
    Object type = gl.get("Type");
    return Integer.valueOf(110).equals(type)
        || ("W".equals(gl.get("BalanceType")) && "C".equals(gl.get("BalanceSide")));
  }

  /**
   * Computes every line's excl., VAT and incl. amounts with the VAT rounding knob, fills the line
   * rows (AmountFC, and for entry lines the VAT base) and the header totals: AmountFC = Σ incl.,
   * AmountFCExclVat = Σ excl. (invoices, orders), VATAmountFC = Σ VAT (invoices, entries; each
   * entity keeps only its own fields when stored).
   */
  private static List<Map<String, Object>> amounts(
      List<LineCalc> calcs,
      Behaviour.Values behaviour,
      Map<String, Object> header,
      boolean itemLines) {
    List<Amounts.Result> results =
        Amounts.compute(calcs.stream().map(LineCalc::line).toList(), behaviour.vatRounding());
    BigDecimal excl = BigDecimal.ZERO.setScale(2);
    BigDecimal tax = BigDecimal.ZERO.setScale(2);
    BigDecimal incl = BigDecimal.ZERO.setScale(2);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < calcs.size(); i++) {
      Map<String, Object> out = calcs.get(i).out();
      Amounts.Line line = calcs.get(i).line();
      Amounts.Result r = results.get(i);
      if (itemLines) {
        out.put("AmountFC", r.excl());
        out.put("AmountDC", r.excl());
        out.put(calcs.get(i).kind(), r.vat());
        if (calcs.get(i).kind().equals("VATAmountFC")) {
          out.put("VATAmountDC", r.vat());
        }
      } else {
        BigDecimal stated = line.includesVat() ? r.incl() : r.excl();
        out.put("AmountFC", stated);
        out.put("AmountDC", stated);
        out.put("VATAmountFC", r.vat());
        out.put("VATAmountDC", r.vat());
        out.put("VATBaseAmountFC", r.excl());
        out.put("VATBaseAmountDC", r.excl());
      }
      excl = excl.add(r.excl());
      tax = tax.add(r.vat());
      incl = incl.add(r.incl());
      rows.add(out);
    }
    header.put("AmountFC", incl);
    header.put("AmountDC", incl);
    header.put("AmountFCExclVat", excl);
    header.put("VATAmountFC", tax);
    header.put("VATAmountDC", tax);
    return rows;
  }

  private Map<String, Object> storeDocument(
      Division d,
      String header,
      String lineEntity,
      String parentKey,
      Map<String, Object> v,
      String linesField,
      List<Map<String, Object>> lines) {
    Map<String, Object> row = store.insert(d, header, onlyKnown(header, withoutLines(v)));
    int number = 1;
    for (Map<String, Object> line : lines) {
      line.put(parentKey, row.get(parentKey));
      line.put("LineNumber", number++);
      store.insert(d, lineEntity, onlyKnown(lineEntity, line));
    }
    return row;
  }

  // --- references and checks ---------------------------------------------------------------

  private void mandatory(
      EntityCatalog.Entity e, Map<String, Object> v, List<String> errors, String parentKey) {
    for (EntityCatalog.Field f : e.fields().values()) {
      if (!f.mandatory() || f.key() || f.readOnly() || f.name().equals(parentKey)) {
        continue;
      }
      if (e.path().equals("salesinvoice/SalesInvoiceLines") && f.name().equals("GLAccount")) {
        continue; // derived from the item's revenue account when omitted
      }
      Object value = v.get(f.name());
      boolean missing =
          value == null
              || (value instanceof String s && s.isBlank())
              || (value instanceof List<?> l && l.isEmpty());
      if (missing) {
        errors.add("Verplicht: " + Labels.of(f.name()));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> lines(
      Map<String, Object> v, String field, List<String> errors) {
    List<Map<String, Object>> lines = (List<Map<String, Object>>) v.get(field);
    if (lines == null) {
      return List.of();
    }
    String service =
        catalog.all().keySet().stream()
            .filter(p -> p.endsWith("/" + field))
            .findFirst()
            .orElseThrow();
    EntityCatalog.Entity lineEntity = catalog.get(service);
    String parentKey =
        switch (field) {
          case "SalesInvoiceLines" -> "InvoiceID";
          case "SalesOrderLines" -> "OrderID";
          default -> "EntryID";
        };
    for (Map<String, Object> line : lines) {
      mandatory(lineEntity, line, errors, parentKey);
    }
    return lines;
  }

  private Map<String, Object> customer(Division d, Object id, String field, List<String> errors) {
    Map<String, Object> account = reference(d, "crm/Accounts", "ID", id, field, errors);
    if (account != null && !"C".equals(account.get("Status"))) {
      errors.add("Ongeldig: " + (field.equals("InvoiceTo") ? "Factuur voor" : "Klant") + " (Type)");
    }
    return account;
  }

  private void salesJournal(Division d, Object code, List<String> errors) {
    if (code == null) {
      return;
    }
    if (code.toString().matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-.*")) {
      errors.add("Ongeldige referentie: Journals");
      return;
    }
    Map<String, Object> journal =
        reference(d, "financial/Journals", "Code", code, "Journal", errors);
    if (journal != null && !Integer.valueOf(20).equals(journal.get("Type"))) {
      errors.add("Ongeldig: Dagboek (Type)");
    }
  }

  private Map<String, Object> vatCodeReference(Division d, Object code, List<String> errors) {
    if (code == null) {
      return null;
    }
    Optional<Map<String, Object>> vat = find(d, "vat/VATCodes", "Code", code);
    if (vat.isEmpty()
        || Boolean.TRUE.equals(vat.get().get("IsBlocked"))
        || "P".equals(vat.get().get("VATTransactionType"))) {
      errors.add("Ongeldige referentie: Btw-code");
      return null;
    }
    return vat.get();
  }

  private Map<String, Object> reference(
      Division d, String entity, String field, Object value, String caption, List<String> errors) {
    if (value == null) {
      return null;
    }
    Optional<Map<String, Object>> found = find(d, entity, field, value);
    if (found.isEmpty()) {
      errors.add("Ongeldige referentie: " + Labels.of(caption));
      return null;
    }
    return found.get();
  }

  private static Optional<Map<String, Object>> find(
      Division d, String entity, String field, Object value) {
    if (field.equals("ID") && value instanceof UUID id) {
      return Optional.ofNullable(d.row(entity, id));
    }
    return d.rows(entity).stream()
        .filter(
            r ->
                r.get(field) != null
                    && r.get(field).toString().trim().equalsIgnoreCase(value.toString().trim()))
        .findFirst();
  }

  private static UUID defaultRevenue(Division d) {
    return d.rows("financial/GLAccounts").stream()
        .filter(g -> Integer.valueOf(110).equals(g.get("Type")))
        .map(g -> (UUID) g.get("ID"))
        .findFirst()
        .orElse(null);
  }

  private LocalDateTime due(
      Division d, Map<String, Object> v, Map<String, Object> account, String dateField) {
    if (v.get("DueDate") != null) {
      return (LocalDateTime) v.get("DueDate");
    }
    Object condition = v.get("PaymentCondition");
    if (condition == null && account != null) {
      condition = account.get("PaymentConditionSales");
    }
    int days =
        condition == null
            ? 0
            : find(d, "cashflow/PaymentConditions", "Code", condition)
                .map(c -> (Integer) c.get("PaymentDays"))
                .orElse(0);
    LocalDateTime date = (LocalDateTime) v.get(dateField);
    return date == null ? null : date.plusDays(days);
  }

  private Map<String, Object> onlyKnown(String entity, Map<String, Object> v) {
    Map<String, EntityCatalog.Field> fields = catalog.get(entity).fields();
    Map<String, Object> out = new LinkedHashMap<>();
    v.forEach(
        (k, value) -> {
          if (fields.containsKey(k)) {
            out.put(k, value);
          }
        });
    return out;
  }

  private static Map<String, Object> withoutLines(Map<String, Object> v) {
    Map<String, Object> out = new LinkedHashMap<>(v);
    out.values().removeIf(x -> x instanceof List<?>);
    return out;
  }

  private static void fail(List<String> errors) {
    if (!errors.isEmpty()) {
      throw new ValidationFailed(errors);
    }
  }

  static BigDecimal dec(Object o, BigDecimal orElse) {
    return o == null ? orElse : new BigDecimal(o.toString());
  }

  private static BigDecimal cents(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  private static Object norm(Object o) {
    return o == null ? null : o.toString().trim().toLowerCase(Locale.ROOT);
  }

  private static String pad(String code) {
    return String.format("%18s", code);
  }

  /** Business-rule failures; answered with the configured status (500 by default). */
  static final class ValidationFailed extends RuntimeException {
    final List<String> messages;

    ValidationFailed(List<String> messages) {
      super(String.join("\r\n", messages), null, false, false);
      this.messages = List.copyOf(messages);
    }
  }
}

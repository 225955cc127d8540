package sandbox.exact;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * OData v2 {@code $filter} as Exact accepts it: eq ne gt ge lt le, and or not, parentheses, strings
 * in single quotes with '' escaping, guid'…', datetime'…', numbers, true/false/null, and the
 * functions trim, tolower, toupper (plus substringof and startswith when switched on).
 */
final class ODataFilter {

  /** A parse or semantic error, answered as 400 with {@code message}. */
  static final class FilterException extends RuntimeException {
    FilterException(String message) {
      super(message);
    }
  }

  private interface Expr {
    Object eval(Map<String, Object> row);
  }

  private final String text;
  private final EntityCatalog.Entity entity;
  private final boolean caseInsensitive;
  private final boolean substringFunctions;
  private final Set<String> fieldsUsed = new HashSet<>();
  private List<String> tokens;
  private int pos;

  private ODataFilter(
      String text,
      EntityCatalog.Entity entity,
      boolean caseInsensitive,
      boolean substringFunctions) {
    this.text = text;
    this.entity = entity;
    this.caseInsensitive = caseInsensitive;
    this.substringFunctions = substringFunctions;
  }

  /** The parsed filter as a predicate, and the fields it names. */
  record Parsed(Predicate<Map<String, Object>> predicate, Set<String> fields) {}

  static Parsed parse(
      String text,
      EntityCatalog.Entity entity,
      boolean caseInsensitive,
      boolean substringFunctions) {
    ODataFilter f = new ODataFilter(text, entity, caseInsensitive, substringFunctions);
    f.tokens = tokenize(text);
    f.pos = 0;
    Expr e = f.or();
    if (f.pos != f.tokens.size()) {
      throw new FilterException("Error in query syntax.");
    }
    return new Parsed(row -> Boolean.TRUE.equals(e.eval(row)), f.fieldsUsed);
  }

  private Expr or() {
    Expr left = and();
    while (peekIs("or")) {
      pos++;
      Expr l = left;
      Expr r = and();
      left = row -> truthy(l.eval(row)) || truthy(r.eval(row));
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (peekIs("and")) {
      pos++;
      Expr l = left;
      Expr r = not();
      left = row -> truthy(l.eval(row)) && truthy(r.eval(row));
    }
    return left;
  }

  private Expr not() {
    if (peekIs("not")) {
      pos++;
      Expr inner = not();
      return row -> !truthy(inner.eval(row));
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = primary();
    String op = peek();
    if (op != null
        && List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op.toLowerCase(Locale.ROOT))) {
      pos++;
      Expr right = primary();
      String o = op.toLowerCase(Locale.ROOT);
      return row -> compare(o, left.eval(row), right.eval(row));
    }
    return left;
  }

  private Expr primary() {
    String t = next();
    if (t == null) {
      throw new FilterException("Error in query syntax.");
    }
    if (t.equals("(")) {
      Expr e = or();
      expect(")");
      return e;
    }
    if (t.startsWith("'")) {
      String value = unquote(t);
      return row -> value;
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("guid'")) {
      String v = unquote(t.substring(4));
      try {
        UUID id = UUID.fromString(v);
        return row -> id;
      } catch (IllegalArgumentException e) {
        throw new FilterException("Error in query syntax: invalid guid '" + v + "'.");
      }
    }
    if (lower.startsWith("datetime'")) {
      String v = unquote(t.substring(8));
      try {
        LocalDateTime dt =
            v.length() <= 10
                ? LocalDateTime.parse(v + "T00:00:00")
                : LocalDateTime.parse(v.length() == 16 ? v + ":00" : v);
        return row -> dt;
      } catch (RuntimeException e) {
        throw new FilterException("Error in query syntax: invalid datetime '" + v + "'.");
      }
    }
    if (lower.equals("true") || lower.equals("false")) {
      boolean b = Boolean.parseBoolean(lower);
      return row -> b;
    }
    if (lower.equals("null")) {
      return row -> null;
    }
    if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-') {
      String n =
          t.endsWith("L") || t.endsWith("M") || t.endsWith("d")
              ? t.substring(0, t.length() - 1)
              : t;
      try {
        BigDecimal number = new BigDecimal(n);
        return row -> number;
      } catch (NumberFormatException e) {
        throw new FilterException("Error in query syntax.");
      }
    }
    if ("(".equals(peek())) {
      return function(lower);
    }
    return field(t);
  }

  private Expr function(String name) {
    expect("(");
    List<Expr> args = new ArrayList<>();
    if (!")".equals(peek())) {
      args.add(or());
      while (",".equals(peek())) {
        pos++;
        args.add(or());
      }
    }
    expect(")");
    switch (name) {
      case "trim", "tolower", "toupper" -> {
        if (args.size() != 1) {
          throw new FilterException("Error in query syntax.");
        }
        Expr a = args.get(0);
        return row -> {
          Object v = a.eval(row);
          if (v == null) {
            return null;
          }
          String s = v.toString();
          return switch (name) {
            case "trim" -> s.trim();
            case "tolower" -> s.toLowerCase(Locale.ROOT);
            default -> s.toUpperCase(Locale.ROOT);
          };
        };
      }
      case "substringof", "startswith" -> {
        if (!substringFunctions || args.size() != 2) {
          throw new FilterException("This $filter parameter is not supported for this resource");
        }
        Expr a = args.get(0);
        Expr b = args.get(1);
        return row -> {
          Object x = a.eval(row);
          Object y = b.eval(row);
          if (x == null || y == null) {
            return false;
          }
          String xs = fold(x.toString());
          String ys = fold(y.toString());
          return name.equals("substringof") ? ys.contains(xs) : xs.startsWith(ys);
        };
      }
      default -> throw new FilterException("Unknown function '" + name + "' in $filter.");
    }
  }

  private Expr field(String name) {
    if (name.contains("/")) {
      throw new FilterException("Filtering on these fields is not supported: " + name);
    }
    EntityCatalog.Field f = entity.fields().get(name);
    if (f == null) {
      throw new FilterException(
          "Could not find a property named '" + name + "' on type '" + entity.typeName() + "'.");
    }
    if (f.type().equals("lines")) {
      throw new FilterException("Filtering on these fields is not supported: " + name);
    }
    fieldsUsed.add(name);
    return row -> row.get(name);
  }

  private boolean compare(String op, Object a, Object b) {
    if (a == null || b == null) {
      boolean same = a == null && b == null;
      return switch (op) {
        case "eq" -> same;
        case "ne" -> !same;
        default -> false;
      };
    }
    int c;
    if (a instanceof Number || b instanceof Number) {
      c = number(a).compareTo(number(b));
    } else if (a instanceof UUID || b instanceof UUID) {
      c = a.toString().compareToIgnoreCase(b.toString());
    } else if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
      c = x.compareTo(y);
    } else if (a instanceof Boolean || b instanceof Boolean) {
      c = Boolean.compare(Boolean.parseBoolean(a.toString()), Boolean.parseBoolean(b.toString()));
    } else {
      c = fold(a.toString()).compareTo(fold(b.toString()));
    }
    return switch (op) {
      case "eq" -> c == 0;
      case "ne" -> c != 0;
      case "gt" -> c > 0;
      case "ge" -> c >= 0;
      case "lt" -> c < 0;
      default -> c <= 0;
    };
  }

  private String fold(String s) {
    return caseInsensitive ? s.toLowerCase(Locale.ROOT) : s;
  }

  private static BigDecimal number(Object o) {
    try {
      return new BigDecimal(o.toString());
    } catch (NumberFormatException e) {
      throw new FilterException("Error in query syntax: cannot compare '" + o + "' with a number.");
    }
  }

  private static boolean truthy(Object o) {
    return Boolean.TRUE.equals(o);
  }

  private boolean peekIs(String word) {
    String t = peek();
    return t != null && t.equalsIgnoreCase(word);
  }

  private String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String next() {
    return pos < tokens.size() ? tokens.get(pos++) : null;
  }

  private void expect(String t) {
    if (!t.equals(next())) {
      throw new FilterException("Error in query syntax.");
    }
  }

  private static String unquote(String quoted) {
    if (quoted.length() < 2 || !quoted.startsWith("'") || !quoted.endsWith("'")) {
      throw new FilterException("Error in query syntax.");
    }
    return quoted.substring(1, quoted.length() - 1).replace("''", "'");
  }

  /** Splits into tokens; quoted strings (with '' inside) and prefixed literals stay whole. */
  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        int end = quoteEnd(s, i);
        out.add(s.substring(i, end));
        i = end;
      } else {
        int start = i;
        while (i < s.length()
            && !Character.isWhitespace(s.charAt(i))
            && s.charAt(i) != '('
            && s.charAt(i) != ')'
            && s.charAt(i) != ',') {
          if (s.charAt(i) == '\'') {
            i = quoteEnd(s, i);
            break;
          }
          i++;
        }
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  private static int quoteEnd(String s, int open) {
    int i = open + 1;
    while (i < s.length()) {
      if (s.charAt(i) == '\'') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new FilterException("Error in query syntax: unterminated string.");
  }
}

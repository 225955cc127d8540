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

  private interface Eval {
    Object eval(Map<String, Object> row);
  }

  /**
   * An operand: how to evaluate it and its EDM type ("Edm.String", "Edm.Guid", …; {@link #NULL} for
   * the literal null, {@link #ANY} for fields of an unknown type), as OData type-checks operands.
   */
  private record Expr(Eval eval, String type) {
    Object eval(Map<String, Object> row) {
      return eval.eval(row);
    }
  }

  private static final String NULL = "null";
  private static final String ANY = "any";
  private static final String BOOLEAN = "Edm.Boolean";
  private static final String STRING = "Edm.String";
  private static final List<String> NUMERIC =
      List.of("Edm.Byte", "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Double", "Edm.Decimal");

  /** A token of the filter text and the position where it starts. */
  private record Token(String text, int pos) {}

  private final String text;
  private final EntityCatalog.Entity entity;
  private final boolean caseInsensitive;
  private final boolean substringFunctions;
  private final Set<String> fieldsUsed = new HashSet<>();
  private List<Token> tokens;
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
    f.expectBoolean(e, 0);
    return new Parsed(row -> Boolean.TRUE.equals(e.eval(row)), f.fieldsUsed);
  }

  private Expr or() {
    Expr left = and();
    while (peekIs("or")) {
      int at = tokens.get(pos++).pos();
      Expr l = left;
      Expr r = and();
      logical("or", l, r, at);
      left = new Expr(row -> truthy(l.eval(row)) || truthy(r.eval(row)), BOOLEAN);
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (peekIs("and")) {
      int at = tokens.get(pos++).pos();
      Expr l = left;
      Expr r = not();
      logical("and", l, r, at);
      left = new Expr(row -> truthy(l.eval(row)) && truthy(r.eval(row)), BOOLEAN);
    }
    return left;
  }

  private Expr not() {
    if (peekIs("not")) {
      int at = tokens.get(pos++).pos();
      Expr inner = not();
      if (!isBoolean(inner.type())) {
        throw new FilterException(
            "Operator 'not' incompatible with operand type '"
                + inner.type()
                + "' at position "
                + at
                + ".");
      }
      return new Expr(row -> !truthy(inner.eval(row)), BOOLEAN);
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = primary();
    String op = peek();
    if (op != null
        && List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op.toLowerCase(Locale.ROOT))) {
      int at = tokens.get(pos++).pos();
      Expr right = primary();
      String o = op.toLowerCase(Locale.ROOT);
      if (!compatible(left.type(), right.type())) {
        throw new FilterException(
            "Operator '"
                + o
                + "' incompatible with operand types '"
                + left.type()
                + "' and '"
                + right.type()
                + "' at position "
                + at
                + ".");
      }
      return new Expr(row -> compare(o, left.eval(row), right.eval(row)), BOOLEAN);
    }
    return left;
  }

  /** OData's operand rules: same type, any two numeric types, or null against anything. */
  private static boolean compatible(String a, String b) {
    if (a.equals(NULL) || b.equals(NULL) || a.equals(ANY) || b.equals(ANY)) {
      return true;
    }
    return a.equals(b) || (NUMERIC.contains(a) && NUMERIC.contains(b));
  }

  private static boolean isBoolean(String type) {
    return type.equals(BOOLEAN) || type.equals(ANY) || type.equals(NULL);
  }

  private static void logical(String op, Expr l, Expr r, int at) {
    if (!isBoolean(l.type()) || !isBoolean(r.type())) {
      throw new FilterException(
          "Operator '"
              + op
              + "' incompatible with operand types '"
              + l.type()
              + "' and '"
              + r.type()
              + "' at position "
              + at
              + ".");
    }
  }

  private void expectBoolean(Expr e, int at) {
    if (!isBoolean(e.type())) {
      throw new FilterException(
          "Expression of type 'Edm.Boolean' expected at position " + at + ".");
    }
  }

  private Expr primary() {
    Token token = pos < tokens.size() ? tokens.get(pos++) : null;
    if (token == null) {
      throw new FilterException("Error in query syntax.");
    }
    String t = token.text();
    if (t.equals("(")) {
      Expr e = or();
      expect(")");
      return e;
    }
    if (t.startsWith("'")) {
      String value = unquote(t);
      return new Expr(row -> value, STRING);
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("guid'")) {
      String v = unquote(t.substring(4));
      try {
        if (!v.matches(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")) {
          throw new IllegalArgumentException(v);
        }
        UUID id = UUID.fromString(v);
        return new Expr(row -> id, "Edm.Guid");
      } catch (IllegalArgumentException e) {
        throw unrecognized("Edm.Guid", token);
      }
    }
    if (lower.startsWith("datetime'")) {
      String v = unquote(t.substring(8));
      try {
        LocalDateTime dt =
            v.length() <= 10
                ? LocalDateTime.parse(v + "T00:00:00")
                : LocalDateTime.parse(v.length() == 16 ? v + ":00" : v);
        return new Expr(row -> dt, "Edm.DateTime");
      } catch (RuntimeException e) {
        throw unrecognized("Edm.DateTime", token);
      }
    }
    if (lower.equals("true") || lower.equals("false")) {
      boolean b = Boolean.parseBoolean(lower);
      return new Expr(row -> b, BOOLEAN);
    }
    if (lower.equals("null")) {
      return new Expr(row -> null, NULL);
    }
    if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-') {
      String type =
          t.endsWith("L")
              ? "Edm.Int64"
              : t.endsWith("M") || t.endsWith("m")
                  ? "Edm.Decimal"
                  : t.endsWith("d") || t.endsWith("D") || t.contains(".") || t.contains("E")
                      ? "Edm.Double"
                      : "Edm.Int32";
      String n =
          t.endsWith("L")
                  || t.endsWith("M")
                  || t.endsWith("m")
                  || t.endsWith("d")
                  || t.endsWith("D")
              ? t.substring(0, t.length() - 1)
              : t;
      try {
        BigDecimal number = new BigDecimal(n);
        return new Expr(row -> number, type);
      } catch (NumberFormatException e) {
        throw new FilterException("Error in query syntax.");
      }
    }
    if ("(".equals(peek())) {
      return function(lower, token.pos());
    }
    return field(t);
  }

  private FilterException unrecognized(String type, Token token) {
    return new FilterException(
        "Unrecognized '"
            + type
            + "' literal '"
            + token.text()
            + "' at '"
            + token.pos()
            + "' in '"
            + text
            + "'.");
  }

  private Expr function(String name, int at) {
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
        if (args.size() != 1 || !stringLike(args.get(0))) {
          throw noFunction(name, at, name + "(System.String)");
        }
        Expr a = args.get(0);
        return new Expr(
            row -> {
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
            },
            STRING);
      }
      case "substringof", "startswith" -> {
        if (!substringFunctions) {
          throw new FilterException("This $filter parameter is not supported for this resource");
        }
        if (args.size() != 2 || !stringLike(args.get(0)) || !stringLike(args.get(1))) {
          throw noFunction(name, at, name + "(System.String, System.String)");
        }
        Expr a = args.get(0);
        Expr b = args.get(1);
        return new Expr(
            row -> {
              Object x = a.eval(row);
              Object y = b.eval(row);
              if (x == null || y == null) {
                return false;
              }
              String xs = fold(x.toString());
              String ys = fold(y.toString());
              return name.equals("substringof") ? ys.contains(xs) : xs.startsWith(ys);
            },
            BOOLEAN);
      }
      default ->
          throw new FilterException("Unknown function '" + name + "' at position " + at + ".");
    }
  }

  private static boolean stringLike(Expr e) {
    return e.type().equals(STRING) || e.type().equals(ANY) || e.type().equals(NULL);
  }

  private static FilterException noFunction(String name, int at, String signature) {
    return new FilterException(
        "No applicable function found for '"
            + name
            + "' at position "
            + at
            + " with the specified arguments. The functions considered are: "
            + signature
            + ".");
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
    return new Expr(row -> row.get(name), edm(f.type()));
  }

  /** The EDM type of a catalog field type. */
  static String edm(String type) {
    return switch (type) {
      case "guid" -> "Edm.Guid";
      case "str" -> STRING;
      case "int" -> "Edm.Int32";
      case "long" -> "Edm.Int64";
      case "dbl" -> "Edm.Double";
      case "dt" -> "Edm.DateTime";
      case "bool" -> BOOLEAN;
      case "byte" -> "Edm.Byte";
      default -> ANY;
    };
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
    return pos < tokens.size() ? tokens.get(pos).text() : null;
  }

  private String next() {
    return pos < tokens.size() ? tokens.get(pos++).text() : null;
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
  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        out.add(new Token(String.valueOf(c), i));
        i++;
      } else if (c == '\'') {
        int end = quoteEnd(s, i);
        out.add(new Token(s.substring(i, end), i));
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
        out.add(new Token(s.substring(start, i), start));
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

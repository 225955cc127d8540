package sandbox.exact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a request body the way Exact's OData layer does: the body must be one JSON object; unknown
 * property names and values of the wrong type are refused with Exact's 400 texts; read-only fields
 * are ignored; line collections must be arrays of objects.
 */
final class RequestReader {

  static final String NOT_AN_OBJECT =
      "Error processing request stream. The request should be a valid top-level resource object.";
  private static final Pattern OData_DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");

  private final EntityCatalog catalog;

  RequestReader(EntityCatalog catalog) {
    this.catalog = catalog;
  }

  /** The body as field → Java value; lines as {@code List<Map>} under their collection name. */
  Map<String, Object> read(EntityCatalog.Entity entity, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ApiError(400, NOT_AN_OBJECT);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : body.properties()) {
      String name = p.getKey();
      if (name.equals("__metadata")) {
        continue;
      }
      EntityCatalog.Field f = entity.fields().get(name);
      if (f == null) {
        throw new ApiError(
            400,
            "Error processing request stream. The property name '"
                + name
                + "' specified for type '"
                + entity.typeName()
                + "' is not valid.");
      }
      JsonNode v = p.getValue();
      if (f.type().equals("lines")) {
        values.put(name, lines(entity, name, v));
        continue;
      }
      Object converted = convert(f, v);
      if (!f.readOnly()) {
        values.put(name, converted);
      }
    }
    return values;
  }

  private List<Map<String, Object>> lines(EntityCatalog.Entity parent, String name, JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw new ApiError(400, NOT_AN_OBJECT);
    }
    String service = parent.path().substring(0, parent.path().indexOf('/'));
    EntityCatalog.Entity lineEntity = catalog.find(service + "/" + name).orElse(null);
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode line : v) {
      if (!line.isObject()) {
        throw new ApiError(400, NOT_AN_OBJECT);
      }
      out.add(lineEntity == null ? new LinkedHashMap<>() : read(lineEntity, line));
    }
    return out;
  }

  static Object convert(EntityCatalog.Field f, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return switch (f.type()) {
        case "guid" -> {
          if (!v.isString()) {
            throw new IllegalArgumentException();
          }
          yield UUID.fromString(v.asString());
        }
        case "str" -> v.isValueNode() ? v.asString() : fail();
        case "int", "byte" -> {
          BigDecimal n = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asString());
          yield n.intValueExact();
        }
        case "long" -> {
          BigDecimal n = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asString());
          yield n.longValueExact();
        }
        case "dbl" -> v.isNumber() ? v.decimalValue() : new BigDecimal(v.asString().trim());
        case "bool" -> {
          if (v.isBoolean()) {
            yield v.asBoolean();
          }
          String s = v.asString();
          if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException();
          }
          yield Boolean.parseBoolean(s);
        }
        case "dt" -> date(v.asString());
        default -> v.asString();
      };
    } catch (RuntimeException e) {
      throw new ApiError(
          400,
          "Error processing request stream. Error encountered in converting"
              + " the value from request payload for property '"
              + f.name()
              + "' to type '"
              + edm(f.type())
              + "', which is the expected type.");
    }
  }

  /** ISO-8601 (with or without offset) or /Date(ms)/; kept as Amsterdam wall-clock time. */
  static LocalDateTime date(String text) {
    Matcher m = OData_DATE.matcher(text);
    if (m.matches()) {
      return LocalDateTime.ofEpochSecond(
          Long.parseLong(m.group(1)) / 1000, 0, java.time.ZoneOffset.UTC);
    }
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay();
    }
    try {
      return OffsetDateTime.parse(text)
          .atZoneSameInstant(DivisionStore.EXACT_ZONE)
          .toLocalDateTime();
    } catch (RuntimeException noOffset) {
      if (text.endsWith("Z")) {
        return LocalDateTime.ofInstant(Instant.parse(text), DivisionStore.EXACT_ZONE);
      }
      return LocalDateTime.parse(text);
    }
  }

  private static Object fail() {
    throw new IllegalArgumentException();
  }

  /** The type name as Exact's message shows it: "… to type 'Guid'…" (picqer #492). */
  private static String edm(String type) {
    return switch (type) {
      case "guid" -> "Guid";
      case "int" -> "Int32";
      case "long" -> "Int64";
      case "byte" -> "Byte";
      case "dbl" -> "Double";
      case "bool" -> "Boolean";
      case "dt" -> "DateTime";
      default -> "String";
    };
  }
}

package sandbox.exact;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns stored rows into Exact's verbose JSON: __metadata, GUIDs in lower case, dates as /Date(ms)/
 * (Amsterdam wall-clock time as if it were UTC), line collections deferred unless expanded.
 */
final class Rendering {

  private Rendering() {}

  static Map<String, Object> render(
      EntityCatalog.Entity entity,
      Map<String, Object> row,
      Set<String> select,
      Map<String, List<Map<String, Object>>> expanded,
      String entityUrl) {
    Map<String, Object> out = new LinkedHashMap<>();
    Object key = row.get(entity.key().name());
    String keyText = key instanceof UUID ? "guid'" + key + "'" : String.valueOf(key);
    out.put(
        "__metadata", Map.of("uri", entityUrl + "(" + keyText + ")", "type", entity.typeName()));
    for (EntityCatalog.Field f : entity.fields().values()) {
      if (select != null && !select.contains(f.name())) {
        continue;
      }
      if (f.type().equals("lines")) {
        List<Map<String, Object>> lines = expanded == null ? null : expanded.get(f.name());
        out.put(
            f.name(),
            lines != null
                ? Map.of("results", lines)
                : Map.of("__deferred", Map.of("uri", entityUrl + "(" + keyText + ")/" + f.name())));
        continue;
      }
      out.put(f.name(), value(row.get(f.name())));
    }
    return out;
  }

  static Object value(Object v) {
    if (v instanceof UUID id) {
      return id.toString();
    }
    if (v instanceof LocalDateTime dt) {
      return "/Date(" + dt.toInstant(ZoneOffset.UTC).toEpochMilli() + ")/";
    }
    return v;
  }
}

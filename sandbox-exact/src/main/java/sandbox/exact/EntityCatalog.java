package sandbox.exact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every entity the sandbox serves, with each field's EDM type and flags (key, mandatory, read-only)
 * and the allowed methods, as on Exact's reference pages.
 */
@Component
public class EntityCatalog {

  /** A field: name, type (guid, str, int, dbl, dt, bool, byte, lines) and flags K/M/R. */
  public record Field(String name, String type, boolean key, boolean mandatory, boolean readOnly) {}

  /** An entity: its path ("crm/Accounts"), methods and fields in declaration order. */
  public record Entity(String path, List<String> methods, Map<String, Field> fields) {

    public Field key() {
      return fields.values().stream().filter(Field::key).findFirst().orElseThrow();
    }

    public String name() {
      return path.substring(path.indexOf('/') + 1);
    }

    /** The OData type name Exact reports in __metadata. */
    public String typeName() {
      String n = name();
      String singular =
          n.endsWith("ies")
              ? n.substring(0, n.length() - 3) + "y"
              : n.endsWith("sses") || n.endsWith("ches")
                  ? n.substring(0, n.length() - 2)
                  : n.endsWith("s") ? n.substring(0, n.length() - 1) : n;
      return (path.startsWith("system/") || path.startsWith("current/")
              ? "Exact.Web.Api.System."
              : "Exact.Web.Api.Models.")
          + singular;
    }

    public boolean allows(String method) {
      return methods.contains(method);
    }
  }

  private final Map<String, Entity> entities = new LinkedHashMap<>();

  public EntityCatalog() {
    JsonMapper json = JsonMapper.builder().build();
    try (InputStream in = getClass().getResourceAsStream("/sandbox/exact-entities.json")) {
      JsonNode root = json.readTree(in).path("entities");
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (JsonNode f : e.getValue().path("fields")) {
          String flags = f.path("flags").asString("");
          fields.put(
              f.path("name").asString(),
              new Field(
                  f.path("name").asString(),
                  f.path("type").asString(),
                  flags.contains("K"),
                  flags.contains("M"),
                  flags.contains("R")));
        }
        List<String> methods =
            json.convertValue(
                e.getValue().path("methods"),
                json.getTypeFactory().constructCollectionType(List.class, String.class));
        entities.put(e.getKey(), new Entity(e.getKey(), methods, fields));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Entity> find(String path) {
    return Optional.ofNullable(entities.get(path));
  }

  public Entity get(String path) {
    return find(path).orElseThrow(() -> new IllegalArgumentException("Unknown entity " + path));
  }

  public Map<String, Entity> all() {
    return entities;
  }
}

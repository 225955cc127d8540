package sandbox.exact;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code $select} and {@code $expand} checked against the entity as OData does: unknown properties
 * and expansions of plain properties are refused, {@code Lines/Field} paths only into expanded line
 * collections. The outcome: which header fields to render, which collections to expand and which
 * fields of their lines.
 */
final class Projection {

  /** Header fields to render (null: all). */
  final Set<String> select;

  /** The expanded line collections. */
  final Set<String> expand;

  private final Map<String, Set<String>> lineSelect;

  private Projection(Set<String> select, Set<String> expand, Map<String, Set<String>> lineSelect) {
    this.select = select;
    this.expand = expand;
    this.lineSelect = lineSelect;
  }

  /** Fields of an expanded collection's lines to render (null: all). */
  Set<String> lineSelect(String collection) {
    return lineSelect.get(collection);
  }

  static Projection none() {
    return new Projection(null, Set.of(), Map.of());
  }

  static Projection parse(
      EntityCatalog catalog, EntityCatalog.Entity entity, String select, String expand) {
    Set<String> expanded = new LinkedHashSet<>();
    for (String item : items(expand)) {
      String[] path = item.split("/");
      EntityCatalog.Field f = field(entity, path[0]);
      if (!f.type().equals("lines")) {
        throw notNavigation(entity, f.name());
      }
      if (path.length > 1) {
        Optional<EntityCatalog.Entity> line = lineEntity(catalog, entity, f.name());
        if (line.isPresent()) {
          throw notNavigation(line.get(), field(line.get(), path[1]).name());
        }
        throw new ApiError(400, "Error in query syntax: $expand=" + item);
      }
      expanded.add(f.name());
    }
    List<String> selected = items(select);
    if (selected.isEmpty() || selected.contains("*")) {
      for (String item : selected) {
        if (!item.equals("*")) {
          check(catalog, entity, item, expanded);
        }
      }
      return new Projection(null, expanded, Map.of());
    }
    Set<String> header = new LinkedHashSet<>();
    Map<String, Set<String>> lines = new HashMap<>();
    Set<String> allOfLines = new LinkedHashSet<>();
    for (String item : selected) {
      String[] path = check(catalog, entity, item, expanded);
      header.add(path[0]);
      if (path.length == 1) {
        allOfLines.add(path[0]);
      } else if (path[1].equals("*")) {
        allOfLines.add(path[0]);
      } else {
        lines.computeIfAbsent(path[0], k -> new LinkedHashSet<>()).add(path[1]);
      }
    }
    allOfLines.forEach(lines::remove);
    return new Projection(header, expanded, lines);
  }

  /** Checks one $select item; returns its path segments. */
  private static String[] check(
      EntityCatalog catalog, EntityCatalog.Entity entity, String item, Set<String> expanded) {
    String[] path = item.split("/");
    EntityCatalog.Field f = field(entity, path[0]);
    if (path.length == 1) {
      return path;
    }
    if (!f.type().equals("lines")) {
      throw notNavigation(entity, f.name());
    }
    if (!expanded.contains(f.name())) {
      throw new ApiError(
          400,
          "Only properties specified in $expand can be traversed in $select query options."
              + " Selected item: '"
              + item
              + "'.");
    }
    if (path.length > 2) {
      throw new ApiError(400, "Error in query syntax: $select=" + item);
    }
    Optional<EntityCatalog.Entity> line = lineEntity(catalog, entity, f.name());
    if (line.isPresent() && !path[1].equals("*")) {
      field(line.get(), path[1]);
    }
    return path;
  }

  /** The entity of a line collection (SalesInvoiceLines → salesinvoice/SalesInvoiceLines). */
  static Optional<EntityCatalog.Entity> lineEntity(
      EntityCatalog catalog, EntityCatalog.Entity parent, String collection) {
    String service = parent.path().substring(0, parent.path().indexOf('/'));
    return catalog.find(service + "/" + collection);
  }

  private static EntityCatalog.Field field(EntityCatalog.Entity entity, String name) {
    EntityCatalog.Field f = entity.fields().get(name);
    if (f == null) {
      throw unknown(entity, name);
    }
    return f;
  }

  static ApiError unknown(EntityCatalog.Entity entity, String name) {
    return new ApiError(
        400, "Could not find a property named '" + name + "' on type '" + entity.typeName() + "'.");
  }

  private static ApiError notNavigation(EntityCatalog.Entity entity, String name) {
    return new ApiError(
        400,
        "Property '"
            + name
            + "' on type '"
            + entity.typeName()
            + "' is not a navigation property or complex property. Only navigation properties can"
            + " be expanded.");
  }

  private static List<String> items(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}

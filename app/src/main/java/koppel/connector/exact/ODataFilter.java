package koppel.connector.exact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds OData v2 filter expressions with values escaped, so o'brien@example.be just works. */
final class ODataFilter {

  private ODataFilter() {}

  static String eq(String field, String value) {
    return field + " eq " + quote(value);
  }

  static String eq(String field, UUID value) {
    return field + " eq guid'" + value + "'";
  }

  static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static String encode(String queryValue) {
    return URLEncoder.encode(queryValue, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

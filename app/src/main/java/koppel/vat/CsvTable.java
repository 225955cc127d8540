package koppel.vat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The format of Koppel's VAT tables: UTF-8, {@code #} comments and blank lines ignored, one header
 * line, then comma-separated rows. Rows are handed over with their line number, for errors an
 * operator can find.
 */
final class CsvTable {

  /** One row: its fields (trimmed, empty ones kept) and its line number in the file. */
  record Row(List<String> fields, int line) {
    String get(int i) {
      return i < fields.size() ? fields.get(i) : "";
    }
  }

  private CsvTable() {}

  static Reader resource(String path, String what) {
    InputStream in = CsvTable.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("The bundled " + what + " (" + path + ") is missing");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  static List<Row> rows(Reader source) {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(source)) {
      String line;
      int number = 0;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        number++;
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        List<String> fields = new ArrayList<>();
        for (String f : trimmed.split(",", -1)) {
          fields.add(f.trim());
        }
        rows.add(new Row(fields, number));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}

package koppel.vat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The operator command {@code java -jar koppel-app-exec.jar vat-check}: one VAT number per line on
 * standard input; per line the input exactly as read, a tab, {@code valid} or {@code invalid}, a
 * tab, and the reason ({@code prefix}, {@code format}, {@code length} or {@code checksum}; empty
 * when valid). Syntax and check digits only; VIES is not asked.
 */
public final class VatCheckCommand {

  private VatCheckCommand() {}

  /** Checks every line; returns how many lines it read. */
  public static int run(InputStream in, OutputStream out) {
    PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
    int lines = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines++;
        VatNumberCheck.Result r = VatNumberCheck.check(line);
        print.print(line);
        print.print('\t');
        print.print(r.valid() ? "valid" : "invalid");
        print.print('\t');
        print.print(r.valid() ? "" : r.reason().name().toLowerCase(Locale.ROOT));
        print.print('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    print.flush();
    return lines;
  }
}

package koppel.vat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator command as an operator runs it: the packaged jar, VAT numbers on standard input. It
 * must answer per line, start no server (no database, no port) and exit 0.
 */
class VatCheckCommandIT {

  private static final Path JAR = Path.of("target", "koppel-app-exec.jar");

  @Test
  void checksEveryLineOfStandardInputAndExitsZero(@TempDir Path workDir) throws Exception {
    assertThat(JAR).as("the packaged app jar").exists();
    String input =
        String.join(
            "\n",
            "BE 0123.456.749",
            "be0123456748",
            "  DE 136 695 976 ",
            "GB123456789",
            "",
            "ATU1234567",
            "NL-ABC",
            "EL 094259216",
            "btw: nl004194689b01",
            "XI GD8888 123 26",
            "XIGD888812327",
            "XIGD888860012",
            "RO 1960213993458");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString(),
                "vat-check")
            .directory(workDir.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (OutputStream in = p.getOutputStream()) {
      in.write((input + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the command ends by itself").isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out)
        .isEqualTo(
            String.join(
                "",
                "BE 0123.456.749\tvalid\t\n",
                "be0123456748\tinvalid\tchecksum\n",
                "  DE 136 695 976 \tvalid\t\n",
                "GB123456789\tinvalid\tprefix\n",
                "\tinvalid\tformat\n",
                "ATU1234567\tinvalid\tlength\n",
                "NL-ABC\tinvalid\tformat\n",
                "EL 094259216\tvalid\t\n",
                "btw: nl004194689b01\tinvalid\tchecksum\n",
                "XI GD8888 123 26\tvalid\t\n",
                "XIGD888812327\tinvalid\tchecksum\n",
                "XIGD888860012\tinvalid\tformat\n",
                "RO 1960213993458\tvalid\t\n"));
    try (var files = Files.list(workDir)) {
      assertThat(files).as("no data directory: the command starts no database").isEmpty();
    }
  }
}

package sandbox.vies;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox's knobs.
 *
 * <ul>
 *   <li>{@code validNumbers}: numbers VIES knows as valid, country prefix + number ({@code
 *       BE0123456749}; Greece is {@code EL}, Northern Ireland {@code XI}); the admin API adds more.
 *   <li>{@code unknownNumbersValid}: answer {@code valid:true} for every well-formed number nobody
 *       registered (handy for a demo with random customers).
 *   <li>{@code errorStatus}: the HTTP status per error code; VIES documents only "400 or 500", so a
 *       client must not depend on the exact split. Keys are matched loosely ({@code
 *       MS_UNAVAILABLE}, {@code ms-unavailable} and {@code msunavailable} are one key).
 *   <li>{@code testServiceOfficialTable}: {@code /check-vat-test-service} answers as VIES's own
 *       documentation says (501/601 as {@code *_TIME}, other numbers {@code SERVICE_UNAVAILABLE})
 *       instead of the simpler table Koppel's brief asked for.
 *   <li>{@code requestLogSize}: how many checks {@code GET /admin/requests} keeps.
 * </ul>
 */
@ConfigurationProperties("sandbox.vies")
public record ViesSandboxProperties(
    @DefaultValue List<String> validNumbers,
    @DefaultValue("false") boolean unknownNumbersValid,
    @DefaultValue Map<String, Integer> errorStatus,
    @DefaultValue("false") boolean testServiceOfficialTable,
    @DefaultValue("10000") int requestLogSize) {

  /** The HTTP status for an error: the knob if set, otherwise 400 for input errors, 500 else. */
  int status(ViesError error) {
    String wanted = key(error.name());
    return errorStatus.entrySet().stream()
        .filter(e -> key(e.getKey()).equals(wanted))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(error.defaultStatus);
  }

  /** Property binding drops '_' from map keys that are not in brackets: compare letters only. */
  private static String key(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
  }
}

package sandbox.vies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The numbers the sandbox's VIES knows: those of the {@code valid-numbers} knob (read once, and
 * again on reset) plus those the admin API registered. A number nobody registered is invalid, or
 * valid with {@code unknown-numbers-valid}.
 */
@Component
class VatRegistry {

  private final ViesSandboxProperties properties;
  private final Map<String, Registration> numbers = new LinkedHashMap<>();

  VatRegistry(ViesSandboxProperties properties) {
    this.properties = properties;
    reset();
  }

  synchronized void reset() {
    numbers.clear();
    for (String entry : properties.validNumbers()) {
      String compact = entry.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
      if (compact.isEmpty()) {
        continue;
      }
      String country = compact.length() >= 2 ? compact.substring(0, 2) : compact;
      String number = compact.substring(country.length());
      // a typo in the knob fails the start rather than making a number silently invalid
      if (!MemberStates.isCountry(country) || !MemberStates.isNumber(number)) {
        throw new IllegalArgumentException(
            "sandbox.vies.valid-numbers: '"
                + entry
                + "' is not a VIES prefix ("
                + String.join(" ", MemberStates.CODES)
                + ") followed by 2-12 of [0-9A-Za-z+*.]");
      }
      register(
          new Registration(
              country,
              number,
              true,
              Registration.UNKNOWN,
              Registration.UNKNOWN,
              null,
              null,
              null,
              null,
              "knob"));
    }
  }

  /** Adds or replaces a number (an admin registration wins over the knob). */
  synchronized Registration register(Registration r) {
    numbers.put(r.key(), r);
    return r;
  }

  /** What VIES would say about the number; never null. */
  synchronized Registration lookup(String countryCode, String vatNumber) {
    Registration known = numbers.get(Registration.key(countryCode, vatNumber));
    if (known != null) {
      return known;
    }
    return Registration.unknown(countryCode, vatNumber, properties.unknownNumbersValid());
  }

  synchronized List<Registration> all() {
    return new ArrayList<>(numbers.values());
  }
}

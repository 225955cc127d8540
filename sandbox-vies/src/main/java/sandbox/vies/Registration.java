package sandbox.vies;

/**
 * What the sandbox's VIES knows about one number. {@code name} and {@code address} are what a check
 * answers ({@code ---} when the member state does not share them, as Germany never does); {@code
 * street}, {@code postalCode}, {@code city} and {@code companyType} only feed the trader matching.
 * {@code source} says where it came from: {@code knob}, {@code admin} or {@code unknown}.
 */
record Registration(
    String countryCode,
    String vatNumber,
    boolean valid,
    String name,
    String address,
    String street,
    String postalCode,
    String city,
    String companyType,
    String source) {

  static final String UNKNOWN = "---";

  static Registration unknown(String countryCode, String vatNumber, boolean valid) {
    return new Registration(
        countryCode, vatNumber, valid, UNKNOWN, UNKNOWN, null, null, null, null, "unknown");
  }

  String key() {
    return key(countryCode, vatNumber);
  }

  static String key(String countryCode, String vatNumber) {
    return countryCode + vatNumber.toUpperCase(java.util.Locale.ROOT);
  }
}

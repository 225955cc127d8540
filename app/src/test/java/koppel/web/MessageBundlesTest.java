package koppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dutch and English say the same things: every bundle has the same keys in both languages, no value
 * is empty, and every message a template names literally ({@code #{key}}) exists.
 */
class MessageBundlesTest {

  static final String[] BUNDLES = {"messages", "account", "orders", "configuration", "profile"};
  static final Path TEMPLATES = Path.of("src/main/resources/templates");
  static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)[}(]");

  @Test
  void everyBundleHasTheSameKeysInDutchAndEnglish() throws IOException {
    for (String bundle : BUNDLES) {
      Properties en = load("i18n/" + bundle + ".properties");
      Properties nl = load("i18n/" + bundle + "_nl.properties");
      assertThat(new TreeSet<>(nl.stringPropertyNames()))
          .as("keys of %s_nl versus %s", bundle, bundle)
          .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
      for (Properties p : new Properties[] {en, nl}) {
        p.forEach((k, v) -> assertThat(v.toString()).as("%s in %s", k, bundle).isNotBlank());
      }
    }
  }

  /**
   * Every error code the booking can end with has its plain words and resolution in the orders
   * bundle (so a Dutch merchant reads Dutch): the codes are read from the classes that make them.
   */
  @Test
  void everyErrorCodeHasItsWordsInBothLanguages() throws IOException {
    Pattern code = Pattern.compile("\"([A-Z][A-Z]+(?:_[A-Z]+)+)\"");
    Set<String> codes = new TreeSet<>();
    for (String source :
        new String[] {
          "src/main/java/koppel/order/pipeline/BookingErrors.java",
          "src/main/java/koppel/vat/VatClassifier.java"
        }) {
      Matcher m = code.matcher(Files.readString(Path.of(source)));
      while (m.find()) {
        codes.add(m.group(1));
      }
    }
    // warnings of the classifier that go into the history, never the Errors tab
    codes.removeAll(Set.of("VIES_UNKNOWN", "HOME_VAT_ON_DISTANCE_SALE", "RATE_NOT_OF_DESTINATION"));
    assertThat(codes).contains("VAT_CODE_MISSING", "ICP_VAT_NUMBER_INVALID", "UNKNOWN_COUNTRY");
    Properties en = load("i18n/orders.properties");
    Set<String> missing = new TreeSet<>();
    for (String c : codes) {
      for (String part : new String[] {".message", ".resolution"}) {
        if (en.getProperty("orders.error." + c + part) == null) {
          missing.add(c + part);
        }
      }
    }
    assertThat(missing).as("error codes without words in the orders bundle").isEmpty();
  }

  @Test
  void everyKeyATemplateNamesExists() throws IOException {
    Set<String> known = new TreeSet<>();
    for (String bundle : BUNDLES) {
      known.addAll(load("i18n/" + bundle + ".properties").stringPropertyNames());
    }
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = LITERAL_KEY.matcher(Files.readString(f));
        while (m.find()) {
          if (!known.contains(m.group(1))) {
            missing.add(TEMPLATES.relativize(f) + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(missing).as("message keys used by templates but in no bundle").isEmpty();
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}

package koppel.vat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what a buyer typed into a VAT-number field: drops a leading label or country name and the
 * separators, and upper-cases the rest. The steps, in order:
 *
 * <ol>
 *   <li>Unicode NFKC normalisation (full-width digits and letters become ASCII, a no-break space
 *       becomes a space, "Nº" becomes "No").
 *   <li>Leading words are skipped while they are a label ({@code VAT}, {@code BTW}, {@code TVA},
 *       {@code USt-IdNr}, {@code P.IVA}, …), a qualifier after or before a label ({@code no},
 *       {@code nr}, {@code number}, {@code ID}, …) or a country name in English or the local
 *       language ({@code Belgium}, {@code België}, {@code Deutschland}, {@code Northern Ireland},
 *       …), with or without a colon. Words are compared without accents and case. A word only
 *       counts when a separator or the end follows it, so {@code BE0123456749} is never a label. A
 *       qualifier that no label or country name follows stays part of the number. The first country
 *       name skipped gives the implied prefix ({@code België} → {@code BE}).
 *   <li>Separators are removed anywhere: white space, {@code . , : ; - / \ ( ) [ ] { } # _ ' " °},
 *       dashes and quotation marks. {@code (0)} thus becomes {@code 0}.
 *   <li>Characters other than letters and digits at either end are dropped ({@code +} and {@code *}
 *       are kept inside: old Irish numbers use them).
 *   <li>The rest is upper-cased.
 * </ol>
 *
 * <p>Whatever else is left (an {@code !} in the middle, say) stays, and the country rules reject it
 * as a format error.
 */
final class VatNumberInput {

  /**
   * The compacted number and the prefix implied by a leading country name (null if none; {@code GB}
   * for the United Kingdom).
   */
  record Parsed(String compact, String countryPrefix) {}

  /** Words that label a VAT number, folded (upper case, no accents). */
  private static final Set<String> LABELS =
      Set.of(
          "VAT", "VATNO", "VATNR", "VATID", "TAX", "TIN", "BTW", "BTWNR", "TVA", "IVA", "MWST",
          "MWSTNR", "UST", "USTID", "USTIDNR", "UID", "UIDNR", "NIF", "NIPC", "CIF", "NIP", "DIC",
          "DPH", "PVM", "PVN", "ALV", "MOMS", "MOMSNR", "KMKR", "OIB", "PDV", "DDV", "DDS", "CUI",
          "CVR", "ANUM", "ADOSZAM", "AFM", "ΑΦΜ", "ΦΠΑ", "ДДС", "ИН");

  /** Words that go with a label ("VAT no.", "N° TVA", "P.IVA", "IČ DPH"), folded. */
  private static final Set<String> QUALIFIERS =
      Set.of(
          ("NO NR NUM NUMBER NUMMER NUMERO N ID IDNR IDENT IDENTIFICATION REG REGISTRATION CODE"
                  + " KODAS IC P PARTITA EU EC EUROPEAN INTRA INTRACOM INTRACOMMUNAUTAIRE COMMUNITY"
                  + " ПО")
              .split(" "));

  /** Country names, folded, words separated by one space → VAT prefix (GB for the UK). */
  private static final Map<String, String> COUNTRIES = countries();

  private static final int LONGEST_COUNTRY_NAME =
      COUNTRIES.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);

  private VatNumberInput() {}

  /** Reads {@code raw}, which must not be null. */
  static Parsed parse(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    int numberStart = 0;
    int at = 0;
    String country = null;
    boolean labelled = false;
    while (true) {
      Word word = nextWord(s, at);
      if (word == null) {
        break;
      }
      CountryName name = matchCountry(s, word);
      if (name != null) {
        if (country == null) {
          country = name.prefix();
        }
        labelled = true;
        at = numberStart = name.end();
      } else if (LABELS.contains(word.folded())) {
        labelled = true;
        at = numberStart = word.end();
      } else if (QUALIFIERS.contains(word.folded())) {
        at = word.end();
        if (labelled) {
          numberStart = at;
        }
      } else {
        break;
      }
    }
    return new Parsed(compact(s.substring(numberStart)), country);
  }

  /** Whether {@code c} separates groups of a number (and is therefore dropped). */
  static boolean isSeparator(char c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return true;
    }
    if (".,:;-/\\()[]{}#_'\"°".indexOf(c) >= 0) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DASH_PUNCTUATION
        || type == Character.START_PUNCTUATION
        || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION;
  }

  private static String compact(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isSeparator(c)) {
        b.append(c);
      }
    }
    int from = 0;
    int to = b.length();
    while (from < to && !Character.isLetterOrDigit(b.charAt(from))) {
      from++;
    }
    while (to > from && !Character.isLetterOrDigit(b.charAt(to - 1))) {
      to--;
    }
    return b.substring(from, to).toUpperCase(Locale.ROOT);
  }

  /** A run of letters in the input from {@code start} to {@code end}, and its folded form. */
  private record Word(int start, int end, String folded) {}

  /**
   * The word after the separators from {@code from}, or null when the next character is not a
   * letter or the letters run straight into something that is not a separator (a digit, say).
   */
  private static Word nextWord(String s, int from) {
    int start = from;
    while (start < s.length() && isSeparator(s.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    if (end == start || (end < s.length() && !isSeparator(s.charAt(end)))) {
      return null;
    }
    return new Word(start, end, fold(s.substring(start, end)));
  }

  /** A country name in the input, ending at {@code end}, and its VAT prefix. */
  private record CountryName(int end, String prefix) {}

  /** The longest country name that starts with {@code first}, or null. */
  private static CountryName matchCountry(String s, Word first) {
    CountryName best = null;
    StringBuilder phrase = new StringBuilder();
    Word word = first;
    for (int n = 1; n <= LONGEST_COUNTRY_NAME && word != null; n++) {
      if (n > 1) {
        phrase.append(' ');
      }
      phrase.append(word.folded());
      String prefix = COUNTRIES.get(phrase.toString());
      if (prefix != null) {
        best = new CountryName(word.end(), prefix);
      }
      word = nextWord(s, word.end());
    }
    return best;
  }

  /** Upper case without accents: "België" → "BELGIE", "Ελλάδα" → "ΕΛΛΑΔΑ". */
  static String fold(String word) {
    String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        b.append(c);
      }
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }

  private static Map<String, String> countries() {
    Map<String, String> names =
        Map.ofEntries(
            Map.entry("AUSTRIA", "AT"),
            Map.entry("ÖSTERREICH", "AT"),
            Map.entry("OESTERREICH", "AT"),
            Map.entry("BELGIUM", "BE"),
            Map.entry("BELGIË", "BE"),
            Map.entry("BELGIQUE", "BE"),
            Map.entry("BELGIEN", "BE"),
            Map.entry("BULGARIA", "BG"),
            Map.entry("БЪЛГАРИЯ", "BG"),
            Map.entry("CYPRUS", "CY"),
            Map.entry("ΚΥΠΡΟΣ", "CY"),
            Map.entry("CZECHIA", "CZ"),
            Map.entry("CZECH REPUBLIC", "CZ"),
            Map.entry("ČESKO", "CZ"),
            Map.entry("ČESKÁ REPUBLIKA", "CZ"),
            Map.entry("GERMANY", "DE"),
            Map.entry("DEUTSCHLAND", "DE"),
            Map.entry("DENMARK", "DK"),
            Map.entry("DANMARK", "DK"),
            Map.entry("ESTONIA", "EE"),
            Map.entry("EESTI", "EE"),
            Map.entry("GREECE", "EL"),
            Map.entry("HELLAS", "EL"),
            Map.entry("ΕΛΛΑΔΑ", "EL"),
            Map.entry("ΕΛΛΑΣ", "EL"),
            Map.entry("SPAIN", "ES"),
            Map.entry("ESPAÑA", "ES"),
            Map.entry("FINLAND", "FI"),
            Map.entry("SUOMI", "FI"),
            Map.entry("FRANCE", "FR"),
            Map.entry("CROATIA", "HR"),
            Map.entry("HRVATSKA", "HR"),
            Map.entry("HUNGARY", "HU"),
            Map.entry("MAGYARORSZÁG", "HU"),
            Map.entry("IRELAND", "IE"),
            Map.entry("REPUBLIC OF IRELAND", "IE"),
            Map.entry("ÉIRE", "IE"),
            Map.entry("ITALY", "IT"),
            Map.entry("ITALIA", "IT"),
            Map.entry("LITHUANIA", "LT"),
            Map.entry("LIETUVA", "LT"),
            Map.entry("LUXEMBOURG", "LU"),
            Map.entry("LUXEMBURG", "LU"),
            Map.entry("LËTZEBUERG", "LU"),
            Map.entry("LATVIA", "LV"),
            Map.entry("LATVIJA", "LV"),
            Map.entry("MALTA", "MT"),
            Map.entry("NETHERLANDS", "NL"),
            Map.entry("THE NETHERLANDS", "NL"),
            Map.entry("NEDERLAND", "NL"),
            Map.entry("HOLLAND", "NL"),
            Map.entry("POLAND", "PL"),
            Map.entry("POLSKA", "PL"),
            Map.entry("PORTUGAL", "PT"),
            Map.entry("ROMANIA", "RO"),
            Map.entry("SWEDEN", "SE"),
            Map.entry("SVERIGE", "SE"),
            Map.entry("SLOVENIA", "SI"),
            Map.entry("SLOVENIJA", "SI"),
            Map.entry("SLOVAKIA", "SK"),
            Map.entry("SLOVENSKO", "SK"),
            Map.entry("NORTHERN IRELAND", "XI"),
            Map.entry("UNITED KINGDOM", "GB"),
            Map.entry("GREAT BRITAIN", "GB"),
            Map.entry("BRITAIN", "GB"),
            Map.entry("UK", "GB"),
            Map.entry("ENGLAND", "GB"),
            Map.entry("SCOTLAND", "GB"),
            Map.entry("WALES", "GB"));
    return names.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(e -> fold(e.getKey()), Map.Entry::getValue));
  }
}

package sandbox.kmoshops;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stuff a Benelux shop's month is made of: its catalogue, and per country the buyers' names
 * (with their accents and scripts), company forms, streets, postcodes and cities, phone prefixes
 * and languages. Plain data; {@link OrderGenerator} draws from it.
 */
final class GeneratorData {

  private GeneratorData() {}

  /**
   * A product: {@code price} is what a shop with prices incl. VAT enters (incl. the home rate);
   * {@code unit} "m" or "kg" means it is sold in fractional quantities.
   */
  record Product(
      long id,
      String sku,
      String ean,
      String name,
      String variant,
      EuVatRates.Category category,
      BigDecimal price,
      String unit) {

    boolean fractional() {
      return unit != null;
    }
  }

  /** A place in a country: postcode, city, and streets there. */
  record Place(String zipcode, String city) {}

  /** Everything per country. */
  record Country(
      String code,
      String phonePrefix,
      List<String> languages,
      List<String> firstNames,
      List<String> lastNames,
      List<String> streets,
      List<Place> places,
      String companyForm,
      boolean formFirst,
      String emailDomain) {}

  static final List<Product> CATALOGUE =
      List.of(
          product(
              101,
              "LAMP-014",
              "5412345000014",
              "Tafellamp Ørsted",
              "Messing",
              "GENERAL",
              "89.95",
              null),
          product(
              102,
              "TEX-210",
              "5412345000021",
              "Linnen tafelkleed",
              "160 × 220 cm",
              "GENERAL",
              "49.95",
              null),
          product(
              103,
              "STOF-007",
              "5412345000038",
              "Katoenen stof per meter",
              "Oker",
              "GENERAL",
              "12.50",
              "m"),
          product(
              104, "KAB-300", null, "Installatiekabel per meter", "3G2,5", "GENERAL", "2.35", "m"),
          product(
              105,
              "TUIN-050",
              "5412345000052",
              "Tuinslang per meter",
              "19 mm",
              "GENERAL",
              "3.20",
              "m"),
          product(
              106, "MOK-002", "5412345000069", "Mok Café Crème", "35 cl", "GENERAL", "9.95", null),
          product(107, "WIJN-001", "5412345678901", "Rode wijn", "75 cl", "GENERAL", "12.10", null),
          product(108, "", null, "Cadeauverpakking", null, "GENERAL", "2.50", null),
          product(
              109,
              "KAARS-11",
              "5412345000083",
              "Geurkaars Forêt",
              "220 g",
              "GENERAL",
              "19.95",
              null),
          product(
              110,
              "SPEL-042",
              "5412345000090",
              "Bordspel Kolonisten",
              null,
              "GENERAL",
              "39.99",
              null),
          product(
              111,
              "KOF-100",
              "5412345000106",
              "Koffiebonen Ethiopië",
              "1 kg",
              "FOOD",
              "24.95",
              null),
          product(
              112, "CHOC-12", "5412345000113", "Pralines ballotin", "500 g", "FOOD", "27.50", null),
          product(
              113, "THEE-05", "5412345000120", "Groene thee Sencha", "100 g", "FOOD", "8.95", null),
          product(114, "KAAS-03", null, "Gruyère AOP per kg", null, "FOOD", "32.90", "kg"),
          product(
              115,
              "BOEK-7",
              "9789012345670",
              "Kookboek Smaken van Vlaanderen",
              null,
              "BOOKS",
              "25.00",
              null),
          product(
              116,
              "BOEK-19",
              "9789023456789",
              "Roman ‘Het Café aan de Schelde’",
              null,
              "BOOKS",
              "22.99",
              null),
          product(
              117,
              "STRIP-4",
              "9789002345678",
              "Stripalbum De Rode Ridder",
              null,
              "BOOKS",
              "6.99",
              null),
          product(
              118,
              "MARG-01",
              "5412345000144",
              "Plantaardige margarine",
              "500 g",
              "SPREAD",
              "3.49",
              null),
          product(119, "MARG-02", "5412345000151", "Halvarine", "250 g", "SPREAD", "2.19", null));

  /** Names in scripts other than the Latin one, for buyers anywhere (Chinese, Japanese, Korean). */
  static final List<String[]> CJK_NAMES =
      List.of(
          new String[] {"芳", "王"},
          new String[] {"伟", "李"},
          new String[] {"花子", "佐藤"},
          new String[] {"민준", "김"});

  static final Map<String, Country> COUNTRIES = new LinkedHashMap<>();

  static {
    country(
        "BE",
        "+32",
        "nl,nl,fr",
        "Jan,Sofie,Lotte,Wout,Étienne,Noël,Anaïs,Thibault,Mehmet,Fatima",
        "Peeters,Janssens,Maes,Claes,Dubois,Lefèvre,Vandenbroucke,De Smet,Van den Bossche,Öztürk",
        "Kerkstraat;Rue de l'Église;Grote Markt;Chaussée de Waterloo;Sint-Pietersnieuwstraat",
        "9000|Gent;2000|Antwerpen;1050|Ixelles;4000|Liège;3000|Leuven",
        "BV",
        false,
        "example.be");
    country(
        "NL",
        "+31",
        "nl",
        "Daan,Anouk,Sem,Julia,Bram,Fleur,Chloë,Joël",
        "de Vries,Jansen,van Dijk,Bakker,Visser,Smit,Meijer,van 't Hof",
        "Dorpsstraat;Hoofdweg;Prinsengracht;Oudegracht",
        "1016 GV|Amsterdam;3511 LX|Utrecht;9711 HM|Groningen;6211 CK|Maastricht",
        "B.V.",
        false,
        "example.nl");
    country(
        "DE",
        "+49",
        "de",
        "Jürgen,Björn,Lena,Jörg,Käthe,Sören",
        "Müller,Schröder,Weiß,Groß,Köhler,Fischer",
        "Königstraße;Hauptstraße;Schloßallee",
        "10115|Berlin;80331|München;50667|Köln",
        "GmbH",
        false,
        "example.de");
    country(
        "AT",
        "+43",
        "de",
        "Lukas,Anna,Hannes,Sophie",
        "Gruber,Huber,Pichler,Steiner,Mayrhofer",
        "Mariahilfer Straße;Hauptplatz",
        "1060|Wien;8010|Graz;5020|Salzburg",
        "GmbH",
        false,
        "example.at");
    country(
        "FR",
        "+33",
        "fr",
        "Hélène,François,Zoé,Jérôme,Cécile",
        "Lefèvre,Moreau,Girard,Bérenger,Rousseau",
        "Rue de la Paix;Avenue des Champs-Élysées;Rue du Faubourg Saint-Honoré",
        "75008|Paris;69002|Lyon;59000|Lille",
        "SARL",
        false,
        "example.fr");
    country(
        "LU",
        "+352",
        "fr,de",
        "Luc,Mireille,Gilles",
        "Schmit,Weber,Hoffmann,Muller",
        "Rue de l'Alzette;Grand-Rue",
        "4011|Esch-sur-Alzette;1660|Luxembourg",
        "S.à r.l.",
        false,
        "example.lu");
    country(
        "IT",
        "+39",
        "en",
        "Niccolò,Giulia,Matteo,Chiara",
        "Rossi,Bianchi,Esposito,Ricci,Caruso",
        "Via Roma;Corso Vittorio Emanuele II",
        "20121|Milano;00184|Roma;50123|Firenze",
        "S.r.l.",
        false,
        "example.it");
    country(
        "ES",
        "+34",
        "en",
        "José,Lucía,Andrés,María",
        "García,Núñez,Martínez,Peña",
        "Calle Mayor;Avenida de la Constitución",
        "28013|Madrid;08002|Barcelona;41001|Sevilla",
        "S.L.",
        false,
        "example.es");
    country(
        "PT",
        "+351",
        "en",
        "João,Inês,Conceição",
        "Gonçalves,Simões,Araújo",
        "Rua Augusta;Avenida da Liberdade",
        "1100-048|Lisboa;4000-322|Porto",
        "Lda.",
        false,
        "example.pt");
    country(
        "DK",
        "+45",
        "en",
        "Søren,Mette,Jørgen",
        "Jørgensen,Nielsen,Sørensen,Hansen",
        "Strøget;Nørregade",
        "1160|København K;8000|Aarhus C",
        "ApS",
        false,
        "example.dk");
    country(
        "SE",
        "+46",
        "en",
        "Åsa,Björn,Märta",
        "Lindström,Johansson,Åberg",
        "Drottninggatan;Storgatan",
        "111 51|Stockholm;411 03|Göteborg",
        "AB",
        false,
        "example.se");
    country(
        "FI",
        "+358",
        "en",
        "Väinö,Aino,Jussi",
        "Mäkinen,Korhonen,Hämäläinen",
        "Mannerheimintie;Hämeenkatu",
        "00100|Helsinki;33100|Tampere",
        "Oy",
        false,
        "example.fi");
    country(
        "PL",
        "+48",
        "en",
        "Łukasz,Zofia,Wojciech",
        "Wiśniewski,Nowak,Wójcik",
        "ul. Marszałkowska;ul. Floriańska",
        "00-624|Warszawa;31-019|Kraków",
        "sp. z o.o.",
        false,
        "example.pl");
    country(
        "CZ",
        "+420",
        "en",
        "Jiří,Petra,Tomáš",
        "Novák,Dvořák,Svoboda",
        "Václavské náměstí;Národní",
        "110 00|Praha 1;602 00|Brno",
        "s.r.o.",
        false,
        "example.cz");
    country(
        "SK",
        "+421",
        "en",
        "Ľubomír,Zuzana",
        "Horváth,Kováč",
        "Obchodná;Hlavná",
        "811 06|Bratislava;040 01|Košice",
        "s.r.o.",
        false,
        "example.sk");
    country(
        "SI",
        "+386",
        "en",
        "Matej,Špela",
        "Novak,Kovačič",
        "Slovenska cesta;Prešernov trg",
        "1000|Ljubljana;2000|Maribor",
        "d.o.o.",
        false,
        "example.si");
    country(
        "HR",
        "+385",
        "en",
        "Ivan,Ana,Luka",
        "Horvat,Kovačević,Babić",
        "Ilica;Vukovarska",
        "10000|Zagreb;21000|Split",
        "d.o.o.",
        false,
        "example.hr");
    country(
        "HU",
        "+36",
        "en",
        "Zoltán,Eszter,Gábor",
        "Nagy,Kovács,Szabó",
        "Váci utca;Andrássy út",
        "1052|Budapest;6720|Szeged",
        "Kft.",
        false,
        "example.hu");
    country(
        "RO",
        "+40",
        "en",
        "Andrei,Ioana,Ștefan",
        "Popescu,Ionescu,Dumitrescu",
        "Calea Victoriei;Strada Lipscani",
        "010063|București;400001|Cluj-Napoca",
        "S.R.L.",
        false,
        "example.ro");
    country(
        "BG",
        "+359",
        "en",
        "Иван,Мария,Георги",
        "Петров,Димитров,Георгиев",
        "бул. Витоша;ул. Граф Игнатиев",
        "1000|София;4000|Пловдив",
        "ООД",
        false,
        "example.bg");
    country(
        "GR",
        "+30",
        "en",
        "Γιώργος,Μαρία,Νίκος",
        "Παπαδόπουλος,Οικονόμου,Γεωργίου",
        "Οδός Ερμού;Λεωφόρος Συγγρού",
        "105 63|Αθήνα;546 24|Θεσσαλονίκη",
        "Α.Ε.",
        false,
        "example.gr");
    country(
        "CY",
        "+357",
        "en",
        "Ανδρέας,Ελένη",
        "Χριστοδούλου,Κωνσταντίνου",
        "Λεωφόρος Μακαρίου;Ledra Street",
        "1065|Λευκωσία;3036|Limassol",
        "Ltd",
        false,
        "example.com.cy");
    country(
        "MT",
        "+356",
        "en",
        "Joseph,Maria",
        "Borg,Camilleri,Vella",
        "Republic Street;Triq il-Merkanti",
        "VLT 1117|Valletta;SLM 1549|Sliema",
        "Ltd",
        false,
        "example.com.mt");
    country(
        "IE",
        "+353",
        "en",
        "Siobhán,Seán,Aoife",
        "O'Brien,Murphy,Ó Súilleabháin",
        "Grafton Street;Shop Street",
        "D02 YX88|Dublin 2;H91 E2K3|Galway",
        "Ltd",
        false,
        "example.ie");
    country(
        "EE",
        "+372",
        "en",
        "Mart,Kadri",
        "Tamm,Saar",
        "Viru;Pikk",
        "10140|Tallinn;51004|Tartu",
        "OÜ",
        false,
        "example.ee");
    country(
        "LV",
        "+371",
        "en",
        "Jānis,Līga",
        "Bērziņš,Ozols",
        "Brīvības iela;Elizabetes iela",
        "LV-1010|Rīga;LV-3001|Jelgava",
        "SIA",
        true,
        "example.lv");
    country(
        "LT",
        "+370",
        "en",
        "Jonas,Rūta",
        "Kazlauskas,Petrauskas",
        "Gedimino pr.;Laisvės al.",
        "LT-01103|Vilnius;LT-44240|Kaunas",
        "UAB",
        true,
        "example.lt");
    country(
        "CH",
        "+41",
        "de,fr",
        "Urs,Verena,Mathieu",
        "Meier,Brunner,Keller",
        "Bahnhofstrasse;Rue du Rhône",
        "8001|Zürich;1204|Genève",
        "AG",
        false,
        "example.ch");
    country(
        "GB",
        "+44",
        "en",
        "Oliver,Amelia,Siobhan",
        "Smith,Jones,O'Connor",
        "Baker Street;High Street",
        "NW1 6XE|London;M1 1AE|Manchester",
        "Ltd",
        false,
        "example.co.uk");
    country(
        "US",
        "+1",
        "en",
        "Emily,Michael",
        "Johnson,Nguyen,García",
        "5th Avenue;Main Street",
        "10001|New York;94103|San Francisco",
        "Inc.",
        false,
        "example.com");
    country(
        "NO",
        "+47",
        "en",
        "Øystein,Ingrid,Håkon",
        "Ødegård,Hansen,Bjørnstad",
        "Karl Johans gate;Bryggen",
        "0154|Oslo;5003|Bergen",
        "AS",
        false,
        "example.no");
  }

  private static Product product(
      long id,
      String sku,
      String ean,
      String name,
      String variant,
      String category,
      String price,
      String unit) {
    return new Product(
        id,
        sku,
        ean,
        name,
        variant,
        EuVatRates.Category.valueOf(category),
        new BigDecimal(price),
        unit);
  }

  private static void country(
      String code,
      String phone,
      String languages,
      String firstNames,
      String lastNames,
      String streets,
      String places,
      String form,
      boolean formFirst,
      String domain) {
    List<Place> ps =
        java.util.Arrays.stream(places.split(";"))
            .map(p -> new Place(p.substring(0, p.indexOf('|')), p.substring(p.indexOf('|') + 1)))
            .toList();
    COUNTRIES.put(
        code,
        new Country(
            code,
            phone,
            List.of(languages.split(",")),
            List.of(firstNames.split(",")),
            List.of(lastNames.split(",")),
            List.of(streets.split(";")),
            ps,
            form,
            formFirst,
            domain));
  }
}

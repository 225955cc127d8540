package koppel.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import koppel.connector.vies.ViesRestClient;
import koppel.vat.Territories;
import koppel.vat.VatClassifier;
import koppel.vat.VatRateTable;
import koppel.vat.ViesCache;
import koppel.vat.ViesClient;
import koppel.vat.ViesResult;
import koppel.vat.ViesService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** VAT knowledge: the rate and territory tables (built in, or the operator's files) and VIES. */
@Configuration(proxyBeanMethods = false)
class VatConfig {

  private static final Logger log = LoggerFactory.getLogger(VatConfig.class);

  @Bean
  VatRateTable vatRateTable(KoppelProperties p) {
    return p.vat().ratesFile() == null
        ? VatRateTable.bundled()
        : readFile(p.vat().ratesFile(), VatRateTable::read);
  }

  @Bean
  Territories territories(KoppelProperties p) {
    return p.vat().territoriesFile() == null
        ? Territories.bundled()
        : readFile(p.vat().territoriesFile(), Territories::read);
  }

  @Bean
  VatClassifier vatClassifier(VatRateTable rates, Territories territories) {
    return new VatClassifier(rates, territories);
  }

  @Bean
  ViesClient viesClient(KoppelProperties p, Clock clock) {
    KoppelProperties.Vies v = p.vat().vies();
    if (!v.enabled()) {
      log.info("VIES checks are switched off: ICP orders are booked without a VIES verdict");
      return (prefix, number) -> ViesResult.unknown("VIES_DISABLED", clock.instant());
    }
    return new ViesRestClient(
        v.baseUrl(), v.requesterCountry(), v.requesterNumber(), v.timeout(), clock);
  }

  @Bean
  ViesService viesService(KoppelProperties p, ViesClient client, ViesCache cache, Clock clock) {
    return new ViesService(client, cache, clock, p.vat().vies().cacheFor());
  }

  private static <T> T readFile(Path file, Function<Reader, T> parse) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      log.info("VAT table read from {}", file.toAbsolutePath());
      return parse.apply(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the VAT table " + file.toAbsolutePath(), e);
    }
  }
}

package koppel.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator can configure, under {@code koppel.*}; each value can be overridden by an
 * environment variable ({@code KOPPEL_DB_URL}, {@code KOPPEL_PUBLIC_URL}, ...).
 */
@ConfigurationProperties("koppel")
public record KoppelProperties(
    @DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue("koppel-data") Path dataDir,
    @DefaultValue Db db,
    @DefaultValue Crypto crypto,
    @DefaultValue Exact exact,
    @DefaultValue KmoShops kmoshops,
    @DefaultValue Operator operator,
    @DefaultValue Booking booking,
    @DefaultValue Vat vat) {

  /**
   * The database. Without {@code url} (and without {@code spring.datasource.url}) Koppel starts an
   * embedded PostgreSQL whose files live in {@code embeddedDataDir} (default: dataDir/postgres).
   */
  public record Db(
      String url,
      String username,
      String password,
      Path embeddedDataDir,
      @DefaultValue("0") int embeddedPort,
      @DefaultValue("10") int poolSize,
      @DefaultValue("20") int lockPoolSize) {}

  /** AES-256 key (base64) for tokens and secrets at rest; generated into dataDir when absent. */
  public record Crypto(String key) {}

  /**
   * The Exact Online app registration (one client per Koppel installation) and the connector's
   * knobs: Exact refuses a refresh within 570 s of the last one and expires tokens after 600 s; the
   * limits are assumed until Exact's headers say otherwise.
   */
  public record Exact(
      @DefaultValue("https://start.exactonline.nl") String baseUrl,
      String clientId,
      String clientSecret,
      @DefaultValue("10s") Duration connectTimeout,
      @DefaultValue("30s") Duration requestTimeout,
      @DefaultValue("570s") Duration minTokenAge,
      @DefaultValue("25s") Duration refreshBeforeExpiry,
      @DefaultValue("60") int minutelyLimit,
      @DefaultValue("5000") int dailyLimit,
      @DefaultValue("1s") Duration rateLimitMargin,
      @DefaultValue("4") int minuteReserve,
      @DefaultValue("20d") Duration keepAliveAfter,
      @DefaultValue("20") int importMinuteReserve,
      @DefaultValue("500") int importDayReserve,
      @DefaultValue("true") boolean mirror,
      @DefaultValue("10s") Duration mirrorFreshFor,
      @DefaultValue("1h") Duration mirrorRetryAfter) {}

  /** The KMO Shops app registration. */
  public record KmoShops(
      @DefaultValue("https://api.kmoshops.example") String baseUrl,
      String clientId,
      String clientSecret,
      @DefaultValue("10s") Duration connectTimeout,
      @DefaultValue("30s") Duration requestTimeout,
      @DefaultValue("5m") Duration webhookTolerance) {}

  /** The operator (us): may switch on the "on request" options and manage integrations. */
  public record Operator(@DefaultValue("operator") String username, String password) {}

  /** Queue and retry behaviour. */
  public record Booking(
      @DefaultValue("8") int maxAttempts,
      @DefaultValue("30s") Duration firstRetryDelay,
      @DefaultValue("2m") Duration takeoverAfter) {}

  /**
   * VAT knowledge. {@code ratesFile} and {@code territoriesFile} replace the built-in tables (same
   * CSV format) so an operator can follow a rate change without a new release. VIES is asked with
   * the requester's own VAT number so each check carries a consultation number.
   */
  public record Vat(Path ratesFile, Path territoriesFile, @DefaultValue Vies vies) {}

  /** The VIES REST service; verdicts are reused for {@code cacheFor}. */
  public record Vies(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("https://ec.europa.eu/taxation_customs/vies/rest-api") String baseUrl,
      String requesterCountry,
      String requesterNumber,
      @DefaultValue("10s") Duration timeout,
      @DefaultValue("7d") Duration cacheFor) {}

  public Path embeddedDataDir() {
    return db.embeddedDataDir() != null ? db.embeddedDataDir() : dataDir.resolve("postgres");
  }
}

package koppel.integration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One licence key: a shop connected to one Exact Online administration, held by a login. It runs
 * during its 30-day trial and afterwards only with an active subscription.
 */
public record Integration(
    UUID id,
    String licenceKey,
    String name,
    String ownerEmail,
    String ownerLogin,
    String shopCountry,
    State state,
    LocalDate startDate,
    Instant trialEndsAt,
    Instant createdAt,
    UUID loginId,
    boolean subscriptionActive,
    Instant configuredAt,
    String notificationEmail) {

  /** An integration as it is before anything about its login or subscription is known. */
  public Integration(
      UUID id,
      String licenceKey,
      String name,
      String ownerEmail,
      String ownerLogin,
      String shopCountry,
      State state,
      LocalDate startDate,
      Instant trialEndsAt,
      Instant createdAt) {
    this(
        id,
        licenceKey,
        name,
        ownerEmail,
        ownerLogin,
        shopCountry,
        state,
        startDate,
        trialEndsAt,
        createdAt,
        null,
        false,
        null,
        null);
  }

  public enum State {
    INSTALLING,
    ACTIVE,
    STOPPED
  }

  public boolean isStopped() {
    return state == State.STOPPED;
  }

  /** In its trial, or with an active subscription: the integration books orders. */
  public boolean mayRun(Instant now) {
    return subscriptionActive || trialEndsAt == null || now.isBefore(trialEndsAt);
  }

  /**
   * The shop's time zone, from its country: an order's day (the document date, the VAT date and the
   * start-date rule) is the day on the shop's calendar, not UTC's.
   */
  public ZoneId zone() {
    return ZONES.getOrDefault(
        shopCountry == null ? "" : shopCountry.toUpperCase(Locale.ROOT), BRUSSELS);
  }

  private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  private static final Map<String, ZoneId> ZONES =
      Map.ofEntries(
          Map.entry("BE", BRUSSELS),
          Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
          Map.entry("LU", ZoneId.of("Europe/Luxembourg")),
          Map.entry("DE", ZoneId.of("Europe/Berlin")),
          Map.entry("FR", ZoneId.of("Europe/Paris")),
          Map.entry("AT", ZoneId.of("Europe/Vienna")),
          Map.entry("IE", ZoneId.of("Europe/Dublin")),
          Map.entry("PT", ZoneId.of("Europe/Lisbon")),
          Map.entry("FI", ZoneId.of("Europe/Helsinki")),
          Map.entry("GR", ZoneId.of("Europe/Athens")));
}

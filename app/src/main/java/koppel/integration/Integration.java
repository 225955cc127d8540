package koppel.integration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One licence key: a shop connected to one Exact Online administration. */
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
    Instant createdAt) {

  public enum State {
    INSTALLING,
    ACTIVE,
    STOPPED
  }

  public boolean isStopped() {
    return state == State.STOPPED;
  }
}

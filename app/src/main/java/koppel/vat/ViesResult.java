package koppel.vat;

import java.time.Instant;

/**
 * What VIES said about a VAT number. {@code UNKNOWN} (a member state or VIES itself unavailable,
 * busy, timed out) is never "invalid": check again later. {@code requestIdentifier} is the
 * consultation number, kept as evidence of the check.
 */
public record ViesResult(
    Status status,
    String requestIdentifier,
    String name,
    String address,
    Instant checkedAt,
    String error) {

  public enum Status {
    VALID,
    INVALID,
    /** VIES could not say now (outage, busy, timeout): not a verdict. */
    UNKNOWN,
    /** VIES refused the request itself (malformed number or requester). */
    INPUT_ERROR
  }

  public boolean isVerdict() {
    return status == Status.VALID || status == Status.INVALID;
  }

  public static ViesResult unknown(String error, Instant at) {
    return new ViesResult(Status.UNKNOWN, null, null, null, at, error);
  }
}

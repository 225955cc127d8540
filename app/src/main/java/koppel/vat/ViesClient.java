package koppel.vat;

/** Port: asks VIES about one VAT number (prefix EL for Greece, XI for Northern Ireland). */
public interface ViesClient {

  /** Never throws for VIES's own troubles: those are {@link ViesResult.Status#UNKNOWN}. */
  ViesResult check(String prefix, String number);
}

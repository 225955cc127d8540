package sandbox.vies;

/**
 * The official {@code CheckVatRequest}. Fields a client invents (python-stdnum sends the SOAP names
 * {@code requesterCountryCode} / {@code requesterVatNumber}) are ignored, as VIES ignores them.
 */
record CheckVatRequest(
    String countryCode,
    String vatNumber,
    String requesterMemberStateCode,
    String requesterNumber,
    String traderName,
    String traderStreet,
    String traderPostalCode,
    String traderCity,
    String traderCompanyType) {

  static final CheckVatRequest EMPTY =
      new CheckVatRequest(null, null, null, null, null, null, null, null, null);

  boolean hasRequester() {
    return !blank(requesterMemberStateCode) || !blank(requesterNumber);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

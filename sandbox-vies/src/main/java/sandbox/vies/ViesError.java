package sandbox.vies;

/**
 * The error codes VIES answers in {@code errorWrappers[].error}, with the HTTP status this sandbox
 * uses unless the {@code error-status} knob says otherwise. The two {@code *_TIME} codes appear
 * only in VIES's test-service documentation (see {@code test-service-official-table}).
 */
enum ViesError {
  INVALID_INPUT(400, "The provided CountryCode is invalid or the VAT number is empty"),
  INVALID_REQUESTER_INFO(
      400, "The requester's member state code or VAT number is missing or invalid"),
  SERVICE_UNAVAILABLE(
      500, "An error was encountered at the network or application level, try again later"),
  MS_UNAVAILABLE(
      500, "The application at the member state is not replying or not available, try again later"),
  TIMEOUT(
      500, "The application did not receive a reply within the allocated time, try again later"),
  GLOBAL_MAX_CONCURRENT_REQ(
      500, "The maximum number of concurrent requests has been reached, try again later"),
  GLOBAL_MAX_CONCURRENT_REQ_TIME(
      500, "The maximum number of requests in the time window has been reached, try again later"),
  MS_MAX_CONCURRENT_REQ(
      500,
      "The maximum number of concurrent requests for this member state has been reached, try again later"),
  MS_MAX_CONCURRENT_REQ_TIME(
      500,
      "The maximum number of requests for this member state in the time window has been reached, try again later"),
  VAT_BLOCKED(500, "The VAT number is blocked"),
  IP_BLOCKED(500, "The requester's IP address is blocked");

  final int defaultStatus;
  final String message;

  ViesError(int defaultStatus, String message) {
    this.defaultStatus = defaultStatus;
    this.message = message;
  }
}

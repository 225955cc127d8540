package sandbox.exact;

import java.util.List;

/** An answer in Exact's error envelope: status, message lines (joined by \r\n), Reason header. */
final class ApiError extends RuntimeException {

  final int status;
  final String reason;

  ApiError(int status, String message) {
    this(status, message, null);
  }

  ApiError(int status, String message, String reason) {
    super(message, null, false, false);
    this.status = status;
    this.reason = reason;
  }

  static ApiError validation(int status, List<String> messages) {
    return new ApiError(status, String.join("\r\n", messages));
  }

  /** Counts toward Exact's hourly error budget (400, 401, 403, 404). */
  boolean countsAsError() {
    return status == 400 || status == 401 || status == 403 || status == 404;
  }
}

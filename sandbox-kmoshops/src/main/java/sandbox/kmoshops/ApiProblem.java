package sandbox.kmoshops;

/**
 * An answer in the contract's error envelope ({@code {"error": {"code", "message"}}}), thrown from
 * deep inside a handler and rendered by the controller with the right status.
 */
final class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String code;

  ApiProblem(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiProblem validation(String message) {
    return new ApiProblem(422, "VALIDATION", message);
  }

  static ApiProblem notFound(String message) {
    return new ApiProblem(404, "NOT_FOUND", message);
  }

  static ApiProblem unauthorized(String message) {
    return new ApiProblem(401, "UNAUTHORIZED", message);
  }
}

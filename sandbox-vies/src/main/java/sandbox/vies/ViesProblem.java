package sandbox.vies;

/**
 * A check that ends in a VIES error: thrown from deep inside a check and rendered by the controller
 * as {@code CommonResponse} with the status of {@link ViesSandboxProperties#status(ViesError)}.
 */
final class ViesProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final ViesError error;

  ViesProblem(ViesError error) {
    this(error, error.message);
  }

  ViesProblem(ViesError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }
}

package koppel.order.port;

import java.time.Instant;

/**
 * Why a call to the shop or the accounting system did not succeed, typed so the pipeline can decide
 * between retrying, waiting and asking the merchant.
 */
public abstract sealed class ExternalSystemException extends RuntimeException {

  /** The longest answer kept: enough for any error envelope, not a whole HTML page. */
  public static final int ANSWER_LIMIT = 8000;

  private String answer;

  protected ExternalSystemException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * What the system answered, word for word (the HTTP status, then the body), when it answered;
   * null when it did not (a timeout, a refused connection, a call Koppel held back).
   */
  public String answer() {
    return answer;
  }

  /** Records what the system answered (cut at {@link #ANSWER_LIMIT} characters); returns this. */
  public ExternalSystemException withAnswer(String answer) {
    this.answer =
        answer == null || answer.length() <= ANSWER_LIMIT
            ? answer
            : answer.substring(0, ANSWER_LIMIT) + " …";
    return this;
  }

  /** The system refused the request for a business reason; retrying unchanged will not help. */
  public static final class Rejected extends ExternalSystemException {
    public Rejected(String message) {
      super(message, null);
    }
  }

  /**
   * A rate limit is reached; try again at {@code retryAt}, which is not the merchant's problem.
   * {@code byRemote}: the remote system answered 429; otherwise Koppel held the call back itself
   * (its own share of the budget was used up, or a token may not be refreshed yet).
   */
  public static final class RateLimited extends ExternalSystemException {
    private final Instant retryAt;
    private final boolean byRemote;

    public RateLimited(String message, Instant retryAt, boolean byRemote) {
      super(message, null);
      this.retryAt = retryAt;
      this.byRemote = byRemote;
    }

    public Instant retryAt() {
      return retryAt;
    }

    public boolean byRemote() {
      return byRemote;
    }
  }

  /** The connection is not (or no longer) authorised: the merchant must reconnect. */
  public static final class NotAuthorized extends ExternalSystemException {
    public NotAuthorized(String message) {
      super(message, null);
    }
  }

  /** The system could not be reached or failed before doing anything: retry with backoff. */
  public static final class Unavailable extends ExternalSystemException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A write may or may not have happened (timeout, reset, 5xx): look up before writing again. */
  public static final class OutcomeUnknown extends ExternalSystemException {
    public OutcomeUnknown(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The thing asked for does not exist (e.g. an order deleted in the shop). */
  public static final class NotFound extends ExternalSystemException {
    public NotFound(String message) {
      super(message, null);
    }
  }
}

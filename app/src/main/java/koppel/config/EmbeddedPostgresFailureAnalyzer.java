package koppel.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link EmbeddedPostgresException} into Spring Boot's "APPLICATION FAILED TO START"
 * report: what failed, in which directory, the cause in one line and what to do. The stack trace
 * goes to the log at DEBUG only (Spring Boot's reporter does that).
 */
class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresException cause) {
    StringBuilder description = new StringBuilder(cause.getMessage());
    if (cause.getCause() != null) {
      // the nearest cause says most ("Gave up waiting for server to start"), its roots less
      description.append(" (caused by ").append(cause.getCause()).append(')');
    }
    return new FailureAnalysis(description.toString(), cause.action(), cause);
  }
}

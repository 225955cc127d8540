package koppel.order.port;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A lock every Koppel node on the database sees: find-or-create of customers, products and
 * addresses, and Exact token refreshes, run under it, so two orders of the same new customer never
 * create two debtors and two nodes never refresh one token chain. Released when the work ends or
 * the node dies. It never keeps a database transaction open while Exact answers.
 */
public interface ClusterLock {

  /**
   * For keys that hold across integrations, such as a customer in a division two shops book into:
   * pass this instead of an integration's id.
   */
  UUID ANY_INTEGRATION = new UUID(0, 0);

  /**
   * Runs {@code work} holding the locks of all {@code keys} of this integration, taken in a fixed
   * order (so two callers wanting overlapping keys cannot deadlock). Do not nest calls for the same
   * key on one thread.
   *
   * @throws Timeout when a lock stays taken longer than the configured wait
   */
  <T> T exclusively(UUID integrationId, Collection<String> keys, Supplier<T> work);

  /** A lock could not be had in time (another node holds it for very long). */
  final class Timeout extends RuntimeException {
    public Timeout(String message) {
      super(message);
    }
  }
}

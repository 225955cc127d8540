package koppel.order.port;

import java.time.Instant;
import java.util.List;
import koppel.order.domain.OrderKey;

/** The append-only history of an order ("More info" on the dashboard). */
public interface EventLog {

  void record(OrderKey key, String kind, String message, Instant at);

  List<Entry> history(OrderKey key);

  record Entry(Instant at, String kind, String message) {}
}

package koppel.tabs;

import java.util.List;
import java.util.UUID;

/** Out-port: the tickets sent to support, as they were when sent. */
public interface TicketStore {

  /** Stores the ticket; returns it with its number. */
  Ticket save(Ticket ticket);

  List<Ticket> recent(UUID integrationId, int limit);
}

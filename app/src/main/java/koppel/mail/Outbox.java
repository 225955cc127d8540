package koppel.mail;

import java.util.UUID;

/**
 * Sends an e-mail reliably: the mail is stored and queued in the caller's moment and sent by the
 * queue right after, retried while the mail server refuses. Returns the mail's id.
 */
public interface Outbox {

  UUID send(Mail mail);
}

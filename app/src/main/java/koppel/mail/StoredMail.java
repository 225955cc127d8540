package koppel.mail;

import java.time.Instant;
import java.util.UUID;

/** A mail in the outbox: sent (with when) or still waiting (with the last error). */
public record StoredMail(
    UUID id, Mail mail, Instant createdAt, Instant sentAt, int attempts, String lastError) {}

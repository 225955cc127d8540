package koppel.order.port;

import java.util.UUID;

/** A record in the accounting system: its id and its human code (account code, item code). */
public record AccountingRef(UUID id, String code) {}

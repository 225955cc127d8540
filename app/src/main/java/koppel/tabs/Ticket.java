package koppel.tabs;

import java.time.Instant;
import java.util.UUID;

/**
 * A question or a problem report to support. {@code snapshot} holds everything support needs (the
 * integration, the licence key, the order's error and history, what Exact answered) as it was when
 * the merchant sent it; {@code number} is what the merchant quotes.
 */
public record Ticket(
    UUID id,
    long number,
    UUID integrationId,
    Long shopOrderId,
    String orderNumber,
    String code,
    String subject,
    String remark,
    String snapshot,
    String createdBy,
    Instant createdAt) {}

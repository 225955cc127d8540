package koppel.connector.kmoshops;

import java.time.Duration;

/** The connector's knobs; {@code webhookTolerance} is the allowed clock difference (5 minutes). */
public record KmoShopsSettings(
    String clientId,
    String clientSecret,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration webhookTolerance) {}

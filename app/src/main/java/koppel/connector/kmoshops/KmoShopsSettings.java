package koppel.connector.kmoshops;

import java.time.Duration;

/**
 * The connector's knobs: the shop platform's base URL and the app registration; {@code
 * webhookTolerance} is the allowed clock difference for webhooks (5 minutes).
 */
public record KmoShopsSettings(
    String baseUrl,
    String clientId,
    String clientSecret,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration webhookTolerance) {}

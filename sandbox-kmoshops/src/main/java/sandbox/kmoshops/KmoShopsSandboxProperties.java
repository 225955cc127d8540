package sandbox.kmoshops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox's knobs. {@code webhookTimeScale} shrinks the contract's retry schedule (8 retries
 * over about four hours) so tests can watch it: 0.001 turns hours into seconds.
 */
@ConfigurationProperties("sandbox.kmoshops")
public record KmoShopsSandboxProperties(
    @DefaultValue("120") int requestsPerMinute,
    @DefaultValue("1.0") double webhookTimeScale,
    @DefaultValue("8") int webhookRetries,
    @DefaultValue("60s") Duration webhookFirstRetry,
    @DefaultValue("5s") Duration webhookTimeout,
    @DefaultValue("10m") Duration authorizationCodeLifetime,
    @DefaultValue("50") int defaultPageSize,
    @DefaultValue("250") int maxPageSize,
    @DefaultValue("4") int webhookSenderThreads,
    @DefaultValue("16") int webhookReleaseThreads,
    @DefaultValue("10000") int webhookAttemptLogLimit) {}

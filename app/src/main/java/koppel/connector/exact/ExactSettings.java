package koppel.connector.exact;

import java.time.Duration;

/**
 * The connector's knobs. The refresh rule follows Exact: a token may only be refreshed 570 s after
 * it was issued and it expires after 600 s, so Koppel refreshes in the last seconds before expiry
 * ({@code refreshBeforeExpiry}), never before {@code minTokenAge}. The limits are what Koppel
 * assumes until Exact's headers say otherwise; {@code rateLimitMargin} absorbs clock skew at a
 * window's reset; {@code minuteReserve} calls of each minute stay unused for calls in flight that
 * Exact will count in the next minute. Background work (imports) leaves {@code importMinuteReserve}
 * calls of each minute and {@code importDayReserve} of each day to live orders. The mirror of
 * accounts and items ({@code mirror}) answers when read less than {@code mirrorFreshFor} ago, and
 * pauses for {@code mirrorRetryAfter} when Exact refuses its reads.
 */
public record ExactSettings(
    String clientId,
    String clientSecret,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration minTokenAge,
    Duration refreshBeforeExpiry,
    int minutelyLimit,
    int dailyLimit,
    Duration rateLimitMargin,
    int minuteReserve,
    int importMinuteReserve,
    int importDayReserve,
    boolean mirror,
    Duration mirrorFreshFor,
    Duration mirrorRetryAfter) {}

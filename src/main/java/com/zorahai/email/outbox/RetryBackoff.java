package com.zorahai.email.outbox;

import java.time.Duration;

/**
 * Exponential backoff between attempts: {@code initial * multiplier^(attempt-1)}, at most {@code max}. A delay the
 * provider asked for ({@code Retry-After}, {@code X-RateLimit-Reset}) wins over the computed one, capped at
 * {@code max} too, so a provider cannot park an email for a day.
 */
record RetryBackoff(Duration initial, double multiplier, Duration max) {

    static RetryBackoff of(OutboxProperties.Retry retry) {
        return new RetryBackoff(retry.initialBackoff(), retry.multiplier(), retry.maxBackoff());
    }

    /** The delay after the failed attempt number {@code attempt} (1 for the first). */
    Duration delayAfter(int attempt, Duration requested) {
        if (requested != null && !requested.isNegative()) {
            return min(requested, max);
        }
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        if (Double.isInfinite(millis) || millis >= max.toMillis()) {
            return max;
        }
        return Duration.ofMillis((long) millis);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

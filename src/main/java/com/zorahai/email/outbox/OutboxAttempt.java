package com.zorahai.email.outbox;

import java.time.Instant;

/**
 * One try at handing an email to the provider: its HTTP status (null when the provider was not reached), its
 * outcome ({@code sent}, {@code retry}, {@code dead}, {@code held}) and a short, sanitized error.
 */
public record OutboxAttempt(int attempt, Instant attemptedAt, Integer statusCode, String outcome, String error,
        Long durationMs) {
}

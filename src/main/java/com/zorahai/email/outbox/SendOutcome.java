package com.zorahai.email.outbox;

import java.time.Duration;

/**
 * What became of one attempt to hand an email to the provider.
 */
public sealed interface SendOutcome {

    /** The provider accepted the email; {@code messageId} matches its later events. */
    record Sent(int statusCode, String messageId) implements SendOutcome {
    }

    /**
     * A passing failure (rate limit, provider error, network): try again later, after {@code retryAfter} when the
     * provider said so (null otherwise). {@code statusCode} is null when the provider was not reached.
     */
    record Retryable(Integer statusCode, String error, Duration retryAfter) implements SendOutcome {
    }

    /** The provider refused the email or the key for good: trying again cannot help. */
    record Rejected(int statusCode, String error) implements SendOutcome {
    }

    /** No provider key for this tenant: the email is held in the outbox. */
    record NotConfigured(String reason) implements SendOutcome {
    }

    /** The provider was not tried (its circuit breaker is open); try again after {@code delay}, no attempt used. */
    record Deferred(String reason, Duration delay) implements SendOutcome {
    }
}

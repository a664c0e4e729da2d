package com.zorahai.whatsapp.provider;

import java.time.Duration;

/** What became of one attempt to hand a message to a provider. */
public sealed interface SendResult {

    /** Accepted; {@code providerMessageId} matches the later status webhooks. */
    record Sent(String providerMessageId, int httpStatus) implements SendResult {
    }

    /**
     * A passing failure: try again later, after {@code retryAfter} when known.
     *
     * @param throttled a throughput or rate limit (130429, 131056, HTTP 429): backs off, does not count against the
     *        provider's health
     */
    record Retryable(Integer httpStatus, Integer errorCode, String error, Duration retryAfter, boolean throttled)
            implements
                SendResult {
    }

    /**
     * Refused for good.
     *
     * @param windowClosed the customer-service window is closed (131047): only a template can reach the customer
     */
    record Rejected(Integer httpStatus, Integer errorCode, String error, boolean windowClosed) implements SendResult {
    }

    /** The tenant's provider is not configured: nothing was sent. */
    record NotConfigured(String reason) implements SendResult {
    }

    /** The provider was not tried (its circuit breaker is open); no attempt used. */
    record Deferred(String reason, Duration delay) implements SendResult {
    }
}

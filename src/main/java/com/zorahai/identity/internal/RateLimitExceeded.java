package com.zorahai.identity.internal;

import com.zorahai.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Too many attempts: answered as a 429 {@code rate-limited} problem with a {@code Retry-After} header.
 */
public class RateLimitExceeded extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimitExceeded(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many attempts. Try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
        with("retryAfter", retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

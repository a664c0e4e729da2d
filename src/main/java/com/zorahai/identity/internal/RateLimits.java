package com.zorahai.identity.internal;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Limits of the endpoints that guess or spend secrets (login, refresh, password reset, invitation accept,
 * registration): one bucket per client address and endpoint, one per account and endpoint. Account keys are hashed,
 * so no email lands in memory or in the table.
 */
public class RateLimits {

    private final RateLimitBackend backend;
    private final BucketConfiguration configuration;

    public RateLimits(RateLimitBackend backend, IdentityProperties.RateLimits limits) {
        this.backend = backend;
        this.configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limits.perMinute()).refillGreedy(limits.perMinute(), Duration.ofMinutes(1)))
                .addLimit(l -> l.capacity(limits.perHour()).refillGreedy(limits.perHour(), Duration.ofHours(1)))
                .build();
    }

    /** Counts an attempt from this address; a {@link RateLimitExceeded} when over the limit. */
    public void checkAddress(String endpoint, String address) {
        check("ip:" + (address == null ? "unknown" : address) + ":" + endpoint);
    }

    /** Counts an attempt on this account (an email or a user id); a {@link RateLimitExceeded} when over the limit. */
    public void checkAccount(String endpoint, String account) {
        if (account == null || account.isBlank()) {
            return;
        }
        check("account:" + SecretTokens.hash(account.trim().toLowerCase(Locale.ROOT)).substring(0, 32) + ":"
                + endpoint);
    }

    private void check(String key) {
        long waitNanos = backend.tryConsume(key, configuration);
        if (waitNanos > 0) {
            throw new RateLimitExceeded(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L)));
        }
    }
}

package com.zorahai.identity.internal;

import io.github.bucket4j.BucketConfiguration;

/**
 * Where the buckets of the rate limits live.
 */
public interface RateLimitBackend {

    /**
     * Takes one token from the bucket of {@code key}.
     *
     * @return 0 when allowed, else the nanoseconds to wait before the next attempt may pass
     */
    long tryConsume(String key, BucketConfiguration configuration);
}

package com.zorahai.identity;

import com.zorahai.identity.internal.RateLimitBackend;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * Request limits for other modules' public endpoints, kept where the sign-in limits are: in this instance's memory by
 * default, or in PostgreSQL shared by every instance with {@code RATE_LIMIT_BACKEND=postgres}.
 */
@Service
public class RequestLimits {

    private final RateLimitBackend backend;
    private final Map<List<Integer>, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    RequestLimits(RateLimitBackend backend) {
        this.backend = backend;
    }

    /**
     * Counts one request against the bucket of {@code key} (a minute window and an hour window).
     *
     * @param key what is counted, unique to the caller (e.g. {@code helpdesk:<tenant>:<address>}), at most 255
     *        characters
     * @return 0 when the request may pass, else the whole seconds (at least 1) until the next one may
     */
    public long tryAcquire(String key, int perMinute, int perHour) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new IllegalArgumentException("A request limit key must have 1 to 255 characters");
        }
        BucketConfiguration configuration = configurations.computeIfAbsent(List.of(perMinute, perHour),
                limits -> BucketConfiguration.builder()
                        .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                        .addLimit(l -> l.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
                        .build());
        long waitNanos = backend.tryConsume(key, configuration);
        return waitNanos <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
    }
}

package com.zorahai.identity.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Buckets in this instance's memory. Idle buckets are dropped (a bucket idle for the longest window is full
 * again anyway), and the map is bounded, so random keys cannot fill the heap.
 */
public class InMemoryRateLimitBackend implements RateLimitBackend {

    static final int MAX_KEYS = 100_000;

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final long idleNanos;

    public InMemoryRateLimitBackend(long idleNanos) {
        this.idleNanos = idleNanos;
    }

    @Override
    public long tryConsume(String key, BucketConfiguration configuration) {
        if (buckets.size() >= MAX_KEYS) {
            dropIdle();
        }
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(Bucket.builder()
                .addLimit(configuration.getBandwidths()[0])
                .addLimit(configuration.getBandwidths()[1])
                .build()));
        entry.lastUsed = System.nanoTime();
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    @Scheduled(fixedDelay = 300_000)
    void dropIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(e -> now - e.lastUsed > idleNanos);
    }

    int size() {
        return buckets.size();
    }

    private static final class Entry {

        final Bucket bucket;
        volatile long lastUsed;

        Entry(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}

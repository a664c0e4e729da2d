package com.zorahai.helpdesk.internal;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Guards the public helpdesk: each tenant's public key (stored only as a SHA-256 hash, shown once when rotated) and
 * per-address limits (Bucket4j, per address and tenant, a minute and an hour window; counted before the key is
 * checked, so guessing keys is limited too). The buckets live in this instance's memory.
 */
@Component
public class PublicAccess {

    static final String PREFIX = "hdk_";
    static final int MAX_BUCKETS = 100_000;

    private final HelpdeskStore store;
    private final HelpdeskProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    PublicAccess(HelpdeskStore store, HelpdeskProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** A new public key for the tenant; the previous one stops working at once. */
    public String rotate(TenantId tenant) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.savePublicKey(tenant, hash(key), key.substring(0, 8), clock.instant());
        return key;
    }

    /** A 401 problem unless {@code key} is the tenant's current public key. */
    public void checkKey(TenantId tenant, String key) {
        String expected = store.publicKeyHash(tenant).orElse(null);
        boolean ok = expected != null && key != null && !key.isBlank() && MessageDigest.isEqual(expected.getBytes(
                StandardCharsets.US_ASCII), hash(key.strip()).getBytes(StandardCharsets.US_ASCII));
        if (!ok) {
            throw ProblemException.of(HttpStatus.UNAUTHORIZED, "invalid-public-key", "Invalid public key",
                    "Send the tenant's helpdesk public key in the X-Helpdesk-Key header.");
        }
    }

    /** Counts a request from {@code address}; a 429 problem with {@code retry_after} when over the limit. */
    public void checkRate(TenantId tenant, String address) {
        if (buckets.size() >= MAX_BUCKETS) {
            dropIdle();
        }
        Entry entry = buckets.computeIfAbsent(tenant.value() + "|" + address, k -> new Entry(Bucket.builder()
                .addLimit(l -> l.capacity(properties.publicLimits().perMinute()).refillGreedy(properties
                        .publicLimits().perMinute(), Duration.ofMinutes(1)))
                .addLimit(l -> l.capacity(properties.publicLimits().perHour()).refillGreedy(properties.publicLimits()
                        .perHour(), Duration.ofHours(1)))
                .build()));
        entry.lastUsed = System.nanoTime();
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new RateLimited(seconds);
        }
    }

    /** Too many requests from one address. */
    public static final class RateLimited extends ProblemException {

        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "Too many requests from this address. Try again in " + retryAfterSeconds + " seconds.");
            this.retryAfterSeconds = retryAfterSeconds;
            with("retry_after", retryAfterSeconds);
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Scheduled(fixedDelay = 300_000)
    void dropIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(e -> now - e.lastUsed > TimeUnit.HOURS.toNanos(1));
    }

    private static final class Entry {

        final Bucket bucket;
        volatile long lastUsed;

        Entry(Bucket bucket) {
            this.bucket = bucket;
        }
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.zorahai.helpdesk.internal;

import com.zorahai.identity.RequestLimits;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Guards the public helpdesk: each tenant's public key (stored only as a SHA-256 hash, shown once when rotated) and
 * per-address limits (Bucket4j, per address and tenant, a minute and an hour window; counted before the key is
 * checked, so guessing keys is limited too). The buckets live where identity keeps its sign-in limits: this
 * instance's memory by default, PostgreSQL shared by all instances with {@code RATE_LIMIT_BACKEND=postgres}.
 */
@Component
public class PublicAccess {

    static final String PREFIX = "hdk_";

    private final HelpdeskStore store;
    private final HelpdeskProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final RequestLimits limits;

    PublicAccess(HelpdeskStore store, HelpdeskProperties properties, RequestLimits limits) {
        this.store = store;
        this.properties = properties;
        this.limits = limits;
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
        long seconds = limits.tryAcquire("helpdesk:" + tenant.value() + ":" + (address == null ? "unknown" : address),
                properties.publicLimits().perMinute(), properties.publicLimits().perHour());
        if (seconds > 0) {
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

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

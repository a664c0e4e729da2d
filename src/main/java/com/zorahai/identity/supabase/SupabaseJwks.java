package com.zorahai.identity.supabase;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The project's public signing keys from {@code /auth/v1/.well-known/jwks.json}: reused for at most
 * {@code jwks-cache-ttl} (Supabase serves them with {@code max-age=600}), fetched again at once when a token names a
 * {@code kid} the cached set lacks (key rotation), but no more often than {@code jwks-min-refetch-interval}.
 */
class SupabaseJwks implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SupabaseJwks.class);

    private final RestClient http;
    private final Duration ttl;
    private final Duration minRefetchInterval;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile JWKSet keys = new JWKSet();
    private volatile Instant fetchedAt = Instant.EPOCH;

    SupabaseJwks(RestClient http, Duration ttl, Duration minRefetchInterval, Clock clock) {
        this.http = http;
        this.ttl = ttl;
        this.minRefetchInterval = minRefetchInterval;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Instant now = clock.instant();
        if (now.isAfter(fetchedAt.plus(ttl))) {
            refresh(now, fetchedAt);
        }
        List<JWK> matches = selector.select(keys);
        if (!matches.isEmpty()) {
            return matches;
        }
        Set<String> wanted = selector.getMatcher().getKeyIDs();
        boolean unknownKid = wanted != null && !wanted.isEmpty()
                && wanted.stream().noneMatch(kid -> keys.getKeyByKeyId(kid) != null);
        if (unknownKid && now.isAfter(fetchedAt.plus(minRefetchInterval))) {
            refresh(now, fetchedAt);
            return selector.select(keys);
        }
        return matches;
    }

    int size() {
        return keys.size();
    }

    private void refresh(Instant now, Instant seen) throws KeySourceException {
        lock.lock();
        try {
            if (!fetchedAt.equals(seen)) {
                return; // another thread fetched meanwhile
            }
            String body = http.get().uri("/.well-known/jwks.json").retrieve().body(String.class);
            keys = JWKSet.parse(body == null ? "{\"keys\":[]}" : body);
            fetchedAt = now;
            log.debug("Fetched {} Supabase signing keys", keys.size());
        } catch (RestClientException | ParseException ex) {
            // keep the keys we had; try again on the next token
            log.warn("Could not fetch the Supabase signing keys: {}", ex.getClass().getSimpleName());
            if (keys.isEmpty()) {
                throw new KeySourceException("The Supabase signing keys are unavailable", ex);
            }
        } finally {
            lock.unlock();
        }
    }

}

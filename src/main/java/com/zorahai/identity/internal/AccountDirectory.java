package com.zorahai.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Accounts with their memberships, kept for a short while so that a burst of requests reads the database once.
 * Every change of a user or a membership through this instance evicts the entry; other instances see the change
 * when their entry expires ({@code zorah.identity.membership-cache-ttl}).
 */
@Component
public class AccountDirectory {

    private final Users users;
    private final Memberships memberships;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();
    private final Map<UUID, Entry> cache = new ConcurrentHashMap<>();

    AccountDirectory(Users users, Memberships memberships, IdentityProperties properties) {
        this.users = users;
        this.memberships = memberships;
        this.ttl = properties.membershipCacheTtl();
    }

    public Optional<Account> find(UUID userId) {
        Instant now = clock.instant();
        Entry entry = cache.get(userId);
        if (entry != null && entry.expiresAt().isAfter(now)) {
            return Optional.of(entry.account());
        }
        Optional<Account> account = users.find(userId).map(user -> new Account(user, memberships.ofUser(userId)));
        account.ifPresentOrElse(a -> {
            if (!ttl.isZero()) {
                cache.put(userId, new Entry(a, now.plus(ttl)));
            }
        }, () -> cache.remove(userId));
        return account;
    }

    public void evict(UUID userId) {
        cache.remove(userId);
    }

    @Scheduled(fixedDelay = 60_000)
    void dropExpired() {
        Instant now = clock.instant();
        cache.values().removeIf(e -> !e.expiresAt().isAfter(now));
    }

    private record Entry(Account account, Instant expiresAt) {
    }
}

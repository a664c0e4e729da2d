package com.zorahai.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.IntegrationTest;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Both backends count the same way; the PostgreSQL one shares its counts between instances.
 */
@IntegrationTest
class RateLimitBackendTests {

    static final IdentityProperties.RateLimits LIMITS = new IdentityProperties.RateLimits(
            IdentityProperties.Backend.POSTGRES, 5, 20);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    static void assertSixthRefused(RateLimits limits, String key) {
        for (int i = 0; i < 5; i++) {
            limits.checkAddress("login", key);
        }
        assertThatThrownBy(() -> limits.checkAddress("login", key)).isInstanceOfSatisfying(RateLimitExceeded.class,
                ex -> assertThat(ex.retryAfterSeconds()).isBetween(1L, 60L));
    }

    @Test
    void inMemoryBackendAllowsFiveAMinute() {
        assertSixthRefused(new RateLimits(new InMemoryRateLimitBackend(1_000_000_000L), LIMITS), "198.51.100.7");
    }

    @Test
    void inMemoryBackendForgetsIdleBuckets() {
        InMemoryRateLimitBackend backend = new InMemoryRateLimitBackend(0);
        RateLimits limits = new RateLimits(backend, LIMITS);
        limits.checkAccount("login", "someone@example.com");
        assertThat(backend.size()).isEqualTo(1);
        backend.dropIdle();
        assertThat(backend.size()).isZero();
    }

    @Test
    void hourlyLimitHoldsAfterTheMinuteRefills() {
        RateLimits limits = new RateLimits(new InMemoryRateLimitBackend(1_000_000_000L),
                new IdentityProperties.RateLimits(IdentityProperties.Backend.MEMORY, 100, 3));
        for (int i = 0; i < 3; i++) {
            limits.checkAccount("refresh", "user");
        }
        assertThatThrownBy(() -> limits.checkAccount("refresh", "user")).isInstanceOfSatisfying(
                RateLimitExceeded.class, ex -> assertThat(ex.retryAfterSeconds()).isGreaterThan(60L));
    }

    @Test
    void postgresBackendSharesCountsBetweenInstances() {
        String address = "203.0.113." + UUID.randomUUID().toString().substring(0, 4);
        RateLimits first = new RateLimits(new PostgresRateLimitBackend(dataSource), LIMITS);
        RateLimits second = new RateLimits(new PostgresRateLimitBackend(dataSource), LIMITS);
        for (int i = 0; i < 3; i++) {
            first.checkAddress("login", address);
        }
        second.checkAddress("login", address);
        second.checkAddress("login", address);
        assertThatThrownBy(() -> first.checkAddress("login", address)).isInstanceOf(RateLimitExceeded.class);
        assertThat(jdbc.sql("select count(*) from rate_limit_buckets where id = ?")
                .param("ip:" + address + ":login")
                .query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void postgresBackendKeysAccountsByHashOnly() {
        RateLimits limits = new RateLimits(new PostgresRateLimitBackend(dataSource), LIMITS);
        String email = "private-" + UUID.randomUUID() + "@example.com";
        assertSixthRefused(limits, "198.51.100." + UUID.randomUUID().toString().substring(0, 4));
        limits.checkAccount("login", email);
        assertThat(jdbc.sql("select count(*) from rate_limit_buckets where id like ?")
                .param("%" + email + "%")
                .query(Long.class)
                .single()).isZero();
        new PostgresRateLimitBackend(dataSource).removeExpired();
    }
}

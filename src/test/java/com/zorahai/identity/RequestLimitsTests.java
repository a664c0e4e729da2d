package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.IntegrationTest;
import com.zorahai.identity.internal.PostgresRateLimitBackend;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Limits other modules count through identity's backends: per key, and shared between instances in PostgreSQL. */
@IntegrationTest
class RequestLimitsTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    RequestLimits configured;

    @Test
    void twoInstancesOnPostgresCountAgainstTheSameBucket() {
        RequestLimits first = new RequestLimits(new PostgresRateLimitBackend(dataSource));
        RequestLimits second = new RequestLimits(new PostgresRateLimitBackend(dataSource));
        String key = "helpdesk:t-" + UUID.randomUUID() + ":203.0.113.9";

        assertThat(first.tryAcquire(key, 3, 100)).isZero();
        assertThat(second.tryAcquire(key, 3, 100)).isZero();
        assertThat(first.tryAcquire(key, 3, 100)).isZero();
        assertThat(second.tryAcquire(key, 3, 100)).isBetween(1L, 60L);
        // another key has its own bucket
        assertThat(second.tryAcquire(key + "0", 3, 100)).isZero();
    }

    @Test
    void theConfiguredBackendLimitsByTheHourToo() {
        String key = "helpdesk:t-" + UUID.randomUUID() + ":203.0.113.10";
        assertThat(configured.tryAcquire(key, 10, 2)).isZero();
        assertThat(configured.tryAcquire(key, 10, 2)).isZero();
        assertThat(configured.tryAcquire(key, 10, 2)).isGreaterThan(60L);
        assertThatThrownBy(() -> configured.tryAcquire(" ", 10, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

package com.zorahai.identity.internal;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Buckets in the {@code rate_limit_buckets} table, so every instance counts against the same limits. Each attempt
 * locks its bucket row ({@code SELECT ... FOR UPDATE}); rows expire once their bucket is full again.
 */
public class PostgresRateLimitBackend implements RateLimitBackend {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    public PostgresRateLimitBackend(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration
                        .ofMinutes(1)))
                .build();
    }

    @Override
    public long tryConsume(String key, BucketConfiguration configuration) {
        ConsumptionProbe probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    void removeExpired() {
        while (buckets.removeExpired(1000) == 1000) {
            // keep going until a batch comes back short
        }
    }
}

package com.zorahai.platform.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retries of event deliveries whose listener failed ({@code zorah.events.retry}).
 *
 * @param enabled whether this instance retries failed deliveries (one instance at a time, through ShedLock)
 * @param interval how often failed deliveries are looked for
 * @param minAge how long a delivery stays failed before it is tried again
 * @param maxAttempts deliveries attempted this often are left for a person (they stay in {@code event_publication})
 * @param batchSize the most deliveries resubmitted per pass
 */
@Validated
@ConfigurationProperties("zorah.events.retry")
public record EventRetryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") @NotNull Duration interval,
        @DefaultValue("1m") @NotNull Duration minAge,
        @DefaultValue("10") @Min(1) @Max(1000) int maxAttempts,
        @DefaultValue("100") @Min(1) @Max(10000) int batchSize) {
}

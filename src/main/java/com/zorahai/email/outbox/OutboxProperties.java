package com.zorahai.email.outbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the outbound email outbox ({@code zorah.email.*}).
 *
 * @param defaultFromAddress the sender when the tenant sets no {@code email.fromAddress}
 * @param defaultFromName the sender name when the tenant sets no {@code email.fromName} and has no name
 * @param maxAttempts how many times an email is tried before it is dead
 * @param retry the backoff between attempts
 * @param worker the polling worker
 */
@ConfigurationProperties("zorah.email")
@Validated
record OutboxProperties(@DefaultValue("no-reply@zorahai.com") @NotBlank @Email String defaultFromAddress,
        @DefaultValue("Zorah") @NotBlank String defaultFromName,
        @DefaultValue("8") @Min(1) @Max(50) int maxAttempts,
        @DefaultValue @Valid @NotNull Retry retry,
        @DefaultValue @Valid @NotNull Worker worker) {

    /**
     * Exponential backoff: {@code initialBackoff * multiplier^(attempt-1)}, never more than {@code maxBackoff}. A
     * {@code Retry-After} from the provider replaces the computed delay, capped by {@code maxBackoff} as well.
     */
    record Retry(@DefaultValue("30s") @NotNull Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("1h") @NotNull Duration maxBackoff) {
    }

    /**
     * @param enabled whether the scheduled poll runs (tests turn it off and drive the worker themselves)
     * @param pollInterval the pause between two polls
     * @param batchSize how many due emails one poll claims
     * @param lease how long a claimed email belongs to the worker that claimed it; after that another worker takes
     *        it over (the first one is presumed dead)
     * @param maxBatchesPerPoll how many full batches one poll works through before it pauses
     */
    record Worker(@DefaultValue("true") boolean enabled,
            @DefaultValue("2s") @NotNull Duration pollInterval,
            @DefaultValue("20") @Min(1) @Max(500) int batchSize,
            @DefaultValue("5m") @NotNull Duration lease,
            @DefaultValue("10") @Min(1) int maxBatchesPerPoll) {
    }
}

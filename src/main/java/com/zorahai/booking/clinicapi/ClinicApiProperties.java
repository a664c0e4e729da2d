package com.zorahai.booking.clinicapi;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Calls to clinics' booking APIs ({@code zorah.booking.clinic-api.*}); each tenant's URL and token come from its
 * configuration ({@code booking.api_base_url}, {@code booking.api_token}).
 *
 * @param maxAttempts tries of a call that is safe to repeat (reads, and creates, which carry an idempotency key)
 * @param retryBackoff the pause before the next try
 * @param servicesCacheTtl how long a clinic's service list is reused before it is asked again
 */
@ConfigurationProperties("zorah.booking.clinic-api")
@Validated
public record ClinicApiProperties(@NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("15s") Duration readTimeout, @Min(1) @Max(5) @DefaultValue("2") int maxAttempts,
        @NotNull @DefaultValue("300ms") Duration retryBackoff,
        @NotNull @DefaultValue("60s") Duration servicesCacheTtl) {
}

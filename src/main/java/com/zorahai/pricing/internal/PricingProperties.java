package com.zorahai.pricing.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Pricing settings ({@code zorah.pricing.*}).
 *
 * @param fallbackToDatabase when the remote source (BigQuery) fails, answer from the database instead of a 503
 */
@ConfigurationProperties("zorah.pricing")
@Validated
public record PricingProperties(@Valid @DefaultValue Seed seed, @Valid @DefaultValue Import importing,
        @DefaultValue("true") boolean fallbackToDatabase) {

    /**
     * Demo rates loaded at startup: for each folder {@code <dir>/<tenant_id>/} holding {@code hotel_rates.csv} or
     * {@code flight_prices.csv}, the file is imported when that tenant has no rates (or no fares) yet.
     */
    public record Seed(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("./config/seed") Path dir) {
    }

    /**
     * Limits of one CSV import.
     *
     * @param maxSize the largest file accepted (413 above)
     * @param maxRows the most data rows accepted (413 above)
     */
    public record Import(@NotNull @DefaultValue("5MB") DataSize maxSize,
            @Min(1) @Max(1_000_000) @DefaultValue("20000") int maxRows) {
    }
}

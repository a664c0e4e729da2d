package com.zorahai.pricing.bigquery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * BigQuery pricing settings ({@code zorah.pricing.bigquery.*}); the adapter is on when {@code project-id}
 * ({@code GCP_PROJECT_ID}) is set. Credentials come from Application Default Credentials.
 *
 * @param projectId the Google Cloud project that runs the queries and holds the shared dataset
 * @param sharedDataset the dataset with the {@code hotel_rates} and {@code flight_prices} tables every tenant reads
 * @param tenantDatasets also read the tables of the tenant's own dataset ({@code gcp.dataset} of its client.yaml,
 *        else {@code <tenant_id with - as _>_analytics})
 * @param host the API root; another address only for emulators and tests
 * @param location the location of the datasets (e.g. {@code EU}), when not the default
 * @param timeout how long one lookup may take, retries included
 * @param maxAttempts attempts per request, the first included
 * @param anonymous send no credentials (emulators only)
 */
@ConfigurationProperties("zorah.pricing.bigquery")
@Validated
public record BigQueryPricingProperties(String projectId,
        @NotNull @Pattern(regexp = "[A-Za-z0-9_]{1,1024}") @DefaultValue("pricing") String sharedDataset,
        @DefaultValue("true") boolean tenantDatasets,
        @NotNull @DefaultValue("https://bigquery.googleapis.com") String host, String location,
        @NotNull @DefaultValue("20s") Duration timeout, @Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
        @DefaultValue("false") boolean anonymous) {
}

package com.zorahai.analytics.bigquery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The BigQuery export of analytics events ({@code zorah.analytics.bigquery.*}); on when {@code project-id}
 * ({@code GCP_PROJECT_ID}) is set. Events then go to {@code <project>.<dataset>.<table>}, the dataset being the
 * tenant's {@code gcp.dataset} (else {@code <tenant_id with - as _>_analytics}). Credentials come from Application
 * Default Credentials.
 *
 * @param projectId the project of the datasets, unless the tenant names its own ({@code gcp.project_id})
 * @param table the table in each tenant's dataset
 * @param createTable create the dataset and the table (partitioned by day of {@code occurred_at}) when missing
 * @param host the API root; another address only for emulators and tests
 * @param location where a created dataset lives (e.g. {@code EU}), when not the default
 * @param timeout how long one call may take, retries included
 * @param maxAttempts attempts per call, the first included
 * @param anonymous send no credentials (emulators only)
 * @param batchSize events per {@code insertAll} call (BigQuery recommends at most 500)
 * @param maxBatchesPerRun batches per tenant in one run, so one busy tenant cannot hold the job
 * @param interval the pause between two runs of the job
 * @param scheduleEnabled whether the job runs on its schedule (tests run it themselves)
 */
@ConfigurationProperties("zorah.analytics.bigquery")
@Validated
public record BigQueryExportProperties(String projectId,
        @NotNull @Pattern(regexp = "[A-Za-z0-9_]{1,1024}") @DefaultValue("events") String table,
        @DefaultValue("true") boolean createTable,
        @NotNull @DefaultValue("https://bigquery.googleapis.com") String host, String location,
        @NotNull @DefaultValue("20s") Duration timeout, @Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
        @DefaultValue("false") boolean anonymous, @Min(1) @Max(10000) @DefaultValue("500") int batchSize,
        @Min(1) @Max(1000) @DefaultValue("20") int maxBatchesPerRun,
        @NotNull @DefaultValue("60s") Duration interval, @DefaultValue("true") boolean scheduleEnabled) {

    /** Whether events are exported at all. */
    public boolean enabled() {
        return projectId != null && !projectId.isBlank();
    }
}

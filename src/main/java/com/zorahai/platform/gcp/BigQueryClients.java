package com.zorahai.platform.gcp;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.http.HttpTransportOptions;
import java.time.Duration;

/** BigQuery clients as every module builds them: a configured host, timeouts and bounded retries with backoff. */
public final class BigQueryClients {

    private BigQueryClients() {
    }

    /**
     * @param location the dataset location, or {@code null} / blank for BigQuery's default
     * @param timeout the read timeout and the total time of a call with its retries (connecting takes at most 10 s)
     * @param anonymous no credentials (for a local emulator or a test server); otherwise Application Default
     *        Credentials
     */
    public static BigQuery create(String projectId, String host, String location, Duration timeout, int maxAttempts,
            boolean anonymous) {
        int timeoutMs = (int) timeout.toMillis();
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder()
                .setProjectId(projectId)
                .setHost(host)
                .setTransportOptions(HttpTransportOptions.newBuilder().setConnectTimeout(Math.min(timeoutMs, 10_000))
                        .setReadTimeout(timeoutMs).build())
                .setRetrySettings(RetrySettings.newBuilder()
                        .setMaxAttempts(maxAttempts)
                        .setInitialRetryDelayDuration(Duration.ofMillis(200))
                        .setRetryDelayMultiplier(2.0)
                        .setMaxRetryDelayDuration(Duration.ofSeconds(2))
                        .setTotalTimeoutDuration(timeout)
                        .build());
        if (location != null && !location.isBlank()) {
            options.setLocation(location);
        }
        if (anonymous) {
            options.setCredentials(NoCredentials.getInstance());
        }
        return options.build().getService();
    }
}

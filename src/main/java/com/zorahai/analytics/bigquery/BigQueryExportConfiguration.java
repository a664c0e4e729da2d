package com.zorahai.analytics.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.zorahai.analytics.internal.AnalyticsMetrics;
import com.zorahai.platform.gcp.BigQueryClients;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/** Wires the BigQuery export when {@code zorah.analytics.bigquery.project-id} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${zorah.analytics.bigquery.project-id:}'.isBlank()")
class BigQueryExportConfiguration {

    @Bean
    BigQuery analyticsBigQuery(BigQueryExportProperties properties) {
        return client(properties);
    }

    @Bean
    BigQueryEventExporter bigQueryEventExporter(BigQuery analyticsBigQuery, BigQueryExportProperties properties,
            ExportQueue queue, Tenants tenants, AnalyticsMetrics metrics, JsonMapper json) {
        return new BigQueryEventExporter(analyticsBigQuery, properties, queue, id -> tenants.find(id).map(Tenant::gcp),
                metrics, json);
    }

    @Bean
    @ConditionalOnProperty(prefix = "zorah.analytics.bigquery", name = "schedule-enabled", havingValue = "true", matchIfMissing = true)
    BigQueryExportSchedule bigQueryExportSchedule(BigQueryEventExporter exporter, Clock clock) {
        return new BigQueryExportSchedule(exporter, clock);
    }

    /** A client for the configured host with timeouts and bounded retries. */
    static BigQuery client(BigQueryExportProperties properties) {
        return BigQueryClients.create(properties.projectId(), properties.host(), properties.location(),
                properties.timeout(), properties.maxAttempts(), properties.anonymous());
    }

    /** Runs the export every {@code interval}, on one instance at a time. */
    static class BigQueryExportSchedule {

        private final BigQueryEventExporter exporter;
        private final Clock clock;

        BigQueryExportSchedule(BigQueryEventExporter exporter, Clock clock) {
            this.exporter = exporter;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "${zorah.analytics.bigquery.interval:60s}", initialDelayString = "${zorah.analytics.bigquery.interval:60s}")
        @SchedulerLock(name = "analytics-bigquery-export", lockAtMostFor = "PT15M")
        public void run() {
            exporter.run(clock.instant());
        }
    }
}

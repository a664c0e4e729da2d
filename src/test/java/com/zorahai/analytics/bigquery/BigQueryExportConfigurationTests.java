package com.zorahai.analytics.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.analytics.internal.AnalyticsMetrics;
import com.zorahai.tenancy.Tenants;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

class BigQueryExportConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BigQueryExportProperties.class)
    static class Base {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Base.class, BigQueryExportConfiguration.class)
            .withBean(Tenants.class, () -> Mockito.mock(Tenants.class))
            .withBean(ExportQueue.class, () -> Mockito.mock(ExportQueue.class))
            .withBean(AnalyticsMetrics.class, () -> Mockito.mock(AnalyticsMetrics.class))
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void offWithoutAProjectId() {
        runner.run(context -> assertThat(context).doesNotHaveBean(BigQueryEventExporter.class));
        runner.withPropertyValues("zorah.analytics.bigquery.project-id= ")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(BigQueryEventExporter.class);
                    assertThat(context.getBean(BigQueryExportProperties.class).enabled()).isFalse();
                });
    }

    @Test
    void onWithAProjectIdAndScheduledUnlessTurnedOff() {
        runner.withPropertyValues("zorah.analytics.bigquery.project-id=zorah-prod-1",
                "zorah.analytics.bigquery.anonymous=true", "zorah.analytics.bigquery.location=EU")
                .run(context -> {
                    assertThat(context).hasSingleBean(BigQueryEventExporter.class);
                    assertThat(context).hasSingleBean(BigQueryExportConfiguration.BigQueryExportSchedule.class);
                    assertThat(context.getBean(BigQueryExportProperties.class).enabled()).isTrue();
                });
        runner.withPropertyValues("zorah.analytics.bigquery.project-id=zorah-prod-1",
                "zorah.analytics.bigquery.anonymous=true", "zorah.analytics.bigquery.schedule-enabled=false")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(BigQueryExportConfiguration.BigQueryExportSchedule.class));
    }

    @Test
    void anInvalidProjectIdStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("zorah.analytics.bigquery.project-id=Not A Project",
                "zorah.analytics.bigquery.anonymous=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("zorah.analytics.bigquery.project-id"));
    }
}

package com.zorahai.pricing.bigquery;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.http.HttpTransportOptions;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenants;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the BigQuery pricing source when {@code zorah.pricing.bigquery.project-id} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${zorah.pricing.bigquery.project-id:}'.isBlank()")
class BigQueryPricingConfiguration {

    @Bean
    BigQuery pricingBigQuery(BigQueryPricingProperties properties) {
        return client(properties);
    }

    @Bean
    BigQueryPricingSource bigQueryPricingSource(BigQuery pricingBigQuery, BigQueryPricingProperties properties,
            Tenants tenants, ObjectProvider<CircuitBreakerRegistry> circuitBreakers) {
        CircuitBreakerRegistry registry = circuitBreakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
        return new BigQueryPricingSource(pricingBigQuery, properties, id -> tenants.find(id).map(Tenant::gcp),
                registry.circuitBreaker("pricing-bigquery"));
    }

    /** A client for the configured host with timeouts and bounded retries. */
    static BigQuery client(BigQueryPricingProperties properties) {
        int timeoutMs = (int) properties.timeout().toMillis();
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder()
                .setProjectId(properties.projectId())
                .setHost(properties.host())
                .setTransportOptions(HttpTransportOptions.newBuilder().setConnectTimeout(Math.min(timeoutMs, 10_000))
                        .setReadTimeout(timeoutMs).build())
                .setRetrySettings(RetrySettings.newBuilder()
                        .setMaxAttempts(properties.maxAttempts())
                        .setInitialRetryDelayDuration(java.time.Duration.ofMillis(200))
                        .setRetryDelayMultiplier(2.0)
                        .setMaxRetryDelayDuration(java.time.Duration.ofSeconds(2))
                        .setTotalTimeoutDuration(properties.timeout())
                        .build());
        if (properties.location() != null && !properties.location().isBlank()) {
            options.setLocation(properties.location());
        }
        if (properties.anonymous()) {
            options.setCredentials(NoCredentials.getInstance());
        }
        return options.build().getService();
    }
}

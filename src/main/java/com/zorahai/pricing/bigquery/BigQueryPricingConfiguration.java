package com.zorahai.pricing.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.zorahai.platform.gcp.BigQueryClients;
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
        return BigQueryClients.create(properties.projectId(), properties.host(), properties.location(),
                properties.timeout(), properties.maxAttempts(), properties.anonymous());
    }
}

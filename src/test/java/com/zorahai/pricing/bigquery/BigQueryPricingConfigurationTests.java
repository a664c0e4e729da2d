package com.zorahai.pricing.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.tenancy.Tenants;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class BigQueryPricingConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BigQueryPricingProperties.class)
    static class Base {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Base.class, BigQueryPricingConfiguration.class)
            .withBean(Tenants.class, () -> Mockito.mock(Tenants.class));

    @Test
    void offWithoutAProjectId() {
        runner.run(context -> assertThat(context).doesNotHaveBean(BigQueryPricingSource.class));
        runner.withPropertyValues("zorah.pricing.bigquery.project-id= ")
                .run(context -> assertThat(context).doesNotHaveBean(BigQueryPricingSource.class));
    }

    @Test
    void onWithAProjectId() {
        runner.withPropertyValues("zorah.pricing.bigquery.project-id=zorah-prod-1",
                "zorah.pricing.bigquery.anonymous=true", "zorah.pricing.bigquery.location=EU")
                .run(context -> {
                    assertThat(context).hasSingleBean(BigQueryPricingSource.class);
                    assertThat(context.getBean(BigQueryPricingSource.class).name()).isEqualTo("bigquery");
                });
    }
}

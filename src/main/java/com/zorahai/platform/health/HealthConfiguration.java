package com.zorahai.platform.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointProperties;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Spring Boot's web extension of the health endpoint with one that reports the version (from
 * {@code META-INF/build-info.properties}, written by the build).
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    @ConditionalOnAvailableEndpoint(endpoint = HealthEndpoint.class)
    HealthEndpointWebExtension versionedHealthEndpointWebExtension(HealthContributorRegistry registry,
            ObjectProvider<ReactiveHealthContributorRegistry> reactiveRegistry, HealthEndpointGroups groups,
            HealthEndpointProperties properties, ObjectProvider<BuildProperties> build) {
        BuildProperties buildProperties = build.getIfAvailable();
        return new VersionedHealthEndpointWebExtension(registry, reactiveRegistry.getIfAvailable(), groups,
                properties.getLogging().getSlowIndicatorThreshold(),
                buildProperties == null ? "unknown" : buildProperties.getVersion());
    }
}

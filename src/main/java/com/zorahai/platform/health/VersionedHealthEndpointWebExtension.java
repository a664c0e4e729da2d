package com.zorahai.platform.health;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;

/**
 * Spring Boot's health endpoint, plus the application version in the answer of {@code /health} itself. The groups
 * ({@code /health/live}, {@code /health/ready}) answer as before, and the details of the individual checks stay
 * hidden ({@code show-details: never}).
 */
@EndpointWebExtension(endpoint = HealthEndpoint.class)
class VersionedHealthEndpointWebExtension extends HealthEndpointWebExtension {

    private final String version;

    VersionedHealthEndpointWebExtension(HealthContributorRegistry registry,
            ReactiveHealthContributorRegistry reactiveRegistry, HealthEndpointGroups groups,
            Duration slowContributorLoggingThreshold, String version) {
        super(registry, reactiveRegistry, groups, slowContributorLoggingThreshold);
        this.version = version;
    }

    @Override
    @ReadOperation
    @SuppressWarnings({"unchecked", "rawtypes"})
    public WebEndpointResponse<HealthDescriptor> health(ApiVersion apiVersion, WebServerNamespace serverNamespace,
            SecurityContext securityContext) {
        WebEndpointResponse<HealthDescriptor> health = super.health(apiVersion, serverNamespace, securityContext);
        if (health.getBody() == null) {
            return health;
        }
        // the body is written as JSON, whatever its declared type; HealthDescriptor is sealed, so it is wrapped
        return (WebEndpointResponse) new WebEndpointResponse<>(new VersionedHealth(health.getBody(), version),
                health.getStatus(), health.getContentType());
    }

    /** The system health with a {@code version} next to its status. */
    record VersionedHealth(@JsonUnwrapped HealthDescriptor health, String version) {
    }
}

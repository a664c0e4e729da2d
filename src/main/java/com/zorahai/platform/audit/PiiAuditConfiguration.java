package com.zorahai.platform.audit;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Turns the PII audit on when {@code zorah.pii-audit.enabled} ({@code PII_AUDIT_ENABLED}) is true.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("zorah.pii-audit.enabled")
class PiiAuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PiiAuditConfiguration.class);

    @Bean
    PiiAuditLog piiAuditLog(JdbcClient jdbc) {
        return new PiiAuditLog(jdbc);
    }

    @Bean
    FilterRegistrationBean<PiiAuditFilter> piiAuditFilter(PiiAuditProperties properties, PiiAuditLog audit) {
        log.info("PII audit on for {}", properties.resources().stream().map(PiiAuditProperties.Resource::path)
                .toList());
        FilterRegistrationBean<PiiAuditFilter> registration = new FilterRegistrationBean<>(new PiiAuditFilter(
                properties, audit));
        // inside the security filter chain, so the authenticated user is known before and after the request
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}

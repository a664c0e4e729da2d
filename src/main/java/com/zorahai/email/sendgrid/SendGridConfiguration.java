package com.zorahai.email.sendgrid;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the SendGrid sender. It is always there: a tenant with its own key sends even when the platform has no
 * master key, and without any key the sender holds the email (the local default). Says at startup which it is.
 */
@Configuration(proxyBeanMethods = false)
class SendGridConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SendGridConfiguration.class);

    @Bean
    SendGridEmailSender sendGridEmailSender(SendGridProperties properties,
            ObjectProvider<CircuitBreakerRegistry> breakers, ObjectProvider<Clock> clock) {
        return new SendGridEmailSender(properties, breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> emailModeReport(SendGridProperties properties) {
        return event -> log.info(modeLine(properties));
    }

    static String modeLine(SendGridProperties properties) {
        return properties.hasMasterKey()
                ? "Email: SendGrid (" + properties.hostAndPort() + ")"
                : "Email: local (no SENDGRID_MASTER_API_KEY) — outbound mail is held in the outbox"
                        + " (tenants with their own SendGrid key still send)";
    }
}

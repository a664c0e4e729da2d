package com.zorahai.identity.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts refused sign-ins ({@code zorah.auth.login.failed}, tag {@code reason}) and logs them with the email masked;
 * never the password or a token.
 */
@Component
public class LoginFailures {

    private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);

    private final MeterRegistry registry;

    LoginFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String reason, String email, String address) {
        Counter.builder("zorah.auth.login.failed")
                .description("Refused sign-ins")
                .tag("reason", reason)
                .register(registry)
                .increment();
        log.warn("Sign-in refused for {} from {}: {}", mask(email), address, reason);
    }

    /** {@code jane@example.com} becomes {@code j***@example.com}. */
    static String mask(String email) {
        if (email == null || email.isBlank()) {
            return "(none)";
        }
        String trimmed = email.trim();
        int at = trimmed.indexOf('@');
        if (at <= 0) {
            return trimmed.charAt(0) + "***";
        }
        return trimmed.charAt(0) + "***" + trimmed.substring(at);
    }
}

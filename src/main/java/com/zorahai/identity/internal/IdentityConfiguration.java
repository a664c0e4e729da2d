package com.zorahai.identity.internal;

import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Wires the local identity provider (when Supabase is not configured) and the rate-limit backend.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    @ConditionalOnExpression(IdentityModes.LOCAL)
    LocalIdentityProvider localIdentityProvider(Users users, AccountDirectory directory, Passwords passwords,
            AccessTokens accessTokens, RefreshTokens refreshTokens, OneTimeTokens oneTimeTokens, AccountEmails emails,
            IdentityProperties properties) {
        log.info("Identity: local accounts (set SUPABASE_URL to use Supabase Auth)");
        return new LocalIdentityProvider(users, directory, passwords, accessTokens, refreshTokens, oneTimeTokens,
                emails, properties);
    }

    @Bean
    @ConditionalOnExpression(IdentityModes.LOCAL)
    JwtDecoder localJwtDecoder(SigningKey key, SecurityProperties properties) {
        return JwtValidation.localDecoder(key, properties);
    }

    @Bean
    RateLimitBackend rateLimitBackend(IdentityProperties properties, DataSource dataSource) {
        if (properties.rateLimits().backend() == IdentityProperties.Backend.POSTGRES) {
            log.info("Rate limits: shared in PostgreSQL");
            return new PostgresRateLimitBackend(dataSource);
        }
        return new InMemoryRateLimitBackend(Duration.ofHours(1).toNanos());
    }

    @Bean
    RateLimits rateLimits(RateLimitBackend backend, IdentityProperties properties) {
        return new RateLimits(backend, properties.rateLimits());
    }
}

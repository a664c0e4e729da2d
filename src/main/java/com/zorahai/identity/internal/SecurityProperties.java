package com.zorahai.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param jwtSecret HS256 key for the tokens the app signs ({@code ZORAH_JWT_SECRET}); generated and kept in
 *        {@code keyFile} when blank
 * @param keyFile where a generated key is kept
 * @param issuer the {@code iss} of tokens the app signs
 * @param audience the {@code aud} of tokens the app signs
 * @param clockSkew how far the clocks of issuer and verifier may disagree on {@code exp} and {@code nbf}
 * @param metricsToken bearer token that unlocks {@code /actuator/prometheus} ({@code METRICS_TOKEN}); the endpoint
 *        is closed when blank
 * @param corsOrigins origins allowed to call the API from a browser ({@code CORS_ORIGINS}, comma-separated)
 */
@ConfigurationProperties("zorah.security")
public record SecurityProperties(String jwtSecret, @DefaultValue("./var/jwt-secret") String keyFile,
        @DefaultValue("zorah") String issuer, @DefaultValue("zorah") String audience,
        @DefaultValue("30s") Duration clockSkew, String metricsToken, @DefaultValue("") String corsOrigins) {
}

package com.zorahai.identity.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of accounts, tokens and their limits.
 *
 * @param seedDemoOwners whether each {@code demo-*} tenant without an owner gets one at startup
 * @param demoPassword the password of those owners ({@code ZORAH_DEMO_PASSWORD}); generated and printed once when
 *        blank
 * @param registrationEnabled whether {@code POST /api/v1/auth/register} is open ({@code REGISTRATION_ENABLED})
 * @param accessTokenTtl lifetime of the access tokens the app signs
 * @param refreshTokenTtl lifetime of a refresh token family
 * @param passwordResetTtl lifetime of a password-reset link
 * @param invitationTtl lifetime of an invitation
 * @param emailVerificationTtl lifetime of an email-verification link
 * @param membershipCacheTtl how long a user's memberships are reused between requests
 * @param bcryptStrength the BCrypt cost factor (log2 rounds)
 * @param rateLimits limits of login, refresh, password reset, invitation accept and registration
 */
@ConfigurationProperties("zorah.identity")
@Validated
public record IdentityProperties(@DefaultValue("true") boolean seedDemoOwners, @DefaultValue("") String demoPassword,
        @DefaultValue("false") boolean registrationEnabled, @DefaultValue("15m") @NotNull Duration accessTokenTtl,
        @DefaultValue("30d") @NotNull Duration refreshTokenTtl, @DefaultValue("1h") @NotNull Duration passwordResetTtl,
        @DefaultValue("7d") @NotNull Duration invitationTtl,
        @DefaultValue("48h") @NotNull Duration emailVerificationTtl,
        @DefaultValue("30s") @NotNull Duration membershipCacheTtl,
        @DefaultValue("10") @Min(4) @Max(31) int bcryptStrength, @DefaultValue @Valid RateLimits rateLimits) {

    /**
     * Per-key limits, each key being {@code ip:<address>:<endpoint>} or {@code account:<hash>:<endpoint>}.
     *
     * @param backend {@code memory} (one instance) or {@code postgres} (shared by all instances;
     *        {@code RATE_LIMIT_BACKEND})
     * @param perMinute requests allowed per key and minute
     * @param perHour requests allowed per key and hour
     */
    public record RateLimits(@DefaultValue("memory") @NotNull Backend backend, @DefaultValue("5") @Min(1) int perMinute,
            @DefaultValue("20") @Min(1) int perHour) {
    }

    /** Where rate-limit counters live. */
    public enum Backend {
        MEMORY, POSTGRES
    }
}

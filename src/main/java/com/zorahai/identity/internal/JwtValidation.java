package com.zorahai.identity.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The checks every accepted token passes, and the decoder of the app's own tokens. The local decoder knows a MAC
 * key only, so {@code alg: none}, RS/ES tokens and HS256 tokens signed with any other key (such as a public key)
 * all fail signature verification.
 */
public final class JwtValidation {

    private JwtValidation() {
    }

    /** Expiry and not-before (both with a small clock skew, expiry required), issuer, audience and subject. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew,
            List<OAuth2TokenValidator<Jwt>> extra) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setAllowEmptyExpiryClaim(false);
        List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>();
        all.add(timestamps);
        all.add(new JwtIssuerValidator(issuer));
        all.add(new JwtAudienceValidator(audience));
        all.add(JwtValidation::hasSubject);
        all.addAll(extra);
        return new DelegatingOAuth2TokenValidator<>(all);
    }

    /** The decoder of tokens the app signs itself. */
    public static JwtDecoder localDecoder(SigningKey key, SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key.key()).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(validator(properties.issuer(), properties.audience(), properties.clockSkew(),
                List.of()));
        return decoder;
    }

    static OAuth2TokenValidatorResult hasSubject(Jwt jwt) {
        String subject = jwt.getSubject();
        return subject == null || subject.isBlank()
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no subject",
                        null))
                : OAuth2TokenValidatorResult.success();
    }
}

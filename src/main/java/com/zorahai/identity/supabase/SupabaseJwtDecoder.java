package com.zorahai.identity.supabase;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.zorahai.identity.internal.JwtValidation;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies Supabase access tokens, choosing the key by the token's {@code alg}: ES256 and RS256 against the
 * project's JWKS, HS256 against {@code SUPABASE_JWT_SECRET} (refused when none is set). Anything else, including
 * {@code none}, is refused. Then: issuer {@code <url>/auth/v1}, audience {@code authenticated}, a subject, expiry
 * and not-before, and a {@code role} that is not {@code anon} or {@code service_role} (the project's API keys are
 * JWTs too, and must never pass as a user).
 */
class SupabaseJwtDecoder implements JwtDecoder {

    static final String AUDIENCE = "authenticated";
    static final Set<String> NOT_USERS = Set.of("anon", "service_role");

    private final JwtDecoder asymmetric;
    private final JwtDecoder symmetric;

    SupabaseJwtDecoder(SupabaseJwks jwks, String jwtSecret, String issuer, Duration clockSkew) {
        OAuth2TokenValidator<Jwt> validator = JwtValidation.validator(issuer, AUDIENCE, clockSkew,
                List.of(SupabaseJwtDecoder::isUserToken));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
                jwks));
        // claims are checked by the validator below, with the same rules for both kinds of key
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder byKeySet = new NimbusJwtDecoder(processor);
        byKeySet.setJwtValidator(validator);
        this.asymmetric = byKeySet;
        if (jwtSecret == null || jwtSecret.isBlank()) {
            this.symmetric = null;
        } else {
            NimbusJwtDecoder bySecret = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(jwtSecret.getBytes(
                    StandardCharsets.UTF_8), "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build();
            bySecret.setJwtValidator(validator);
            this.symmetric = bySecret;
        }
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException ex) {
            throw new BadJwtException("Malformed token", ex);
        }
        if (!(parsed instanceof SignedJWT signed)) {
            throw new BadJwtException("Unsigned tokens are refused");
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            if (symmetric == null) {
                throw new BadJwtException("HS256 tokens are refused: no SUPABASE_JWT_SECRET is configured");
            }
            return symmetric.decode(token);
        }
        if (JWSAlgorithm.ES256.equals(algorithm) || JWSAlgorithm.RS256.equals(algorithm)) {
            return asymmetric.decode(token);
        }
        throw new BadJwtException("Unsupported signing algorithm");
    }

    static OAuth2TokenValidatorResult isUserToken(Jwt jwt) {
        String role = jwt.getClaimAsString("role");
        if (role != null && NOT_USERS.contains(role)) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "API keys are not user tokens", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}

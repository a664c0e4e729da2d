package com.zorahai.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs the access tokens of local accounts: HS256 with the app's key; {@code iss}, {@code aud}, {@code sub} (the
 * user id), {@code email}, {@code iat}, {@code nbf}, {@code exp} and a unique {@code jti}. Tokens carry no tenant
 * or role: those come from the memberships on every request, so a change applies at once.
 */
@Component
public class AccessTokens {

    private final NimbusJwtEncoder encoder;
    private final SecurityProperties security;
    private final Duration ttl;

    AccessTokens(SigningKey key, SecurityProperties security, IdentityProperties identity) {
        this.encoder = NimbusJwtEncoder.withSecretKey(key.key()).build();
        this.security = security;
        this.ttl = identity.accessTokenTtl();
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(UserAccount user) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(security.issuer())
                .audience(List.of(security.audience()))
                .subject(user.id().toString())
                .claim("email", user.email())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(),
                claims)).getTokenValue();
    }
}

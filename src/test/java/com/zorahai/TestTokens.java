package com.zorahai;

import com.zorahai.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Real bearer tokens for tests: {@code tokens.bearer("tenant-a", Role.ADMIN)} gives an {@code Authorization} header
 * value for a user acting for that tenant with that role.
 */
@TestComponent
public class TestTokens {

    private final NimbusJwtEncoder encoder;

    public TestTokens(@Value("${zorah.security.jwt-secret}") String secret) {
        this.encoder = NimbusJwtEncoder.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256")).build();
    }

    /** {@code Bearer ...} for a fresh user of {@code tenant} with {@code role}. */
    public String bearer(String tenant, Role role) {
        return "Bearer " + token(UUID.randomUUID(), tenant, role);
    }

    public String token(UUID user, String tenant, Role role) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(user.toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(900))
                .claim("tenant_id", tenant)
                .claim("role", role.value())
                .claim("email", "user-" + user + "@example.com")
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}

package com.zorahai.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What verifying the bearer token costs per request, with the decoders and validators the application builds:
 * HS256 with the app's key (local accounts, {@code JwtValidation.localDecoder}) and ES256 with a JWK (Supabase's
 * JWKS, {@code SupabaseJwtDecoder}, keys already cached).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JwtVerificationBenchmark {

    private NimbusJwtDecoder hs256Decoder;
    private NimbusJwtDecoder es256Decoder;
    private String hs256Token;
    private String es256Token;

    @Setup
    public void setUp() throws Exception {
        byte[] secret = "a-local-signing-key-of-at-least-32-bytes-!!".getBytes(StandardCharsets.UTF_8);
        hs256Decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        hs256Decoder.setJwtValidator(validator("zorah", "zorah"));
        hs256Token = sign(new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims("zorah", "zorah")), new MACSigner(secret));

        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        es256Decoder = new NimbusJwtDecoder(processor);
        String issuer = "https://project.supabase.co/auth/v1";
        es256Decoder.setJwtValidator(validator(issuer, "authenticated"));
        es256Token = sign(new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench")
                .type(JOSEObjectType.JWT)
                .build(), claims(issuer, "authenticated")), new ECDSASigner(key));
    }

    @Benchmark
    public Jwt hs256LocalToken() {
        return hs256Decoder.decode(hs256Token);
    }

    @Benchmark
    public Jwt es256SupabaseToken() {
        return es256Decoder.decode(es256Token);
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
        timestamps.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience));
    }

    private static JWTClaimsSet claims(String issuer, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer)
                .audience(audience)
                .subject(UUID.randomUUID().toString())
                .claim("email", "someone@example.com")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(SignedJWT jwt, com.nimbusds.jose.JWSSigner signer) throws Exception {
        jwt.sign(signer);
        return jwt.serialize();
    }
}

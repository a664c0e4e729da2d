package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.zorahai.IntegrationTest;
import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.Memberships;
import com.zorahai.identity.internal.Passwords;
import com.zorahai.identity.internal.UserAccount;
import com.zorahai.identity.internal.Users;
import com.zorahai.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Every kind of bad token gets 401 with a problem body; only a token signed with the app's key, for the right
 * issuer and audience, in its validity window, of an active account, gets through.
 */
@IntegrationTest
class TokenRejectionTests {

    static final String PROBE = "/api/v1/test-probe/records";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Users users;

    @Autowired
    Memberships memberships;

    @Autowired
    Passwords passwords;

    @Autowired
    AccountDirectory directory;

    @Value("${zorah.security.jwt-secret}")
    String secret;

    Fixtures fixtures;
    UserAccount user;
    String tenant;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(users, memberships, passwords, directory);
        tenant = Fixtures.tenant();
        user = fixtures.account(tenant, Role.AGENT);
    }

    JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("zorah")
                .audience("zorah")
                .subject(user.id().toString())
                .claim("email", user.email())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString());
    }

    String signed(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(com.nimbusds.jose.JOSEObjectType.JWT)
                .build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    String hs256(JWTClaimsSet claims) throws Exception {
        return signed(JWSAlgorithm.HS256, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), claims);
    }

    String withClaims(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return hs256(change.apply(claims()).build());
    }

    void assertRejected(String token) {
        assertThat(mvc.get().uri(PROBE).header("Authorization", "Bearer " + token))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/unauthorized");
    }

    @Test
    void aWellFormedTokenOfAnActiveMemberGetsThrough() throws Exception {
        assertThat(mvc.get().uri(PROBE).header("Authorization", "Bearer " + hs256(claims().build())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.tenant")
                .isEqualTo(tenant);
    }

    @Test
    void unsignedTokenIsRejected() {
        assertRejected(new PlainJWT(claims().build()).serialize());
    }

    @Test
    void tokenWithAlgNoneAndASignatureIsRejected() throws Exception {
        String good = hs256(claims().build());
        String[] parts = good.split("\\.");
        String noneHeader = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(noneHeader + "." + parts[1] + "." + parts[2]);
        assertRejected(noneHeader + "." + parts[1] + ".");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() throws Exception {
        assertRejected(signed(JWSAlgorithm.HS256, new MACSigner("another-secret-that-is-long-enough-for-hs256"
                .getBytes(StandardCharsets.UTF_8)), claims().build()));
    }

    @Test
    void tamperedPayloadIsRejected() throws Exception {
        String good = hs256(claims().build());
        String[] parts = good.split("\\.");
        String otherPayload = hs256(claims().subject(UUID.randomUUID().toString()).build()).split("\\.")[1];
        assertRejected(parts[0] + "." + otherPayload + "." + parts[2]);
    }

    @Test
    void hs256TokenSignedWithAnRsaPublicKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        assertRejected(signed(JWSAlgorithm.HS256, new MACSigner(pair.getPublic().getEncoded()), claims().build()));
    }

    @Test
    void asymmetricTokensAreRejectedByTheLocalVerifier() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        assertRejected(signed(JWSAlgorithm.RS256, new RSASSASigner((RSAPrivateKey) pair.getPrivate()), claims()
                .build()));
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        assertRejected(signed(JWSAlgorithm.ES256, new ECDSASigner(ec), claims().build()));
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        assertRejected(withClaims(c -> c.issueTime(Date.from(past))
                .notBeforeTime(Date.from(past))
                .expirationTime(Date.from(Instant.now().minusSeconds(120)))));
    }

    @Test
    void tokenNotYetValidIsRejected() throws Exception {
        assertRejected(withClaims(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(300)))));
    }

    @Test
    void tokenWithoutExpiryIsRejected() throws Exception {
        assertRejected(withClaims(c -> c.expirationTime(null)));
    }

    @Test
    void tokenOfAnotherIssuerIsRejected() throws Exception {
        assertRejected(withClaims(c -> c.issuer("https://evil.example/auth/v1")));
    }

    @Test
    void tokenForAnotherAudienceIsRejected() throws Exception {
        assertRejected(withClaims(c -> c.audience("authenticated")));
        assertRejected(withClaims(c -> c.audience((String) null)));
    }

    @Test
    void tokenWithoutSubjectOrOfAnUnknownUserIsRejected() throws Exception {
        assertRejected(withClaims(c -> c.subject(null)));
        assertRejected(withClaims(c -> c.subject(UUID.randomUUID().toString())));
        assertRejected(withClaims(c -> c.subject("not-a-uuid")));
    }

    @Test
    void supabaseStyleAnonAndServiceRoleKeysAreRejected() throws Exception {
        // the legacy keys are JWTs too (iss "supabase", a role, no subject); even signed with our key they fail
        for (String role : new String[]{"anon", "service_role"}) {
            assertRejected(hs256(new JWTClaimsSet.Builder().issuer("supabase")
                    .claim("ref", "abcdefghijklmnop")
                    .claim("role", role)
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                    .build()));
        }
    }

    @Test
    void tokenOfADeactivatedAccountIsRejected() throws Exception {
        String token = hs256(claims().build());
        users.setActive(user.id(), false);
        directory.evict(user.id());
        assertRejected(token);
    }

    @Test
    void tokenOfAUserWhoseEveryMembershipWasDeactivatedIsRejected() throws Exception {
        String token = hs256(claims().build());
        memberships.update(TenantId.of(tenant), user.id(), Role.AGENT, false);
        directory.evict(user.id());
        assertRejected(token);
    }

    @Test
    void garbageIsRejected() {
        assertRejected("not-a-jwt");
        assertRejected("a.b.c");
    }
}

package com.zorahai.identity.supabase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.zorahai.email.Emails;
import com.zorahai.identity.Role;
import com.zorahai.identity.internal.AccessTokens;
import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.IdentityProvider;
import com.zorahai.identity.internal.Memberships;
import com.zorahai.identity.internal.UserAccount;
import com.zorahai.identity.internal.Users;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Supabase Auth as the provider, against WireMock answering like GoTrue: sign-in, refresh, recovery, account
 * creation, and token verification with the JWKS (ES256, RS256, key rotation) or the legacy HS256 secret.
 */
@SpringBootTest(properties = {"zorah.identity.supabase.anon-key=sb_publishable_test-anon-key",
        "zorah.identity.supabase.service-key=sb_secret_test-service-key",
        "zorah.identity.supabase.jwt-secret=" + SupabaseModeTests.JWT_SECRET,
        "zorah.identity.supabase.jwks-min-refetch-interval=0s"})
@AutoConfigureMockMvc
@MockitoBean(types = {Tenants.class, Emails.class})
class SupabaseModeTests {

    static final String JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";
    static final String PROBE = "/api/v1/test-probe/records";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final WireMockServer SUPABASE = new WireMockServer(options().dynamicPort());

    static {
        SUPABASE.start();
    }

    @DynamicPropertySource
    static void supabase(DynamicPropertyRegistry registry) {
        registry.add("zorah.identity.supabase.url", SUPABASE::baseUrl);
    }

    @AfterAll
    static void stop() {
        SUPABASE.stop();
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Users users;

    @Autowired
    Memberships memberships;

    @Autowired
    AccountDirectory directory;

    @Autowired
    IdentityProvider provider;

    @Autowired
    AccessTokens localTokens;

    ECKey signingKey;
    UUID userId;
    String email;
    String tenant;

    @BeforeEach
    void setUp() throws Exception {
        SUPABASE.resetAll();
        signingKey = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        serveKeys(signingKey);
        userId = UUID.randomUUID();
        email = "u-" + userId.toString().substring(0, 8) + "@example.com";
        tenant = "sb-" + userId.toString().substring(0, 8);
    }

    void serveKeys(com.nimbusds.jose.jwk.JWK... keys) {
        SUPABASE.stubFor(get("/auth/v1/.well-known/jwks.json").willReturn(okJson(new JWKSet(List.of(keys))
                .toPublicJWKSet()
                .toString()).withHeader("Cache-Control", "public, max-age=600")));
    }

    JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(SUPABASE.baseUrl() + "/auth/v1")
                .audience("authenticated")
                .subject(userId.toString())
                .claim("email", email)
                .claim("role", "authenticated")
                .claim("aal", "aal1")
                .claim("session_id", UUID.randomUUID().toString())
                .claim("is_anonymous", false)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    static String sign(JWSAlgorithm algorithm, String kid, JWSSigner signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    String es256(JWTClaimsSet claims) throws Exception {
        return sign(JWSAlgorithm.ES256, signingKey.getKeyID(), new ECDSASigner(signingKey), claims);
    }

    String es256(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return es256(change.apply(claims()).build());
    }

    static String hs256(String secret, JWTClaimsSet claims) throws Exception {
        return sign(JWSAlgorithm.HS256, null, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), claims);
    }

    Map<String, Object> goTrueUser() {
        return Map.of("id", userId.toString(), "aud", "authenticated", "role", "authenticated", "email", email,
                "email_confirmed_at", "2026-01-01T00:00:00Z", "app_metadata", Map.of("provider", "email",
                        "providers", List.of("email")),
                "user_metadata", Map.of("name", "Supa User"), "created_at",
                "2026-01-01T00:00:00Z");
    }

    String session(String accessToken, String refreshToken) {
        return JSON.writeValueAsString(Map.of("access_token", accessToken, "token_type", "bearer", "expires_in", 3600,
                "expires_at", Instant.now().plusSeconds(3600).getEpochSecond(), "refresh_token", refreshToken, "user",
                goTrueUser()));
    }

    void member(Role role) {
        UserAccount account = users.findBySupabaseId(userId).orElseGet(() -> users.create(userId, email, "Supa",
                null, userId, true));
        memberships.grant(TenantId.of(tenant), account.id(), role);
        directory.evict(account.id());
    }

    MvcTestResult probe(String token) {
        return mvc.get().uri(PROBE).header("Authorization", "Bearer " + token).exchange();
    }

    void assertRejected(String token) {
        assertThat(probe(token)).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    MvcTestResult postJson(String path, Object body) {
        return mvc.post()
                .uri(path)
                .with(request -> {
                    request.setRemoteAddr("2001:db8::" + Integer.toHexString(new java.util.Random().nextInt(60000)));
                    return request;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))
                .exchange();
    }

    @Test
    void loginGoesThroughGoTrueAndItsTokenIsVerifiedWithTheJwks() throws Exception {
        String access = es256(claims().build());
        SUPABASE.stubFor(post(urlEqualTo("/auth/v1/token?grant_type=password"))
                .withRequestBody(equalToJson(JSON.writeValueAsString(Map.of("email", email, "password",
                        "the-right-password"))))
                .willReturn(okJson(session(access, "sb-refresh-1"))));
        member(Role.CONSULTANT);

        MvcTestResult login = postJson("/api/v1/auth/login", Map.of("email", email, "password",
                "the-right-password"));
        assertThat(login).hasStatusOk();
        JsonNode tokens = JSON.readTree(login.getResponse().getContentAsByteArray());
        assertThat(tokens.get("access_token").asString()).isEqualTo(access);
        assertThat(tokens.get("refresh_token").asString()).isEqualTo("sb-refresh-1");
        SUPABASE.verify(postRequestedFor(urlEqualTo("/auth/v1/token?grant_type=password")).withHeader("apikey",
                equalTo("sb_publishable_test-anon-key")));

        assertThat(probe(access)).hasStatusOk().bodyJson().extractingPath("$.role").isEqualTo("consultant");
        assertThat(mvc.get().uri("/api/v1/auth/me").header("Authorization", "Bearer " + access)).hasStatusOk()
                .bodyJson()
                .extractingPath("$.provider")
                .isEqualTo("supabase");
    }

    @Test
    void wrongPasswordIsRefusedLikeLocally() {
        SUPABASE.stubFor(post(urlEqualTo("/auth/v1/token?grant_type=password")).willReturn(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"code\":400,\"error_code\":\"invalid_credentials\",\"msg\":\"Invalid login credentials\"}")));
        assertThat(postJson("/api/v1/auth/login", Map.of("email", email, "password", "wrong-password")))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/invalid-credentials");
    }

    @Test
    void aDeactivatedMemberCannotSignInThroughSupabase() throws Exception {
        SUPABASE.stubFor(post(urlEqualTo("/auth/v1/token?grant_type=password")).willReturn(okJson(session(es256(
                claims().build()), "r"))));
        member(Role.AGENT);
        memberships.update(TenantId.of(tenant), userId, Role.AGENT, false);
        directory.evict(userId);
        assertThat(postJson("/api/v1/auth/login", Map.of("email", email, "password", "the-right-password")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refreshGoesThroughGoTrue() throws Exception {
        String access = es256(claims().build());
        SUPABASE.stubFor(post(urlEqualTo("/auth/v1/token?grant_type=refresh_token"))
                .withRequestBody(matchingJsonPath("$.refresh_token", equalTo("sb-refresh-1")))
                .willReturn(okJson(session(access, "sb-refresh-2"))));
        SUPABASE.stubFor(post(urlEqualTo("/auth/v1/token?grant_type=refresh_token"))
                .withRequestBody(matchingJsonPath("$.refresh_token", equalTo("sb-refresh-0")))
                .willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"code\":400,\"error_code\":\"refresh_token_already_used\",\"msg\":\"Invalid Refresh Token: Already Used\"}")));
        member(Role.AGENT);
        MvcTestResult refreshed = postJson("/api/v1/auth/refresh", Map.of("refresh_token", "sb-refresh-1"));
        assertThat(refreshed).hasStatusOk().bodyJson().extractingPath("$.refresh_token").isEqualTo("sb-refresh-2");
        assertThat(postJson("/api/v1/auth/refresh", Map.of("refresh_token", "sb-refresh-0")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void passwordRecoveryAsksGoTrueToSendTheEmail() {
        SUPABASE.stubFor(post(urlPathEqualTo("/auth/v1/recover")).willReturn(okJson("{}")));
        assertThat(postJson("/api/v1/auth/password-reset", Map.of("email", email))).hasStatus(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> SUPABASE.verify(postRequestedFor(urlPathEqualTo("/auth/v1/recover"))
                        .withQueryParam("redirect_to", equalTo("http://localhost:8080/reset-password"))
                        .withRequestBody(matchingJsonPath("$.email", equalTo(email)))));
    }

    @Test
    void passwordResetConfirmSetsThePasswordWithTheRecoverySession() {
        SUPABASE.stubFor(put("/auth/v1/user").willReturn(okJson(JSON.writeValueAsString(goTrueUser()))));
        assertThat(postJson("/api/v1/auth/password-reset/confirm", Map.of("token", "recovery-access-token",
                "password", "a-brand-new-passphrase-2026"))).hasStatus(HttpStatus.NO_CONTENT);
        SUPABASE.verify(putRequestedFor(urlEqualTo("/auth/v1/user")).withHeader("Authorization", equalTo(
                "Bearer recovery-access-token")).withRequestBody(matchingJsonPath("$.password")));
    }

    @Test
    void accountsAreCreatedWithTheServiceKey() {
        UUID created = UUID.randomUUID();
        String newEmail = "new-" + created.toString().substring(0, 8) + "@example.com";
        SUPABASE.stubFor(post("/auth/v1/admin/users").willReturn(okJson(JSON.writeValueAsString(Map.of("id", created
                .toString(), "email", newEmail, "email_confirmed_at", "2026-01-01T00:00:00Z", "user_metadata",
                Map.of(
                        "name", "New Person"))))));
        UserAccount account = provider.createAccount(newEmail, "New Person", "correct-horse-battery-staple", true);
        assertThat(account.id()).isEqualTo(created);
        assertThat(account.supabaseId()).isEqualTo(created);
        assertThat(account.passwordHash()).isNull();
        SUPABASE.verify(postRequestedFor(urlEqualTo("/auth/v1/admin/users"))
                .withHeader("Authorization", equalTo("Bearer sb_secret_test-service-key"))
                .withHeader("apikey", equalTo("sb_secret_test-service-key"))
                .withRequestBody(matchingJsonPath("$.email_confirm", equalTo("true"))));
    }

    @Test
    void aNewSupabaseUserIsProvisionedOnFirstSightAndConfirmedWithGoTrue() throws Exception {
        String token = es256(claims().build());
        SUPABASE.stubFor(get("/auth/v1/user").willReturn(okJson(JSON.writeValueAsString(goTrueUser()))));
        // no membership yet: known, but acting for no tenant
        assertThat(probe(token)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(users.findBySupabaseId(userId)).get().extracting(UserAccount::email).isEqualTo(email);
        SUPABASE.verify(getRequestedFor(urlEqualTo("/auth/v1/user")).withHeader("Authorization", equalTo("Bearer "
                + token)));
        member(Role.ADMIN);
        assertThat(probe(token)).hasStatusOk();
    }

    @Test
    void anAccountSupabaseDoesNotConfirmIsRejected() throws Exception {
        SUPABASE.stubFor(get("/auth/v1/user").willReturn(aResponse().withStatus(401)));
        assertRejected(es256(claims().build()));
    }

    @Test
    void rotatedSigningKeysAreFetchedAgainForAnUnknownKid() throws Exception {
        member(Role.AGENT);
        assertThat(probe(es256(claims().build()))).hasStatusOk();
        ECKey rotated = new ECKeyGenerator(Curve.P_256).keyID("rotated-" + UUID.randomUUID()).generate();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-" + UUID.randomUUID()).generate();
        serveKeys(signingKey, rotated, rsa);
        assertThat(probe(sign(JWSAlgorithm.ES256, rotated.getKeyID(), new ECDSASigner(rotated), claims().build())))
                .hasStatusOk();
        assertThat(probe(sign(JWSAlgorithm.RS256, rsa.getKeyID(), new RSASSASigner(rsa), claims().build())))
                .hasStatusOk();
        // a key the project never published stays unknown
        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID("foreign").generate();
        assertRejected(sign(JWSAlgorithm.ES256, foreign.getKeyID(), new ECDSASigner(foreign), claims().build()));
    }

    @Test
    void legacyHs256TokensAreVerifiedWithTheJwtSecret() throws Exception {
        member(Role.AGENT);
        assertThat(probe(hs256(JWT_SECRET, claims().build()))).hasStatusOk();
        assertRejected(hs256("another-secret-that-is-at-least-32-characters", claims().build()));
    }

    @Test
    void everyKindOfBadTokenIsRejected() throws Exception {
        member(Role.AGENT);
        Instant now = Instant.now();
        // the project's API keys are JWTs, and never users
        for (String role : new String[]{"anon", "service_role"}) {
            assertRejected(hs256(JWT_SECRET, new JWTClaimsSet.Builder().issuer("supabase")
                    .claim("ref", "abcdefghijklmnop")
                    .claim("role", role)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(3600)))
                    .build()));
            assertRejected(es256(c -> c.claim("role", role)));
        }
        assertRejected(es256(c -> c.audience("anon")));
        assertRejected(es256(c -> c.audience(List.of("zorah"))));
        assertRejected(es256(c -> c.issuer("https://other-project.supabase.co/auth/v1")));
        assertRejected(es256(c -> c.expirationTime(Date.from(now.minusSeconds(120)))));
        assertRejected(es256(c -> c.notBeforeTime(Date.from(now.plusSeconds(600)))));
        assertRejected(es256(c -> c.subject(null)));
        assertRejected(new PlainJWT(claims().build()).serialize());
        // algorithm confusion: HS256 keyed with the published public key
        assertRejected(sign(JWSAlgorithm.HS256, signingKey.getKeyID(), new MACSigner(signingKey.toECPublicKey()
                .getEncoded()), claims().build()));
        // a token the app would sign in local mode is not accepted here
        assertRejected(localTokens.issue(users.findBySupabaseId(userId).orElseThrow()));
    }

    @Test
    void audienceMayBeAStringOrAList() throws Exception {
        member(Role.AGENT);
        assertThat(probe(es256(c -> c.audience(List.of("authenticated", "other"))))).hasStatusOk();
    }
}

package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.Memberships;
import com.zorahai.identity.internal.Passwords;
import com.zorahai.identity.internal.UserAccount;
import com.zorahai.identity.internal.Users;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@IdentityTest
class AuthFlowTests {

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

    @Autowired
    MeterRegistry meters;

    @Autowired
    Tenants tenants;

    Fixtures fixtures;
    String tenant;
    UserAccount user;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(users, memberships, passwords, directory);
        tenant = Fixtures.tenant();
        user = fixtures.account(tenant, Role.CONSULTANT);
    }

    MvcTestResult login(String email, String password) {
        return mvc.post()
                .uri("/api/v1/auth/login")
                .with(Fixtures.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(Map.of("email", email, "password", password)))
                .exchange();
    }

    MvcTestResult refresh(String token) {
        return mvc.post()
                .uri("/api/v1/auth/refresh")
                .with(Fixtures.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(Map.of("refresh_token", token)))
                .exchange();
    }

    static JsonNode body(MvcTestResult result) {
        return Fixtures.JSON.readTree(result.getResponse().getContentAsByteArray());
    }

    double failed(String reason) {
        var counter = meters.find("zorah.auth.login.failed").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void loginGivesTokensThatWork() {
        MvcTestResult result = login(user.email(), Fixtures.PASSWORD);
        assertThat(result).hasStatusOk();
        JsonNode tokens = body(result);
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(900);
        assertThat(tokens.get("refresh_token").asString()).hasSizeGreaterThan(40);
        assertThat(mvc.get()
                .uri("/api/v1/test-probe/records")
                .header("Authorization", "Bearer " + tokens.get("access_token").asString()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.role")
                .isEqualTo("consultant");
    }

    @Test
    void loginIsCaseInsensitiveOnTheEmail() {
        assertThat(login(user.email().toUpperCase(), Fixtures.PASSWORD)).hasStatusOk();
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameProblemAndAreCounted() throws Exception {
        double badPassword = failed("bad-password");
        double unknown = failed("unknown-account");
        MvcTestResult wrong = login(user.email(), "not-the-password-at-all");
        MvcTestResult nobody = login(Fixtures.email(), Fixtures.PASSWORD);
        for (MvcTestResult result : new MvcTestResult[]{wrong, nobody}) {
            assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .extractingPath("$.type")
                    .isEqualTo("https://zorahai.com/problems/invalid-credentials");
        }
        // identical apart from the request id, so the answer does not tell which accounts exist
        assertThat(withoutRequestId(wrong)).isEqualTo(withoutRequestId(nobody));
        assertThat(failed("bad-password")).isEqualTo(badPassword + 1);
        assertThat(failed("unknown-account")).isEqualTo(unknown + 1);
    }

    private static String withoutRequestId(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString().replaceAll("\"request_id\":\"[^\"]*\"", "");
    }

    @Test
    void deactivatedAccountCannotSignIn() {
        users.setActive(user.id(), false);
        double deactivated = failed("deactivated");
        assertThat(login(user.email(), Fixtures.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(failed("deactivated")).isEqualTo(deactivated + 1);
    }

    @Test
    void loginWithoutPasswordIsAValidationProblem() {
        assertThat(mvc.post()
                .uri("/api/v1/auth/login")
                .with(Fixtures.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"x@example.com\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("password");
    }

    @Test
    void refreshRotatesTheToken() {
        JsonNode first = body(login(user.email(), Fixtures.PASSWORD));
        MvcTestResult rotated = refresh(first.get("refresh_token").asString());
        assertThat(rotated).hasStatusOk();
        JsonNode second = body(rotated);
        assertThat(second.get("refresh_token").asString()).isNotEqualTo(first.get("refresh_token").asString());
        assertThat(mvc.get()
                .uri("/api/v1/test-probe/records")
                .header("Authorization", "Bearer " + second.get("access_token").asString())).hasStatusOk();
        assertThat(refresh(second.get("refresh_token").asString())).hasStatusOk();
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        String first = body(login(user.email(), Fixtures.PASSWORD)).get("refresh_token").asString();
        String second = body(refresh(first)).get("refresh_token").asString();
        // an attacker replays the first token
        assertThat(refresh(first)).hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/invalid-refresh-token");
        // and the legitimate successor is gone too
        assertThat(refresh(second)).hasStatus(HttpStatus.UNAUTHORIZED);
        // another session of the same user is not affected
        String other = body(login(user.email(), Fixtures.PASSWORD)).get("refresh_token").asString();
        assertThat(refresh(other)).hasStatusOk();
    }

    @Test
    void unknownRefreshTokenIsRejected() {
        assertThat(refresh("no-such-token")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refreshTokenOfADeactivatedAccountIsRejected() {
        String token = body(login(user.email(), Fixtures.PASSWORD)).get("refresh_token").asString();
        memberships.update(TenantId.of(tenant), user.id(), Role.CONSULTANT, false);
        directory.evict(user.id());
        assertThat(refresh(token)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void logoutRevokesTheSessionOfTheRefreshToken() {
        JsonNode kept = body(login(user.email(), Fixtures.PASSWORD));
        JsonNode session = body(login(user.email(), Fixtures.PASSWORD));
        assertThat(mvc.post()
                .uri("/api/v1/auth/logout")
                .header("Authorization", "Bearer " + session.get("access_token").asString())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(Map.of("refresh_token", session.get("refresh_token").asString()))))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(refresh(session.get("refresh_token").asString())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(kept.get("refresh_token").asString())).hasStatusOk();
    }

    @Test
    void logoutWithoutRefreshTokenEndsEverySession() {
        JsonNode one = body(login(user.email(), Fixtures.PASSWORD));
        JsonNode two = body(login(user.email(), Fixtures.PASSWORD));
        assertThat(mvc.post()
                .uri("/api/v1/auth/logout")
                .header("Authorization", "Bearer " + one.get("access_token").asString()))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(refresh(one.get("refresh_token").asString())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(two.get("refresh_token").asString())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void logoutWithSomeoneElsesRefreshTokenIsRefused() {
        UserAccount other = fixtures.account(tenant, Role.AGENT);
        JsonNode theirs = body(login(other.email(), Fixtures.PASSWORD));
        JsonNode mine = body(login(user.email(), Fixtures.PASSWORD));
        assertThat(mvc.post()
                .uri("/api/v1/auth/logout")
                .header("Authorization", "Bearer " + mine.get("access_token").asString())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(Map.of("refresh_token", theirs.get("refresh_token").asString()))))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(theirs.get("refresh_token").asString())).hasStatusOk();
    }

    @Test
    void logoutNeedsAToken() {
        assertThat(mvc.post().uri("/api/v1/auth/logout")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void meShowsTheAccountTheCurrentTenantAndEveryTenant() {
        String second = Fixtures.tenant();
        fixtures.grant(user, second, Role.ADMIN);
        Mockito.when(tenants.find(TenantId.of(second))).thenReturn(Optional.of(Fixtures.tenantRecord(second,
                "Second Travel")));
        String token = body(login(user.email(), Fixtures.PASSWORD)).get("access_token").asString();
        var me = assertThat(mvc.get()
                .uri("/api/v1/auth/me")
                .header("Authorization", "Bearer " + token)
                .header("X-Tenant-ID", second)).hasStatusOk().bodyJson();
        me.extractingPath("$.user.email").isEqualTo(user.email());
        me.extractingPath("$.user.email_verified").isEqualTo(true);
        me.extractingPath("$.tenant").isEqualTo(second);
        me.extractingPath("$.role").isEqualTo("admin");
        me.extractingPath("$.provider").isEqualTo("local");
        me.extractingPath("$.tenants[0].id").isEqualTo(tenant);
        me.extractingPath("$.tenants[0].name").isEqualTo(tenant);
        me.extractingPath("$.tenants[0].role").isEqualTo("consultant");
        me.extractingPath("$.tenants[1].name").isEqualTo("Second Travel");
    }

    @Test
    void meNeedsAToken() {
        assertThat(mvc.get().uri("/api/v1/auth/me")).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}

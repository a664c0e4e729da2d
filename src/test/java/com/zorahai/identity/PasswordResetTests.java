package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.Memberships;
import com.zorahai.identity.internal.Passwords;
import com.zorahai.identity.internal.UserAccount;
import com.zorahai.identity.internal.Users;
import com.zorahai.tenancy.TenantId;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Password reset end to end: request, the emailed link, a new password, and the old sessions gone.
 */
@IdentityTest
class PasswordResetTests {

    static final String NEW_PASSWORD = "a-brand-new-passphrase-2026";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Emails emails;

    @Autowired
    Users users;

    @Autowired
    Memberships memberships;

    @Autowired
    Passwords passwords;

    @Autowired
    AccountDirectory directory;

    String tenant;
    UserAccount user;

    @BeforeEach
    void setUp() {
        tenant = Fixtures.tenant();
        user = new Fixtures(users, memberships, passwords, directory).account(tenant, Role.AGENT);
    }

    MvcTestResult post(String path, Object body) {
        return mvc.post()
                .uri(path)
                .with(Fixtures.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(body))
                .exchange();
    }

    OutboundEmail awaitEmail() {
        ArgumentCaptor<OutboundEmail> sent = ArgumentCaptor.forClass(OutboundEmail.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(emails).queue(sent.capture()));
        return sent.getValue();
    }

    @Test
    void resetThroughTheEmailedLinkReplacesThePasswordAndEndsOldSessions() {
        String oldRefresh = AuthFlowTests.body(post("/api/v1/auth/login", Map.of("email", user.email(), "password",
                Fixtures.PASSWORD))).get("refresh_token").asString();

        assertThat(post("/api/v1/auth/password-reset", Map.of("email", user.email())))
                .hasStatus(HttpStatus.ACCEPTED);
        OutboundEmail mail = awaitEmail();
        assertThat(mail.template()).isEqualTo("email/password-reset");
        assertThat(mail.to()).containsExactly(user.email());
        assertThat(mail.tenantId()).isEqualTo(TenantId.of(tenant));
        assertThat((String) mail.model().get("link")).startsWith("http://localhost:8080/reset-password?token=");
        String token = Fixtures.tokenOf(mail);

        assertThat(post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password", NEW_PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(post("/api/v1/auth/login", Map.of("email", user.email(), "password", NEW_PASSWORD)))
                .hasStatusOk();
        assertThat(post("/api/v1/auth/login", Map.of("email", user.email(), "password", Fixtures.PASSWORD)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(post("/api/v1/auth/refresh", Map.of("refresh_token", oldRefresh)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        // the link works once
        assertThat(post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password",
                "yet-another-passphrase-77"))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/invalid-token");
    }

    @Test
    void unknownEmailGetsTheSameAnswerAndNoEmail() {
        MvcTestResult unknown = post("/api/v1/auth/password-reset", Map.of("email", Fixtures.email()));
        assertThat(unknown).hasStatus(HttpStatus.ACCEPTED);
        assertThat(unknown.getResponse().getContentLength()).isZero();
        verify(emails, after(500).never()).queue(org.mockito.ArgumentMatchers.any());
    }

    @Test
    void aWeakNewPasswordIsRefusedAndTheLinkStaysUsable() {
        post("/api/v1/auth/password-reset", Map.of("email", user.email()));
        String token = Fixtures.tokenOf(awaitEmail());
        var problem = assertThat(post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password",
                "iloveyou1234"))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson();
        problem.extractingPath("$.type").isEqualTo("https://zorahai.com/problems/weak-password");
        problem.extractingPath("$.errors[0].field").isEqualTo("password");
        problem.extractingPath("$.errors[0].reason").isEqualTo("is too common");
        assertThat(post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password", NEW_PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void anExpiredOrForgedLinkIsRefused() {
        assertThat(post("/api/v1/auth/password-reset/confirm", Map.of("token", "forged", "password",
                NEW_PASSWORD))).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aMalformedRequestNamesTheField() {
        assertThat(post("/api/v1/auth/password-reset", Map.of("email", "nope"))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("email");
    }
}

package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import com.zorahai.TenantIsolation;
import com.zorahai.TestTokens;
import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.Memberships;
import com.zorahai.identity.internal.Passwords;
import com.zorahai.identity.internal.UserAccount;
import com.zorahai.identity.internal.Users;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IdentityTest
class InvitationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Emails emails;

    @Autowired
    Tenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    Memberships memberships;

    @Autowired
    Passwords passwords;

    @Autowired
    AccountDirectory directory;

    String tenant;
    String owner;

    @BeforeEach
    void setUp() {
        tenant = Fixtures.tenant();
        owner = tokens.bearer(tenant, Role.OWNER);
        Mockito.when(tenants.find(TenantId.of(tenant))).thenReturn(Optional.of(Fixtures.tenantRecord(tenant,
                "Sunny Travel")));
    }

    MvcTestResult invite(String caller, String email, String role) {
        return mvc.post()
                .uri("/api/v1/invitations")
                .header("Authorization", caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(Map.of("email", email, "role", role)))
                .exchange();
    }

    /** Invites and returns the token from the emailed link. */
    String invitationToken(String email, String role) {
        assertThat(invite(owner, email, role)).hasStatus(HttpStatus.CREATED);
        ArgumentCaptor<OutboundEmail> sent = ArgumentCaptor.forClass(OutboundEmail.class);
        verify(emails, atLeastOnce()).queue(sent.capture());
        OutboundEmail mail = sent.getAllValues()
                .stream()
                .filter(m -> m.to().contains(email))
                .reduce((a, b) -> b)
                .orElseThrow();
        return Fixtures.tokenOf(mail);
    }

    MvcTestResult accept(String token, String name, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token);
        body.put("name", name);
        body.put("password", password);
        return mvc.post()
                .uri("/api/v1/invitations/accept")
                .with(Fixtures.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(body))
                .exchange();
    }

    @Test
    void invitationIsEmailedWithAnAcceptLinkAndNeverShowsItsToken() throws Exception {
        String email = Fixtures.email();
        MvcTestResult result = invite(owner, email, "consultant");
        assertThat(result).hasStatus(HttpStatus.CREATED).headers().containsHeader("Location");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("pending");
        assertThat(result).bodyJson().extractingPath("$.role").isEqualTo("consultant");
        ArgumentCaptor<OutboundEmail> sent = ArgumentCaptor.forClass(OutboundEmail.class);
        verify(emails).queue(sent.capture());
        OutboundEmail mail = sent.getValue();
        assertThat(mail.tenantId()).isEqualTo(TenantId.of(tenant));
        assertThat(mail.to()).containsExactly(email);
        assertThat(mail.template()).isEqualTo("email/invitation");
        assertThat(mail.model()).containsKeys("name", "link", "tenantName", "expiresAt");
        assertThat(mail.model().get("tenantName")).isEqualTo("Sunny Travel");
        assertThat((String) mail.model().get("link")).startsWith("http://localhost:8080/accept-invitation?token=");
        assertThat(result.getResponse().getContentAsString()).doesNotContain(Fixtures.tokenOf(mail));
    }

    @Test
    void acceptingCreatesTheAccountAndMembershipAndSignsIn() {
        String email = Fixtures.email();
        String token = invitationToken(email, "consultant");
        MvcTestResult accepted = accept(token, "Nadia Haddad", Fixtures.PASSWORD);
        assertThat(accepted).hasStatusOk();
        String access = AuthFlowTests.body(accepted).get("access_token").asString();
        var probe = assertThat(mvc.get().uri("/api/v1/test-probe/records").header("Authorization", "Bearer "
                + access)).hasStatusOk().bodyJson();
        probe.extractingPath("$.tenant").isEqualTo(tenant);
        probe.extractingPath("$.role").isEqualTo("consultant");
        assertThat(users.findByEmail(email)).get().satisfies(u -> {
            assertThat(u.name()).isEqualTo("Nadia Haddad");
            assertThat(u.emailVerified()).isTrue();
        });
        assertThat(mvc.get().uri("/api/v1/invitations").header("Authorization", owner)).bodyJson()
                .extractingPath("$.items[0].status")
                .isEqualTo("accepted");
        // and the new member can sign in with the chosen password
        assertThat(mvc.post()
                .uri("/api/v1/auth/login")
                .with(Fixtures.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(Map.of("email", email, "password", Fixtures.PASSWORD)))).hasStatusOk();
    }

    @Test
    void anInvitationIsUsedOnce() {
        String token = invitationToken(Fixtures.email(), "agent");
        assertThat(accept(token, "First", Fixtures.PASSWORD)).hasStatusOk();
        assertThat(accept(token, "Second", "another-long-passphrase-42")).hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/invitation-used");
    }

    @Test
    void aWrongTokenIsRefused() {
        invitationToken(Fixtures.email(), "agent");
        assertThat(accept("not-the-token", "Someone", Fixtures.PASSWORD)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/invitation-invalid");
    }

    @Test
    void anExpiredInvitationIsRefused() {
        String email = Fixtures.email();
        String token = invitationToken(email, "agent");
        jdbc.sql("update user_invitations set expires_at = now() - interval '1 minute' where lower(email) = ?")
                .param(email.toLowerCase())
                .update();
        assertThat(accept(token, "Late", Fixtures.PASSWORD)).hasStatus(HttpStatus.GONE)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/invitation-expired");
        assertThat(mvc.get().uri("/api/v1/invitations").header("Authorization", owner)).bodyJson()
                .extractingPath("$.items[0].status")
                .isEqualTo("expired");
    }

    @Test
    void aWeakPasswordIsRefusedAndTheInvitationStaysUsable() {
        String token = invitationToken(Fixtures.email(), "agent");
        for (String weak : List.of("short", "password1234", "qwertyuiop123")) {
            var problem = assertThat(accept(token, "Weak", weak)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson();
            problem.extractingPath("$.type").isEqualTo("https://zorahai.com/problems/weak-password");
            problem.extractingPath("$.errors[0].field").isEqualTo("password");
        }
        assertThat(accept(token, "Strong", Fixtures.PASSWORD)).hasStatusOk();
    }

    @Test
    void anExistingAccountJoinsWithItsOwnPassword() {
        Fixtures fixtures = new Fixtures(users, memberships, passwords, directory);
        UserAccount existing = fixtures.account(Fixtures.tenant(), Role.OWNER);
        String token = invitationToken(existing.email(), "admin");
        assertThat(accept(token, null, "not-my-password-at-all")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(memberships.find(TenantId.of(tenant), existing.id())).isEmpty();
        assertThat(accept(token, null, Fixtures.PASSWORD)).hasStatusOk();
        assertThat(memberships.find(TenantId.of(tenant), existing.id())).get()
                .extracting(m -> m.role())
                .isEqualTo(Role.ADMIN);
    }

    @Test
    void aNewAccountNeedsAName() {
        String token = invitationToken(Fixtures.email(), "agent");
        assertThat(accept(token, " ", Fixtures.PASSWORD)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void adminsCannotInviteOwnersAndMembersCannotBeInvitedTwice() {
        String admin = tokens.bearer(tenant, Role.ADMIN);
        assertThat(invite(admin, Fixtures.email(), "owner")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(invite(owner, Fixtures.email(), "owner")).hasStatus(HttpStatus.CREATED);
        UUID member = tokens.member(tenant, Role.AGENT);
        String memberEmail = users.find(member).orElseThrow().email();
        assertThat(invite(owner, memberEmail, "admin")).hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/already-member");
    }

    @Test
    void invitingAgainReplacesThePendingInvitation() {
        String email = Fixtures.email();
        String first = invitationToken(email, "agent");
        String second = invitationToken(email, "consultant");
        assertThat(accept(first, "Old link", Fixtures.PASSWORD)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(accept(second, "New link", Fixtures.PASSWORD)).hasStatusOk();
    }

    @Test
    void invalidInvitationsAreValidationProblems() {
        assertThat(invite(owner, "not-an-email", "agent")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("email");
        assertThat(invite(owner, Fixtures.email(), "emperor")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("role");
    }

    @Test
    void anUnverifiedInviterMustConfirmTheirEmailFirst() {
        UUID unverified = UUID.randomUUID();
        users.create(unverified, Fixtures.email(), "New owner", null, null, false);
        tokens.token(unverified, tenant, Role.OWNER);
        assertThat(invite(tokens.bearer(unverified), Fixtures.email(), "agent")).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/email-not-verified");
    }

    @Test
    void aWithdrawnInvitationNoLongerWorks() {
        String email = Fixtures.email();
        String token = invitationToken(email, "agent");
        String id = AuthFlowTests.body(mvc.get().uri("/api/v1/invitations").header("Authorization", owner)
                .exchange()).get("items").get(0).get("id").asString();
        assertThat(mvc.get().uri("/api/v1/invitations/{id}", id).header("Authorization", owner)).hasStatusOk()
                .bodyJson()
                .extractingPath("$.email")
                .isEqualTo(email);
        assertThat(mvc.delete().uri("/api/v1/invitations/{id}", id).header("Authorization", owner))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(accept(token, "Too late", Fixtures.PASSWORD)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/invitations/{id}", id).header("Authorization", owner))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anAcceptedInvitationCannotBeWithdrawn() {
        String token = invitationToken(Fixtures.email(), "agent");
        assertThat(accept(token, "Joined", Fixtures.PASSWORD)).hasStatusOk();
        String id = AuthFlowTests.body(mvc.get().uri("/api/v1/invitations").header("Authorization", owner)
                .exchange()).get("items").get(0).get("id").asString();
        assertThat(mvc.delete().uri("/api/v1/invitations/{id}", id).header("Authorization", owner))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void invitationsOfOneTenantAreInvisibleToAnother() {
        String email = Fixtures.email();
        invitationToken(email, "agent");
        String id = AuthFlowTests.body(mvc.get().uri("/api/v1/invitations").header("Authorization", owner)
                .exchange()).get("items").get(0).get("id").asString();
        TenantIsolation.of(mvc, tokens)
                .record("/api/v1/invitations/{id}", id)
                .ownedBy(tenant)
                .withoutUpdate()
                .assertInvisibleTo(Fixtures.tenant());
    }

    @Test
    void emailFailureLeavesNoInvitationBehind() {
        Mockito.when(emails.queue(any())).thenThrow(new IllegalStateException("outbox down"));
        assertThat(invite(owner, Fixtures.email(), "agent")).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(mvc.get().uri("/api/v1/invitations").header("Authorization", owner)).bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);
    }
}

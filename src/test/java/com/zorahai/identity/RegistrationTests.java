package com.zorahai.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.zorahai.TestTokens;
import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.identity.internal.AccountDirectory;
import com.zorahai.identity.internal.Memberships;
import com.zorahai.identity.internal.Passwords;
import com.zorahai.identity.internal.UserAccount;
import com.zorahai.identity.internal.Users;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IdentityTest
class RegistrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Tenants tenants;

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

    @Autowired
    TestTokens tokens;

    String suffix;

    @BeforeEach
    void setUp() {
        suffix = UUID.randomUUID().toString().substring(0, 6);
        when(tenants.create(any())).thenAnswer(call -> {
            NewTenant created = call.getArgument(0);
            return Fixtures.tenantRecord(created.id().value(), created.name());
        });
    }

    MvcTestResult register(Map<String, Object> body, String authorization) {
        var request = mvc.post()
                .uri("/api/v1/auth/register")
                .with(Fixtures.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.json(body));
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.exchange();
    }

    Map<String, Object> form(String organization, String kind, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", organization);
        body.put("kind", kind);
        body.put("email", email);
        body.put("name", "Rana Khoury");
        body.put("password", Fixtures.PASSWORD);
        return body;
    }

    @Test
    void registrationCreatesATenantWithTheCallerAsOwnerAndAsksToVerifyTheEmail() {
        String email = Fixtures.email();
        MvcTestResult result = register(form("Cèdre Voyages " + suffix, "travel", email), null);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        var body = AuthFlowTests.body(result);
        String tenant = "cedre-voyages-" + suffix;
        assertThat(body.get("tenant").asString()).isEqualTo(tenant);

        ArgumentCaptor<NewTenant> created = ArgumentCaptor.forClass(NewTenant.class);
        verify(tenants).create(created.capture());
        assertThat(created.getValue().name()).isEqualTo("Cèdre Voyages " + suffix);
        assertThat(created.getValue().features()).contains(Tenant.Feature.QUOTES, Tenant.Feature.INVOICES)
                .doesNotContain(Tenant.Feature.WHATSAPP);

        String access = "Bearer " + body.get("access_token").asString();
        var probe = assertThat(mvc.get().uri("/api/v1/test-probe/records").header("Authorization", access))
                .hasStatusOk()
                .bodyJson();
        probe.extractingPath("$.tenant").isEqualTo(tenant);
        probe.extractingPath("$.role").isEqualTo("owner");
        assertThat(mvc.get().uri("/api/v1/auth/me").header("Authorization", access)).bodyJson()
                .extractingPath("$.user.email_verified")
                .isEqualTo(false);

        ArgumentCaptor<OutboundEmail> sent = ArgumentCaptor.forClass(OutboundEmail.class);
        verify(emails).queue(sent.capture());
        assertThat(sent.getValue().template()).isEqualTo("email/email-verification");
        assertThat((String) sent.getValue().model().get("link"))
                .startsWith("http://localhost:8080/api/v1/auth/verify-email?token=");
        String token = Fixtures.tokenOf(sent.getValue());
        assertThat(mvc.get().uri("/api/v1/auth/verify-email?token={t}", token).with(Fixtures.newAddress()))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/auth/me").header("Authorization", access)).bodyJson()
                .extractingPath("$.user.email_verified")
                .isEqualTo(true);
        assertThat(mvc.get().uri("/api/v1/auth/verify-email?token={t}", token).with(Fixtures.newAddress()))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aClinicGetsClinicFeatures() {
        assertThat(register(form("Laser Clinic " + suffix, "clinic", Fixtures.email()), null))
                .hasStatus(HttpStatus.CREATED);
        ArgumentCaptor<NewTenant> created = ArgumentCaptor.forClass(NewTenant.class);
        verify(tenants).create(created.capture());
        assertThat(created.getValue().features()).contains(Tenant.Feature.WHATSAPP, Tenant.Feature.BOOKING)
                .doesNotContain(Tenant.Feature.QUOTES);
    }

    @Test
    void aTakenTenantIdGetsASuffix() {
        String base = "taken-" + suffix;
        when(tenants.find(TenantId.of(base))).thenReturn(Optional.of(Fixtures.tenantRecord(base, "Taken")));
        MvcTestResult result = register(form("Taken " + suffix, "travel", Fixtures.email()), null);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(AuthFlowTests.body(result).get("tenant").asString()).isEqualTo(base + "-2");
    }

    @Test
    void aTakenEmailOrAWeakPasswordCreatesNothing() {
        UserAccount existing = new Fixtures(users, memberships, passwords, directory).account(Fixtures.tenant(),
                Role.AGENT);
        assertThat(register(form("Dup " + suffix, "travel", existing.email()), null)).hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/email-taken");
        Map<String, Object> weak = form("Weak " + suffix, "travel", Fixtures.email());
        weak.put("password", "short");
        assertThat(register(weak, null)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/weak-password");
        verify(tenants, never()).create(any());
        assertThat(users.findByEmail((String) weak.get("email"))).isEmpty();
    }

    @Test
    void invalidFormsNameTheField() {
        Map<String, Object> noKind = form("No kind " + suffix, null, Fixtures.email());
        assertThat(register(noKind, null)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("kind");
        Map<String, Object> noEmail = form("No email " + suffix, "travel", null);
        assertThat(register(noEmail, null)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("email");
        assertThat(register(form("Bad kind " + suffix, "circus", Fixtures.email()), null))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("kind");
    }

    @Test
    void aSignedInAccountWithoutTenantRegistersOneForItself() {
        UserAccount loner = new Fixtures(users, memberships, passwords, directory).account(Fixtures.email(),
                Fixtures.PASSWORD, null, null);
        Map<String, Object> body = new HashMap<>();
        body.put("organization", "Solo " + suffix);
        body.put("kind", "travel");
        MvcTestResult result = register(body, tokens.bearer(loner.id()));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(AuthFlowTests.body(result).get("access_token").isNull()).isTrue();
        assertThat(mvc.get().uri("/api/v1/test-probe/records").header("Authorization", tokens.bearer(loner.id())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.role")
                .isEqualTo("owner");
    }
}

package com.zorahai.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import com.zorahai.tenancy.internal.TenantRegistry;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class TenantApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Tenants tenants;

    @Autowired
    TenantRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private String newTenant() {
        String id = "api-" + UUID.randomUUID().toString().substring(0, 8);
        tenants.create(new NewTenant(TenantId.of(id), "Api Agency", Set.of()));
        return id;
    }

    private MvcTestResult patch(String tenant, Role role, String json) {
        return mvc.patch().uri("/api/v1/tenant/settings").header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void showsTheEffectiveTenantInSnakeCase() {
        assertThat(mvc.get().uri("/api/v1/tenant").header("Authorization", tokens.bearer("demo-travel",
                Role.AGENT))).hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.id").isEqualTo("demo-travel");
                    assertThat(json).extractingPath("$.source").isEqualTo("file");
                    assertThat(json).extractingPath("$.currency").isEqualTo("ZAR");
                    assertThat(json).extractingPath("$.timezone").isEqualTo("Africa/Johannesburg");
                    assertThat(json).extractingPath("$.locale").isEqualTo("en-ZA");
                    assertThat(json).extractingPath("$.features").asArray().contains("email_intake", "quotes");
                    assertThat(json).extractingPath("$.email.from_address").isEqualTo(
                            "quotes@demo-travel.example.com");
                    assertThat(json).extractingPath("$.email.sendgrid_api_key_set").isEqualTo(false);
                    assertThat(json).extractingPath("$.banking.account_name").isEqualTo("Demo Travel (Pty) Ltd");
                    assertThat(json).extractingPath("$.branding.primary_color").isEqualTo("#0b5fff");
                    assertThat(json).extractingPath("$.ai.model").isEqualTo("gpt-4o-mini");
                    assertThat(json).extractingPath("$.settings.overridable_fields").asArray().contains(
                            "email.from_name", "currency");
                });
    }

    @Test
    void neverReturnsSecrets() {
        String tenant = newTenant();
        jdbc.sql("insert into tenant_settings (tenant_id, settings) values (?, ?::jsonb)").params(tenant, """
                {"email": {"sendgrid_api_key": "SG.super-secret-1", "inbound_secret": "inbound-secret-2"},
                 "whatsapp": {"provider": "meta", "webhook_secret": "app-secret-3",
                              "credentials": {"api_token": "wa-token-4"}},
                 "booking": {"api_base_url": "https://booking.example/api", "api_token": "booking-token-5"},
                 "voice": {"webhook_secret": "vapi-secret-6"}}""").update();
        registry.invalidate();
        MvcTestResult result = mvc.get().uri("/api/v1/tenant").header("Authorization", tokens.bearer(tenant,
                Role.OWNER)).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().doesNotContain("SG.super-secret-1", "inbound-secret-2", "app-secret-3",
                "wa-token-4", "booking-token-5", "vapi-secret-6");
        assertThat(result).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.email.sendgrid_api_key_set").isEqualTo(true);
            assertThat(json).extractingPath("$.email.inbound_secret_set").isEqualTo(true);
            assertThat(json).extractingPath("$.whatsapp.webhook_secret_set").isEqualTo(true);
            assertThat(json).extractingPath("$.whatsapp.credentials_set").asArray().containsExactly("api_token");
            assertThat(json).extractingPath("$.booking.api_token_set").isEqualTo(true);
            assertThat(json).extractingPath("$.booking.provider").isEqualTo("api");
            assertThat(json).extractingPath("$.voice.webhook_secret_set").isEqualTo(true);
        });
    }

    @Test
    void settingsChangesShowOnTheNextRequest() {
        String tenant = newTenant();
        assertThat(patch(tenant, Role.ADMIN, """
                {"currency": "EUR", "email": {"from_name": "Desk"}, "features": ["crm", "invoices"]}"""))
                .hasStatusOk().bodyJson().extractingPath("$.currency").isEqualTo("EUR");
        assertThat(mvc.get().uri("/api/v1/tenant").header("Authorization", tokens.bearer(tenant, Role.CONSULTANT)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.currency").isEqualTo("EUR");
                    assertThat(json).extractingPath("$.email.from_name").isEqualTo("Desk");
                    assertThat(json).extractingPath("$.features").asArray().containsExactly("crm", "invoices");
                    assertThat(json).extractingPath("$.settings.overridden_fields").asArray()
                            .containsExactly("currency", "email.from_name", "features");
                });
        assertThat(mvc.patch().uri("/api/v1/tenant/settings").header("Authorization", tokens.bearer(tenant,
                Role.OWNER)).contentType("application/merge-patch+json").content("{\"currency\": null}"))
                .hasStatusOk().bodyJson().extractingPath("$.currency").isEqualTo("USD");
    }

    @Test
    void invalidSettingsAnswer400NamingTheField() {
        String tenant = newTenant();
        assertThat(patch(tenant, Role.ADMIN, "{\"currency\": \"ZZZ\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo(
                            "https://zorahai.com/problems/validation-failed");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("currency");
                    assertThat(json).extractingPath("$.errors[0].reason").isEqualTo(
                            "'ZZZ' is not an ISO 4217 code");
                });
        assertThat(patch(tenant, Role.ADMIN, "{\"email\": {\"sendgrid_api_key\": \"SG.x\"}}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("email.sendgrid_api_key");
        assertThat(patch(tenant, Role.ADMIN, "{\"banking\": {\"iban\": \"GB00 WEST 1234 5698 7654 32\"}}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("banking.iban");
        assertThat(patch(tenant, Role.ADMIN, "[1, 2]")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(patch(tenant, Role.ADMIN, "{not json")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyOwnersAndAdminsChangeSettings() {
        String tenant = newTenant();
        for (Role role : new Role[]{Role.AGENT, Role.CONSULTANT}) {
            assertThat(patch(tenant, role, "{\"currency\": \"EUR\"}")).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/forbidden");
        }
        assertThat(tenants.get(TenantId.of(tenant)).currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void unknownTenantAnswers404() {
        assertThat(mvc.get().uri("/api/v1/tenant").header("Authorization", tokens.bearer("ghost-tenant",
                Role.OWNER))).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/tenant-not-found");
        assertThat(mvc.get().uri("/api/v1/tenant")).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}

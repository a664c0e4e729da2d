package com.zorahai.email.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class EmailRendererTests {

    private static final TenantId ACME = TenantId.of("acme-travel");

    private final Map<String, String> tenantTemplates = new HashMap<>();
    private final Tenants tenants = mock(Tenants.class);
    private final EmailRenderer renderer = new EmailRenderer(
            (tenant, name) -> Optional.ofNullable(tenant.equals(ACME) ? tenantTemplates.get(name) : null), tenants);

    @Test
    void defaultInvitationIsWrappedInTheBrandedLayout() {
        when(tenants.find(ACME)).thenReturn(Optional.of(tenant("#aa3300", "https://cdn.example/logo.png")));

        RenderedEmail email = renderer.render(ACME, "email/invitation", "Join us",
                Map.of("name", "Ann <b>", "link", "https://app.example/invite?t=abc&x=1",
                        "expiresAt", Instant.parse("2026-11-30T08:00:00Z")));

        assertThat(email.html()).contains("<title>Join us</title>")
                .contains("background:#aa3300")
                .contains("src=\"https://cdn.example/logo.png\"")
                .contains("<span> Ann &lt;b&gt;</span>,")
                .contains("href=\"https://app.example/invite?t=abc&amp;x=1\"")
                .contains("Acme Travel")
                .contains("30 November 2026, 10:00 SAST");
        assertThat(email.text()).contains("Hello Ann <b>,")
                .contains("Accept the invitation (https://app.example/invite?t=abc&x=1)")
                .doesNotContain("<p>")
                .doesNotContain("Join us");
    }

    @Test
    void tenantTemplateWinsOverTheDefaultAndModelOverridesTenantName() {
        when(tenants.find(ACME)).thenReturn(Optional.of(tenant(null, null)));
        tenantTemplates.put("email/password-reset", "<p>Reset for <span th:text=\"${tenantName}\"></span></p>");

        RenderedEmail email = renderer.render(ACME, "password-reset", "Reset",
                Map.of("tenantName", "Acme Holidays", "link", "https://x"));

        assertThat(email.html()).contains("<p>Reset for <span>Acme Holidays</span></p>")
                .contains("background:#0f4c81");
        assertThat(email.text()).startsWith("Acme Holidays");
    }

    @Test
    void wholeDocumentsAreNotWrappedAndTenantLayoutIsUsed() {
        tenantTemplates.put("email/quote", "<html><body><p th:text=\"${total}\"></p></body></html>");
        tenantTemplates.put("email/note", "<p>note</p>");
        tenantTemplates.put("email/layout", "<div class=\"mine\" th:utext=\"${content}\"></div>");

        assertThat(renderer.render(ACME, "email/quote", "Quote", Map.of("total", "ZAR 1 200")).html())
                .isEqualTo("<html><body><p>ZAR 1 200</p></body></html>");
        assertThat(renderer.render(ACME, "email/note", "Note", null).html())
                .isEqualTo("<div class=\"mine\"><p>note</p></div>");
    }

    @Test
    void unknownTenantRendersWithDefaults() {
        RenderedEmail email = renderer.render(TenantId.of("nobody"), "email/email-verification", "Verify",
                Map.of("link", "https://v.example", "expiresAt", LocalDate.of(2026, 12, 1)));

        assertThat(email.html()).contains("nobody").contains("1 December 2026").contains("background:#0f4c81");
    }

    @Test
    void unknownOrMalformedTemplateIs400NamingTemplate() {
        assertThatThrownBy(() -> renderer.render(ACME, "email/nope", "x", Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(p.properties().get("errors").toString()).contains("template");
                });
        assertThatThrownBy(() -> renderer.render(ACME, "../secrets", "x", Map.of()))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("template");
    }

    @Test
    void brokenTemplateIs422() {
        tenantTemplates.put("email/broken", "<p th:text=\"${a.b.c}\"></p>");

        assertThatThrownBy(() -> renderer.render(ACME, "email/broken", "x", Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(p.type()).isEqualTo("email-template-invalid");
                });
    }

    @Test
    void templatesCannotReachJavaClasses() {
        tenantTemplates.put("email/evil", "<p th:text=\"${T(java.lang.System).getProperty('user.home')}\"></p>");

        assertThatThrownBy(() -> renderer.render(ACME, "email/evil", "x", Map.of()))
                .isInstanceOf(ProblemException.class);
    }

    private static Tenant tenant(String color, String logo) {
        return new Tenant(ACME, "Acme Travel", Currency.getInstance("ZAR"), ZoneId.of("Africa/Johannesburg"),
                Locale.ENGLISH, Set.of(), null, null, null, null, null, null, null, null,
                new Tenant.Branding(color, null, logo), Tenant.Source.FILE);
    }
}

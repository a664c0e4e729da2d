package com.zorahai.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.TenantTemplates;
import com.zorahai.tenancy.Tenants;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class TemplateApiTests {

    private static final String DEFAULT = "tenancy-test/greeting";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Tenants tenants;

    @Autowired
    TenantTemplates templates;

    private String newTenant() {
        String id = "tpl-" + UUID.randomUUID().toString().substring(0, 8);
        tenants.create(new NewTenant(TenantId.of(id), "Template Agency", Set.of()));
        return id;
    }

    private MvcTestResult put(String tenant, Role role, String name, String html) {
        return mvc.put().uri("/api/v1/tenant/templates/" + name).header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.TEXT_HTML).content(html).exchange();
    }

    private MvcTestResult get(String tenant, String name) {
        return mvc.get().uri("/api/v1/tenant/templates/" + name).header("Authorization", tokens.bearer(tenant,
                Role.AGENT)).exchange();
    }

    @Test
    void defaultsComeFromTheJarUntilTheTenantHasItsOwn() {
        String tenant = newTenant();
        assertThat(get(tenant, DEFAULT)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.source").isEqualTo("default");
            assertThat(json).extractingPath("$.content").asString().contains("th:text=\"${greeting}\"");
        });
        assertThat(put(tenant, Role.ADMIN, DEFAULT, "<p th:text=\"${greeting}\">Hi there</p>")).hasStatusOk()
                .bodyJson().extractingPath("$.source").isEqualTo("tenant");
        assertThat(get(tenant, DEFAULT)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.source").isEqualTo("tenant");
            assertThat(json).extractingPath("$.content").isEqualTo("<p th:text=\"${greeting}\">Hi there</p>");
            assertThat(json).extractingPath("$.updated_at").isNotNull();
        });
        assertThat(templates.find(TenantId.of(tenant), DEFAULT)).hasValue("<p th:text=\"${greeting}\">Hi there</p>");
        assertThat(mvc.get().uri("/api/v1/tenant/templates").header("Authorization", tokens.bearer(tenant,
                Role.AGENT))).hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$[?(@.name == '" + DEFAULT + "')].customized").asArray()
                            .containsExactly(true);
                    assertThat(json).extractingPath("$[?(@.name == '" + DEFAULT + "')].has_default").asArray()
                            .containsExactly(true);
                });
        assertThat(mvc.delete().uri("/api/v1/tenant/templates/" + DEFAULT).header("Authorization", tokens.bearer(
                tenant, Role.OWNER))).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(get(tenant, DEFAULT)).bodyJson().extractingPath("$.source").isEqualTo("default");
        assertThat(mvc.delete().uri("/api/v1/tenant/templates/" + DEFAULT).header("Authorization", tokens.bearer(
                tenant, Role.OWNER))).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/template-not-found");
    }

    @Test
    void anotherTenantNeverSeesTheTemplate() {
        String owner = newTenant();
        String other = newTenant();
        assertThat(put(owner, Role.ADMIN, "quotes/cover", "<h1>Ours</h1>")).hasStatusOk();
        assertThat(get(owner, "quotes/cover")).hasStatusOk();
        assertThat(get(other, "quotes/cover")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/tenant/templates/quotes/cover").header("Authorization",
                tokens.bearer(other, Role.OWNER))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(templates.find(TenantId.of(other), "quotes/cover")).isEmpty();
        assertThat(get(owner, "quotes/cover")).hasStatusOk();
    }

    @Test
    void badNamesBodiesAndRolesAreRefused() {
        String tenant = newTenant();
        assertThat(put(tenant, Role.ADMIN, "Bad..Name", "<p/>")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(get(tenant, "UPPER/case")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(put(tenant, Role.ADMIN, "empty", "  ")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("content");
        assertThat(put(tenant, Role.ADMIN, "big", "x".repeat(256 * 1024 + 1)))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(put(tenant, Role.ADMIN, "evil", "<p th:text=\"${T(java.lang.Runtime).getRuntime()}\"/>"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("content");
        assertThat(put(tenant, Role.ADMIN, "bean", "<p th:text=\"${@environment.getProperty('x')}\"/>"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(put(tenant, Role.AGENT, "mine", "<p/>")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put(tenant, Role.CONSULTANT, "mine", "<p/>")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.put().uri("/api/v1/tenant/templates/mine").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(mvc.put().uri("/api/v1/tenant/templates/latin1").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN)).contentType(MediaType.TEXT_PLAIN).content(new byte[]{'<', 'p', '>', (byte) 0xe9}))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get(tenant, "never-written")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(put(tenant, Role.ADMIN, "styled", "<style>*{margin:0}</style><p th:text=\"*{name}\"/>"))
                .hasStatusOk();
    }
}

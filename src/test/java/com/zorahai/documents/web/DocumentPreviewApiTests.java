package com.zorahai.documents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.documents.Pdfs;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.TenantTemplates;
import com.zorahai.tenancy.Tenants;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class DocumentPreviewApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Tenants tenants;

    @Autowired
    TenantTemplates templates;

    @Autowired
    JsonMapper json;

    private String newTenant(String name) {
        String id = "prev-" + UUID.randomUUID().toString().substring(0, 8);
        tenants.create(new NewTenant(TenantId.of(id), name, Set.of()));
        tenants.updateSettings(TenantId.of(id), Map.of("currency", "USD", "locale", "en-US", "banking",
                Map.of("bank_name", "Preview Bank", "account_number", "000111222")));
        return id;
    }

    private MvcTestResult preview(String tenant, Role role, String template, String html) {
        Map<String, Object> body = new HashMap<>();
        body.put("template", template);
        if (html != null) {
            body.put("html", html);
        }
        return mvc.post().uri("/api/v1/documents/preview").header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).exchange();
    }

    @Test
    void anOwnerPreviewsTheDefaultInvoiceWithSampleData() {
        String tenant = newTenant("Preview Travel");

        MvcTestResult result = preview(tenant, Role.OWNER, "documents/invoice", null);

        assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF)
                .hasHeader("Cache-Control", "no-store");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("inline; filename=\"invoice-preview.pdf\"");
        String text = Pdfs.flat(result.getResponse().getContentAsByteArray());
        assertThat(text).contains("Preview Travel", "INVOICE", "INV-000042", "Zoë Ødegård", "Дмитрий Иванов",
                "Σοφία Παπαδοπούλου", "Return flights JNB – CPT, economy 3 $2,399.50 $7,198.50",
                "Total $24,205.78", "Balance due $16,944.05", "Bank Preview Bank", "Account number 000111222");
    }

    @Test
    void anAdminPreviewsTheDefaultQuote() {
        String tenant = newTenant("Preview Travel");

        MvcTestResult result = preview(tenant, Role.ADMIN, "documents/quote", null);

        assertThat(result).hasStatusOk();
        assertThat(Pdfs.flat(result.getResponse().getContentAsByteArray())).contains("QUOTE", "Q-000123",
                "Subtotal $21,048.50");
    }

    @Test
    void unsavedSourceIsRenderedInsteadOfTheStoredTemplate() {
        String tenant = newTenant("Preview Travel");

        MvcTestResult result = preview(tenant, Role.OWNER, "documents/invoice",
                "<h1>Draft <span th:text=\"${invoice.number}\">n</span> for <span th:text=\"${tenant.name}\">t</span></h1>"
                        + "<p>unclosed <b>markup");

        assertThat(result).hasStatusOk();
        assertThat(Pdfs.flat(result.getResponse().getContentAsByteArray()))
                .contains("Draft INV-000042 for Preview Travel", "unclosed markup").doesNotContain("Balance due");
    }

    @Test
    void eachTenantPreviewsItsOwnTemplate() {
        String a = newTenant("Agency A");
        String b = newTenant("Agency B");
        templates.save(TenantId.of(a), "documents/quote", "<p>Template of A</p>");
        templates.save(TenantId.of(b), "documents/quote", "<p>Template of B</p>");

        String textA = Pdfs.flat(preview(a, Role.OWNER, "documents/quote", null).getResponse()
                .getContentAsByteArray());
        String textB = Pdfs.flat(preview(b, Role.OWNER, "documents/quote", null).getResponse()
                .getContentAsByteArray());

        assertThat(textA).contains("Template of A").doesNotContain("Template of B");
        assertThat(textB).contains("Template of B").doesNotContain("Template of A");
    }

    @Test
    void onlyOwnersAndAdminsMayPreview() {
        String tenant = newTenant("Preview Travel");

        assertThat(preview(tenant, Role.CONSULTANT, "documents/quote", null)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(preview(tenant, Role.AGENT, "documents/quote", null)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/v1/documents/preview").contentType(MediaType.APPLICATION_JSON)
                .content("{\"template\":\"documents/quote\"}")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anUnknownOrInvalidTemplateNameIsABadRequestNamingTheField() {
        String tenant = newTenant("Preview Travel");

        assertThat(preview(tenant, Role.OWNER, "documents/nothing", null)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.errors[0].field").isEqualTo("template");
                    assertThat(body).extractingPath("$.errors[0].reason")
                            .isEqualTo("no template named documents/nothing");
                });
        assertThat(preview(tenant, Role.OWNER, "../secrets", null)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("template");
        assertThat(preview(tenant, Role.OWNER, "", null)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("template");
        assertThat(mvc.post().uri("/api/v1/documents/preview").header("Authorization", tokens.bearer(tenant,
                Role.OWNER)).contentType(MediaType.APPLICATION_JSON).content("{\"template\":\"documents/quote\","
                        + "\"extra\":1}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void sourceReachingBeyondItsVariablesIsRefusedBeforeRendering() {
        String tenant = newTenant("Preview Travel");

        assertThat(preview(tenant, Role.OWNER, "documents/quote",
                "<p th:text=\"${T(java.lang.Runtime).getRuntime().exec('id')}\">x</p>"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.errors[0].field").isEqualTo("html");
                    assertThat(body).extractingPath("$.errors[0].reason").asString().contains("T(");
                });
        assertThat(preview(tenant, Role.OWNER, "documents/quote", "  ")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("html");
    }

    @Test
    void aTemplateThatFailsIsA422NamingItWithoutInternals() throws Exception {
        String tenant = newTenant("Preview Travel");

        MvcTestResult result = preview(tenant, Role.OWNER, "documents/quote",
                "<p th:text=\"${quote.number.no.such.property}\">x</p>");

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.type")
                    .isEqualTo("https://zorahai.com/problems/document-template-invalid");
            assertThat(body).extractingPath("$.template").isEqualTo("documents/quote");
            assertThat(body).extractingPath("$.detail").asString().contains("documents/quote");
        });
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception", "at org.", "SpEL");
    }

    @Test
    void problemsAreAnsweredAsJsonEvenToAClientAskingOnlyForPdf() {
        String tenant = newTenant("Preview Travel");

        assertThat(mvc.post().uri("/api/v1/documents/preview").header("Authorization", tokens.bearer(tenant,
                Role.OWNER)).accept(MediaType.APPLICATION_PDF).contentType(MediaType.APPLICATION_JSON)
                .content("{\"template\":\"documents/none\"}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("template");
    }

    @Test
    void sourceAboveTheSizeLimitIsRefused() {
        String tenant = newTenant("Preview Travel");

        assertThat(preview(tenant, Role.OWNER, "documents/quote", "<p>" + "x".repeat(300 * 1024) + "</p>"))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/payload-too-large");
    }
}

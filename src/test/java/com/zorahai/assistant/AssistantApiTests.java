package com.zorahai.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.zorahai.TenantIsolation;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The assistant's dashboard API: settings, unanswered questions, and the bot switched off. */
class AssistantApiTests extends AssistantTestSupport {

    private MvcTestResult put(String tenant, Role role, String body) {
        return mvc.put().uri("/api/v1/assistant/settings")
                .header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void settingsStartAtTheDefaultsAndAreReplacedWhole() {
        String fresh = "asst-" + UUID.randomUUID().toString().substring(0, 10);
        tenantDirectory.create(new NewTenant(TenantId.of(fresh), "Fresh", Set.of(Tenant.Feature.WHATSAPP)));
        // the test configuration sets zorah.assistant.bot-enabled-by-default to false
        assertThat(mvc.get().uri("/api/v1/assistant/settings")
                .header("Authorization", tokens.bearer(fresh, Role.OWNER))).hasStatusOk()
                .bodyJson().isLenientlyEqualTo("""
                        {"bot_enabled": false, "handover_emails": [], "max_failures": 2, "updated_at": null}""");
        Clinic clinic = clinic("en");
        String owner = tokens.bearer(clinic.id(), Role.OWNER);

        assertThat(put(clinic.id(), Role.ADMIN, """
                {"bot_enabled": false, "handover_emails": ["a@clinic.example", "A@clinic.example", "b@clinic.example"],
                 "max_failures": 3}""")).hasStatusOk().bodyJson().isLenientlyEqualTo(
                """
                        {"bot_enabled": false, "handover_emails": ["a@clinic.example", "b@clinic.example"], "max_failures": 3}""");
        assertThat(mvc.get().uri("/api/v1/assistant/settings").header("Authorization", owner)).bodyJson()
                .extractingPath("$.max_failures").isEqualTo(3);
    }

    @Test
    void badSettingsAreProblemsNamingTheField() {
        Clinic clinic = clinic("en");
        assertThat(put(clinic.id(), Role.OWNER, """
                {"bot_enabled": true, "handover_emails": ["not-an-email"], "max_failures": 2}""")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("handover_emails[0]");
        assertThat(put(clinic.id(), Role.OWNER, """
                {"handover_emails": [], "max_failures": 2}""")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("bot_enabled");
        assertThat(put(clinic.id(), Role.OWNER, """
                {"bot_enabled": true, "max_failures": 0}""")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("max_failures");
        assertThat(put(clinic.id(), Role.OWNER, "{\"bot_enabled\": true, \"max_failures\": 2, \"colour\": 1}"))
                .hasStatus(400);
        assertThat(put(clinic.id(), Role.AGENT, """
                {"bot_enabled": false, "max_failures": 2}""")).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/assistant/settings")
                .header("Authorization", tokens.bearer(clinic.id(), Role.CONSULTANT))).hasStatus(403);
    }

    @Test
    void aBotSwitchedOffStaysQuiet() {
        Clinic clinic = clinic("en");
        assertThat(put(clinic.id(), Role.OWNER, """
                {"bot_enabled": false, "max_failures": 2}""")).hasStatusOk();
        customer(clinic, "Quiet").saysUnanswered("Hello?");
    }

    @Test
    void unansweredQuestionsAreListedReadAndDismissedByTheirTenantOnly() throws Exception {
        Clinic clinic = clinic("en");
        Clinic other = clinic("en");
        customer(clinic, "Tarek").says("Do you sell gift cards for birthdays?");
        String admin = tokens.bearer(clinic.id(), Role.ADMIN);

        MvcTestResult list = mvc.get().uri("/api/v1/assistant/unanswered?size=5")
                .header("Authorization", tokens.bearer(clinic.id(), Role.AGENT)).exchange();
        assertThat(list).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"items": [{"question": "Do you sell gift cards for birthdays?", "language": "en"}],
                 "page": 0, "size": 5, "total": 1}""");
        String id = JsonPath.read(list.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
                "$.items[0].id");

        TenantIsolation.of(mvc, tokens)
                .record("/api/v1/assistant/unanswered/{id}", id)
                .ownedBy(clinic.id())
                .withoutUpdate()
                .assertInvisibleTo(other.id());
        assertThat(mvc.get().uri("/api/v1/assistant/unanswered?size=0").header("Authorization", admin))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(mvc.get().uri("/api/v1/assistant/unanswered/not-a-uuid").header("Authorization", admin))
                .hasStatus(404);
        assertThat(mvc.delete().uri("/api/v1/assistant/unanswered/{id}", id).header("Authorization", admin))
                .hasStatus(204);
        assertThat(mvc.get().uri("/api/v1/assistant/unanswered/{id}", id).header("Authorization", admin))
                .hasStatus(404);
    }
}

package com.zorahai.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.identity.Role;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A client's emailed requests in their privacy export, and forgotten when the client is erased. */
@IntegrationTest
class IntakePrivacyTests extends IntakeTestSupport {

    @Test
    void theClientsRequestsAreExportedAndForgottenOnErasure() {
        String tenant = newTenant();
        UUID email = post(tenant, ParsedMail.to(address(tenant)).subject("Zanzibar family holiday")
                .text(ZANZIBAR_TEXT));
        Map<String, Object> row = handled(tenant, email);
        UUID client = (UUID) row.get("client_id");
        String auth = tokens.bearer(tenant, Role.OWNER);

        assertThat(mvc.get().uri("/api/v1/clients/{id}/export", client).header("Authorization", auth))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.modules.intake[0].id").isEqualTo(row.get("id").toString());
                    assertThat(json).extractingPath("$.modules.intake[0].subject").isEqualTo("Zanzibar family holiday");
                    assertThat(json).extractingPath("$.modules.intake[0].from").isEqualTo(
                            "Sarah Mitchell <sarah@example.com>");
                    assertThat(json).extractingPath("$.modules.intake[0].quote_number").isEqualTo("Q-000001");
                });

        assertThat(mvc.post().uri("/api/v1/clients/{id}/erase", client).header("Authorization", auth))
                .hasStatus2xxSuccessful();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select from_address is null and subject is null from intake_requests where id = ?")
                .param(row.get("id")).query(Boolean.class).single());
        String extraction = jdbc.sql("select extraction::text from intake_requests where id = ?")
                .param(row.get("id")).query(String.class).single();
        assertThat(extraction).doesNotContain("Sarah", "sarah@example.com", "Zanzibar").contains("NEW_TRAVEL_REQUEST");
        assertThat(mvc.get().uri("/api/v1/intake/reviews/{id}", row.get("id")).header("Authorization", auth))
                .hasStatusOk().bodyJson().extractingPath("$.extraction.fields.client_name.value").isNull();
        // the stored email is forgotten too; its row stays so a redelivery is still recognised
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select from_address is null and text_body is null from inbound_emails where id = ?")
                .param(email).query(Boolean.class).single());
        Map<String, Object> stored = jdbc.sql("""
                select subject, html_body, headers, to_addresses::text as to_addresses, dedupe_key, status
                  from inbound_emails where id = ?""").param(email).query().singleRow();
        assertThat(stored).containsEntry("subject", null).containsEntry("html_body", null)
                .containsEntry("headers", null).containsEntry("to_addresses", "{}")
                .containsEntry("status", "processed");
        assertThat(stored.get("dedupe_key")).isNotNull();
        assertThat(mvc.get().uri("/api/v1/intake/reviews/{id}", row.get("id")).header("Authorization", auth))
                .hasStatusOk().bodyJson().extractingPath("$.email.text").isNull();
    }

    @Test
    void theRequestsOfAMergedClientMoveToTheClientItWasMergedInto() {
        String tenant = newTenant();
        UUID email = post(tenant, ParsedMail.to(address(tenant)).subject("Zanzibar family holiday")
                .text(ZANZIBAR_TEXT));
        UUID source = (UUID) handled(tenant, email).get("client_id");
        String auth = tokens.bearer(tenant, Role.OWNER);
        String target = read(mvc.post().uri("/api/v1/clients").header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Sarah M.\", \"emails\": "
                        + "[\"sarah.m@example.org\"]}")
                .exchange(), "$.id");

        assertThat(mvc.post().uri("/api/v1/clients/{id}/merge", target).header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON).content("{\"source_id\": \"" + source + "\"}"))
                .hasStatusOk();

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select client_id::text from intake_requests where inbound_email_id = ?").param(email)
                .query(String.class).single().equals(target));
    }
}

package com.zorahai.quoting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.identity.Role;
import com.zorahai.quoting.QuotingTestSupport;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class QuoteClientDataTests extends QuotingTestSupport {

    @Test
    void theClientExportListsQuotesAndErasureForgetsWhoAccepted() {
        String id = draft();
        String client = read(get(QUOTES + "/" + id), "$.client_id");
        assertThat(mvc.post().uri(QUOTES + "/" + id + "/send").header("Authorization", auth(Role.CONSULTANT)))
                .hasStatusOk();
        String body = jdbc.sql("select text_body from outbound_emails where tenant_id = ?").param(tenant)
                .query(String.class).single();
        Matcher token = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(token.find()).isTrue();
        assertThat(mvc.post().uri("/public/quotes/accept").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": \"" + token.group(1)
                        + "\", \"name\": \"Ana Lima\", \"email\": \"a@example.com\"}"))
                .hasStatusOk();

        String owner = auth(Role.OWNER);
        assertThat(mvc.get().uri("/api/v1/clients/" + client + "/export").header("Authorization", owner))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.modules.quoting[0].number").isEqualTo("Q-000001");
                    assertThat(json).extractingPath("$.modules.quoting[0].status").isEqualTo("accepted");
                    assertThat(json).extractingPath("$.modules.quoting[0].accepted_by_name").isEqualTo("Ana Lima");
                });

        assertThat(mvc.post().uri("/api/v1/clients/" + client + "/erase").header("Authorization", owner))
                .hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select accepted_by_email is null and"
                + " accepted_ip is null and accepted_by_name = 'erased' from quotes where id = ?")
                .param(UUID.fromString(id)).query(Boolean.class).single());
        assertThat(get(QUOTES + "/" + id)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("accepted");
            assertThat(json).extractingPath("$.acceptance.revision").isEqualTo(1);
            assertThat(json).extractingPath("$.acceptance.accepted_at").isNotNull();
        });
    }
}

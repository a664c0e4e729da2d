package com.zorahai.email.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TestTokens;
import com.zorahai.email.EmailTestSupport;
import com.zorahai.email.Emails;
import com.zorahai.email.OutboundEmail;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class OutboundEmailControllerTests extends EmailTestSupport {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Emails emails;

    @Test
    void listsTheTenantsEmailsNewestFirstAndFiltersByStatus() {
        String tenant = newTenantId();
        UUID first = queue(tenant, "one@example.com");
        UUID second = queue(tenant, "two@example.com");
        UUID third = queue(tenant, "three@example.com");
        setStatus(second, "dead", "SendGrid answered 503");
        queue(newTenantId(), "other@example.com");

        assertThat(mvc.get().uri("/api/v1/emails").header("Authorization", tokens.bearer(tenant, Role.AGENT)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(3);
                    assertThat(json).extractingPath("$.items[*].id")
                            .asArray()
                            .containsExactly(third.toString(), second.toString(), first.toString());
                    assertThat(json).doesNotHavePath("$.items[0].html");
                });

        assertThat(mvc.get().uri("/api/v1/emails?status=DEAD").header("Authorization", tokens.bearer(tenant,
                Role.CONSULTANT)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(1);
                    assertThat(json).extractingPath("$.items[0].id").isEqualTo(second.toString());
                    assertThat(json).extractingPath("$.items[0].status").isEqualTo("dead");
                    assertThat(json).extractingPath("$.items[0].last_error").isEqualTo("SendGrid answered 503");
                });

        assertThat(mvc.get().uri("/api/v1/emails?page=1&size=2").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.page").isEqualTo(1);
                    assertThat(json).extractingPath("$.size").isEqualTo(2);
                    assertThat(json).extractingPath("$.items[*].id").asArray().containsExactly(first.toString());
                });
    }

    @Test
    void badListParametersAreProblemsNamingTheField() {
        String auth = tokens.bearer(newTenantId(), Role.OWNER);

        assertThat(mvc.get().uri("/api/v1/emails?status=lost").header("Authorization", auth))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("status");
        assertThat(mvc.get().uri("/api/v1/emails?size=1000").header("Authorization", auth))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
        assertThat(mvc.get().uri("/api/v1/emails?page=x").header("Authorization", auth))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("page");
        assertThat(mvc.get().uri("/api/v1/emails/not-a-uuid").header("Authorization", auth))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("id");
    }

    @Test
    void oneEmailShowsBodyAttachmentsAndAttempts() {
        String tenant = newTenantId();
        UUID id = emails.queue(new OutboundEmail(TenantId.of(tenant), List.of("ann@example.com"), List.of(),
                "Your invoice", null, null, "<p>Invoice attached</p>", null,
                List.of(new OutboundEmail.Attachment("invoice.pdf", "application/pdf", new byte[]{1, 2, 3})),
                "invoice-7"));
        setStatus(id, "failed", "SendGrid answered 500");
        jdbc.sql("insert into outbound_email_attempts (email_id, attempt, status_code, outcome, error, duration_ms) "
                + "values (:id, 1, 500, 'retry', 'SendGrid answered 500', 12)").param("id", id).update();

        assertThat(mvc.get().uri("/api/v1/emails/{id}", id).header("Authorization", tokens.bearer(tenant,
                Role.AGENT)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.subject").isEqualTo("Your invoice");
                    assertThat(json).extractingPath("$.status").isEqualTo("failed");
                    assertThat(json).extractingPath("$.idempotency_key").isEqualTo("invoice-7");
                    assertThat(json).extractingPath("$.html").isEqualTo("<p>Invoice attached</p>");
                    assertThat(json).extractingPath("$.text").isEqualTo("Invoice attached");
                    assertThat(json).extractingPath("$.attachments[0].filename").isEqualTo("invoice.pdf");
                    assertThat(json).extractingPath("$.attachments[0].size_bytes").isEqualTo(3);
                    assertThat(json).doesNotHavePath("$.attachments[0].content");
                    assertThat(json).extractingPath("$.attempt_history[0].status_code").isEqualTo(500);
                    assertThat(json).extractingPath("$.attempt_history[0].outcome").isEqualTo("retry");
                });
    }

    @Test
    void retryRequeuesDeadFailedOrHeldEmails() {
        String tenant = newTenantId();
        UUID id = queue(tenant, "ann@example.com");
        setStatus(id, "held", "email delivery is not configured");

        assertThat(mvc.post().uri("/api/v1/emails/{id}/retry", id).header("Authorization", tokens.bearer(tenant,
                Role.CONSULTANT)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("queued");
                    assertThat(json).extractingPath("$.attempts").isEqualTo(0);
                    assertThat(json).extractingPath("$.last_error").isNull();
                });
        assertThat(status(id)).isEqualTo("queued");
    }

    @Test
    void retryOfASentEmailIsAConflict() {
        String tenant = newTenantId();
        UUID id = queue(tenant, "ann@example.com");
        setStatus(id, "sent", null);

        assertThat(mvc.post().uri("/api/v1/emails/{id}/retry", id).header("Authorization", tokens.bearer(tenant,
                Role.OWNER)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type")
                            .isEqualTo("https://zorahai.com/problems/email-already-sent");
                    assertThat(json).extractingPath("$.status").isEqualTo(409);
                    assertThat(json).extractingPath("$.email_status").isEqualTo("sent");
                });
        setStatus(id, "sending", null);
        assertThat(mvc.post().uri("/api/v1/emails/{id}/retry", id).header("Authorization", tokens.bearer(tenant,
                Role.OWNER)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/email-being-sent");
    }

    @Test
    void agentsMayReadButNotRetry() {
        String tenant = newTenantId();
        UUID id = queue(tenant, "ann@example.com");
        setStatus(id, "dead", "x");

        assertThat(mvc.post().uri("/api/v1/emails/{id}/retry", id).header("Authorization", tokens.bearer(tenant,
                Role.AGENT)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(status(id)).isEqualTo("dead");
    }

    @Test
    void anotherTenantGets404ForGetAndRetry() {
        String owner = newTenantId();
        String intruder = newTenantId();
        UUID id = queue(owner, "ann@example.com");
        setStatus(id, "dead", "x");

        assertThat(mvc.get().uri("/api/v1/emails/{id}", id).header("Authorization", tokens.bearer(intruder,
                Role.OWNER)))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/email-not-found");
        assertThat(mvc.post().uri("/api/v1/emails/{id}/retry", id).header("Authorization", tokens.bearer(intruder,
                Role.OWNER)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/emails").header("Authorization", tokens.bearer(intruder, Role.OWNER)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);
        assertThat(status(id)).isEqualTo("dead");
    }

    @Test
    void unknownEmailIs404() {
        assertThat(mvc.get().uri("/api/v1/emails/{id}", UUID.randomUUID()).header("Authorization", tokens.bearer(
                newTenantId(), Role.ADMIN)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private UUID queue(String tenant, String to) {
        return emails.queue(email(tenant, to, null));
    }

    private void setStatus(UUID id, String status, String error) {
        jdbc.sql("update outbound_emails set status = :status, last_error = :error where id = :id")
                .param("status", status)
                .param("error", error)
                .param("id", id)
                .update();
    }
}

package com.zorahai.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EmailsTests extends EmailTestSupport {

    @Autowired
    Emails emails;

    @Test
    void templatedEmailIsRenderedAndQueued() {
        String tenant = newTenantId();
        givenTenantWithKey(tenant);

        UUID id = emails.queue(OutboundEmail.templated(TenantId.of(tenant), "ann@example.com", "You are invited",
                "email/invitation", Map.of("name", "Ann", "link", "https://app.example/i/1", "tenantName",
                        "Acme Travel"),
                null));

        var row = jdbc.sql("select status, subject, html_body, text_body, template, attempts, max_attempts "
                + "from outbound_emails where id = :id").param("id", id).query().singleRow();
        assertThat(row).containsEntry("status", "queued")
                .containsEntry("subject", "You are invited")
                .containsEntry("template", "email/invitation")
                .containsEntry("attempts", 0)
                .containsEntry("max_attempts", 3);
        assertThat((String) row.get("html_body")).contains("Acme Travel").contains("https://app.example/i/1");
        assertThat((String) row.get("text_body")).contains("Accept the invitation (https://app.example/i/1)");
    }

    @Test
    void tenantTemplateIsPreferred() {
        String tenant = newTenantId();
        when(tenantTemplates.find(TenantId.of(tenant), "email/password-reset"))
                .thenReturn(Optional.of("<html><body>Own <span th:text=\"${link}\"></span></body></html>"));

        UUID id = emails.queue(OutboundEmail.templated(TenantId.of(tenant), "ann@example.com", "Reset",
                "email/password-reset", Map.of("link", "https://r"), null));

        assertThat(jdbc.sql("select html_body from outbound_emails where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("<html><body>Own <span>https://r</span></body></html>");
    }

    @Test
    void sameIdempotencyKeyGivesTheSameEmail() {
        String tenant = newTenantId();

        UUID first = emails.queue(email(tenant, "ann@example.com", "invite-42"));
        UUID second = emails.queue(email(tenant, "ann@example.com", "invite-42"));
        UUID other = emails.queue(email(tenant, "ann@example.com", "invite-43"));
        UUID noKey1 = emails.queue(email(tenant, "ann@example.com", null));
        UUID noKey2 = emails.queue(email(tenant, "ann@example.com", null));

        assertThat(second).isEqualTo(first);
        assertThat(new HashSet<>(List.of(first, other, noKey1, noKey2))).hasSize(4);
        assertThat(rows(tenant)).isEqualTo(4);
        // the same key in another tenant is another email
        String otherTenant = newTenantId();
        assertThat(emails.queue(email(otherTenant, "ann@example.com", "invite-42"))).isNotEqualTo(first);
    }

    @Test
    void concurrentQueuesWithOneKeyMakeOneRow() throws Exception {
        String tenant = newTenantId();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<UUID>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<UUID> queue = () -> {
                    start.await();
                    return emails.queue(email(tenant, "ann@example.com", "same-key"));
                };
                results.add(pool.submit(queue));
            }
            start.countDown();
            HashSet<UUID> ids = new HashSet<>();
            for (Future<UUID> result : results) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(tenant)).isEqualTo(1);
    }

    @Test
    void attachmentsAndRecipientsAreStored() {
        String tenant = newTenantId();
        byte[] pdf = "%PDF-1.7 quote".getBytes(StandardCharsets.US_ASCII);

        UUID id = emails.queue(new OutboundEmail(TenantId.of(tenant), List.of("ann@example.com", "ANN@example.com"),
                List.of("bob@example.com", "ann@EXAMPLE.com"), "Quote\r\nBcc: evil@example.com", null, null, null,
                "Plain body", List.of(new OutboundEmail.Attachment("../quote.pdf", null, pdf)), null));

        var row = jdbc.sql("select array_to_string(to_addresses, ',') as recipients, "
                + "array_to_string(cc_addresses, ',') as cc, subject, html_body, text_body "
                + "from outbound_emails where id = :id").param("id", id).query().singleRow();
        assertThat(row).containsEntry("recipients", "ann@example.com")
                .containsEntry("cc", "bob@example.com")
                .containsEntry("subject", "Quote Bcc: evil@example.com")
                .containsEntry("text_body", "Plain body")
                .containsEntry("html_body", null);
        var attachment = jdbc.sql("select filename, content_type, size_bytes, content from "
                + "outbound_email_attachments where email_id = :id").param("id", id).query().singleRow();
        assertThat(attachment).containsEntry("filename", ".._quote.pdf")
                .containsEntry("content_type", "application/octet-stream")
                .containsEntry("size_bytes", pdf.length);
        assertThat((byte[]) attachment.get("content")).isEqualTo(pdf);
    }

    @Test
    void extraHeadersAreCheckedAndStored() {
        String tenant = newTenantId();
        OutboundEmail plain = new OutboundEmail(TenantId.of(tenant), List.of("ann@example.com"), null, "Re: Help",
                null, null, null, "Answer", null, null);
        assertThat(plain.headers()).isEmpty();

        UUID id = emails.queue(plain.withHeaders(Map.of("In-Reply-To", " <m-1@mail.example> ", "References",
                "<m-0@mail.example> <m-1@mail.example>")));

        String stored = jdbc.sql("select headers::text from outbound_emails where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(stored).contains("\"In-Reply-To\": \"<m-1@mail.example>\"")
                .contains("\"References\": \"<m-0@mail.example> <m-1@mail.example>\"");

        assertField(() -> emails.queue(plain.withHeaders(Map.of("Reply-To", "x@example.com"))), "headers.Reply-To");
        assertField(() -> emails.queue(plain.withHeaders(Map.of("bcc", "x@example.com"))), "headers.bcc");
        assertField(() -> emails.queue(plain.withHeaders(Map.of("X-Note", "a\r\nBcc: evil@example.com"))),
                "headers.X-Note");
        assertField(() -> emails.queue(plain.withHeaders(Map.of("X-Empty", " "))), "headers.X-Empty");
        assertField(() -> emails.queue(plain.withHeaders(Map.of("Bad Name", "v"))), "headers");
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i <= Emails.MAX_HEADERS; i++) {
            many.put("X-H" + i, "v");
        }
        assertField(() -> emails.queue(plain.withHeaders(many)), "headers");
        assertThat(rows(tenant)).isEqualTo(1);
    }

    @Test
    void invalidEmailsAreRejectedNamingTheField() {
        TenantId tenant = TenantId.of(newTenantId());
        assertField(() -> emails.queue(null), "email");
        assertField(() -> emails.queue(new OutboundEmail(null, List.of("a@example.com"), null, "s", null, null,
                "<p>x</p>", null, null, null)), "tenantId");
        assertField(() -> emails.queue(new OutboundEmail(tenant, List.of(), null, "s", null, null, "<p>x</p>", null,
                null, null)), "to");
        assertField(() -> emails.queue(new OutboundEmail(tenant, List.of("a@example.com", "not an address"), null,
                "s", null, null, "<p>x</p>", null, null, null)), "to[1]");
        assertField(() -> emails.queue(new OutboundEmail(tenant, List.of("a@example.com"), List.of("x@"), "s",
                null, null, "<p>x</p>", null, null, null)), "cc[0]");
        assertField(() -> emails.queue(new OutboundEmail(tenant, List.of("a@example.com"), null, " ", null, null,
                "<p>x</p>", null, null, null)), "subject");
        assertField(() -> emails.queue(new OutboundEmail(tenant, List.of("a@example.com"), null, "s", null, null,
                null, null, null, null)), "template");
        assertField(() -> emails.queue(new OutboundEmail(tenant, List.of("a@example.com"), null, "s", "email/none",
                null, null, null, null, null)), "template");
        assertField(() -> emails.queue(new OutboundEmail(tenant, List.of("a@example.com"), null, "s", null, null,
                "<p>x</p>", null, null, "")), "idempotencyKey");
        assertField(() -> emails.queue(new OutboundEmail(tenant, List.of("a@example.com"), null, "s", null, null,
                "<p>x</p>", null, List.of(new OutboundEmail.Attachment(" ", "text/plain", new byte[1])), null)),
                "attachments[0].filename");
        assertField(() -> emails.queue(new OutboundEmail(tenant, List.of("a@example.com"), null, "s", null, null,
                "<p>x</p>", null, List.of(new OutboundEmail.Attachment("a.txt", "text/plain", null)), null)),
                "attachments[0].content");
        assertField(() -> emails.queue(new OutboundEmail(tenant, List.of("a@example.com"), null, "s", null, null,
                "<p>x</p>", null, List.of(new OutboundEmail.Attachment("a.bin", null,
                        new byte[Emails.MAX_ATTACHMENT_BYTES + 1])),
                null)), "attachments");
        assertThat(rows(tenant.value())).isZero();
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat((List<?>) p.properties().get("errors")).singleElement()
                        .extracting(e -> ((Map<?, ?>) e).get("field"))
                        .isEqualTo(field));
    }
}

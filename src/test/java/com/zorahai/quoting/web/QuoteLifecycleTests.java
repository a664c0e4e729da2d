package com.zorahai.quoting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.documents.Pdfs;
import com.zorahai.identity.Role;
import com.zorahai.quoting.AcceptedQuote;
import com.zorahai.quoting.QuoteId;
import com.zorahai.quoting.Quotes;
import com.zorahai.quoting.QuotingTestSupport;
import com.zorahai.quoting.internal.QuoteRecords;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.TenantTemplates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class QuoteLifecycleTests extends QuotingTestSupport {

    private static final Pattern TOKEN = Pattern.compile("/public/quotes/accept\\?token=([A-Za-z0-9_-]{43})");
    private static final String ACCEPT = "/public/quotes/accept";

    @Autowired
    TenantTemplates templates;

    @Autowired
    Quotes quotes;

    @Autowired
    QuoteRecords records;

    private MvcTestResult send(String id) {
        return mvc.post().uri(QUOTES + "/" + id + "/send").header("Authorization", auth(Role.CONSULTANT)).exchange();
    }

    /** Sends the quote and returns the token of the accept link in the email. */
    private String sendForToken(String id) {
        assertThat(send(id)).hasStatusOk();
        String body = jdbc.sql("select text_body from outbound_emails where tenant_id = ? order by created_at desc"
                + " limit 1").param(tenant).query(String.class).single();
        Matcher matcher = TOKEN.matcher(body);
        assertThat(matcher.find()).as("accept link in %s", body).isTrue();
        return matcher.group(1);
    }

    private MvcTestResult accept(String token, String name) {
        return mvc.post().uri(ACCEPT).contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "203.0.113.7")
                .content("{\"token\": \"" + token + "\", \"name\": \"" + name + "\", \"email\": \"ana@example.com\"}")
                .exchange();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sendingRendersThePdfQueuesTheEmailWithItAndMakesRevisionOne() {
        String id = draft();
        assertThat(send(id)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("sent");
            assertThat(json).extractingPath("$.revision").isEqualTo(1);
            assertThat(json).extractingPath("$.sent_at").isNotNull();
        });
        Map<String, Object> email = jdbc.sql("select id, to_addresses[1] as to_address, subject, template, text_body"
                + " from outbound_emails where tenant_id = ?").param(tenant).query().singleRow();
        assertThat(email.get("to_address").toString()).startsWith("ana+").endsWith("@example.com");
        assertThat(email.get("subject")).isEqualTo("Quote Q-000001 from " + tenant);
        assertThat(email.get("template")).isEqualTo("quote-sent");
        assertThat(email.get("text_body").toString()).contains("https://app.example.test/public/quotes/accept?token=")
                .contains("ZAR 1,200.00");
        Map<String, Object> attachment = jdbc.sql("select filename, content_type, content from"
                + " outbound_email_attachments where email_id = ?").param(email.get("id")).query().singleRow();
        assertThat(attachment).containsEntry("filename", "Q-000001.pdf").containsEntry("content_type",
                "application/pdf");
        String pdf = Pdfs.text((byte[]) attachment.get("content"));
        assertThat(pdf).contains("Q-000001", "Ana Lima", "Sea view").containsPattern("1[ ,.\u00a0]?200[.,]00");

        assertThat(get(QUOTES + "/" + id + "/revisions")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.items[*].revision").asArray().containsExactly(1);
            assertThat(json).extractingPath("$.items[0].reason").isEqualTo("First sent");
            assertThat(json).extractingPath("$.items[0].author_email").asString().startsWith("user-");
        });
        assertThat(get(QUOTES + "?status=sent")).hasStatusOk().bodyJson().extractingPath("$.items[0].id")
                .isEqualTo(id);
        String client = read(get(QUOTES + "/" + id), "$.client_id");
        await().atMost(Duration.ofSeconds(20)).until(() -> timeline(client, "quote_sent") == 1);
    }

    @Test
    void aChangeAfterSendingNeedsAReasonAndMakesARevisionThatCanBeCompared() {
        String id = draft();
        assertThat(send(id)).hasStatusOk();
        assertThat(patch(QUOTES + "/" + id, "{\"notes\": \"Garden view\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("reason");
                    assertThat(json).extractingPath("$.errors[0].reason")
                            .isEqualTo("is required to change a quote that has been sent");
                });
        assertThat(patch(QUOTES + "/" + id, "{\"notes\": \"Sea view\", \"reason\": \"no change\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.revision").isEqualTo(1);
        assertThat(patch(QUOTES + "/" + id, "{\"notes\": \"Garden view\", \"adults\": 3, \"reason\": \"Client"
                + " asked\"}")).hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.revision").isEqualTo(2);
                    assertThat(json).extractingPath("$.status").isEqualTo("sent");
                });
        String lineId = read(get(QUOTES + "/" + id), "$.lines[0].id");
        assertThat(put(QUOTES + "/" + id + "/lines", "{\"lines\": [{\"id\": \"" + lineId + "\", \"type\": \"hotel\","
                + " \"description\": \"Beach Hotel, 7 nights\", \"unit_cost\": 1100, \"markup_percent\": 20}]}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(put(QUOTES + "/" + id + "/lines", "{\"reason\": \"Rate went up\", \"lines\": [{\"id\": \""
                + lineId + "\", \"type\": \"hotel\", \"description\": \"Beach Hotel, 7 nights\", \"unit_cost\":"
                + " 1100, \"markup_percent\": 20}, {\"type\": \"transfer\", \"description\": \"Airport\","
                + " \"unit_cost\": 100, \"markup_percent\": 0}]}")).hasStatusOk().bodyJson()
                .extractingPath("$.revision").isEqualTo(3);

        assertThat(get(QUOTES + "/" + id + "/revisions")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.items[*].revision").asArray().containsExactly(1, 2, 3);
            assertThat(json).extractingPath("$.items[*].reason").asArray().containsExactly("First sent",
                    "Client asked", "Rate went up");
            assertThat(json).extractingPath("$.items[2].total.amount").isEqualTo(1420.0);
        });
        assertThat(get(QUOTES + "/" + id + "/revisions/1")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.quote.notes").isEqualTo("Sea view");
            assertThat(json).extractingPath("$.quote.total.amount").isEqualTo(1200.0);
            assertThat(json).extractingPath("$.quote.lines[0].unit_cost.amount").isEqualTo(1000.0);
        });
        assertThat(get(QUOTES + "/" + id + "/revisions/1/diff/3")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.fields[*].field").asArray().containsExactly("adults", "notes",
                    "subtotal", "total");
            assertThat(json).extractingPath("$.fields[1].from").isEqualTo("Sea view");
            assertThat(json).extractingPath("$.fields[1].to").isEqualTo("Garden view");
            assertThat(json).extractingPath("$.fields[3].to.amount").isEqualTo(1420.0);
            assertThat(json).extractingPath("$.lines[*].change").asArray().containsExactly("changed", "added");
            assertThat(json).extractingPath("$.lines[0].line_id").isEqualTo(lineId);
            assertThat(json).extractingPath("$.lines[0].fields[*].field").asArray().containsExactly("unit_cost",
                    "unit_price", "total");
            assertThat(json).extractingPath("$.lines[1].description").isEqualTo("Airport");
        });
        assertThat(get(QUOTES + "/" + id + "/revisions/9")).hasStatus(HttpStatus.NOT_FOUND).bodyJson()
                .extractingPath("$.type").isEqualTo("https://zorahai.com/problems/revision-not-found");
        assertThat(get(QUOTES + "/" + id + "/revisions/x")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void acceptingThroughTheLinkRecordsWhoWhenWhereAndWhichRevision() {
        String id = draft();
        String token = sendForToken(id);

        assertThat(mvc.get().uri(ACCEPT + "?token=" + token).accept(MediaType.APPLICATION_JSON)).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.number").isEqualTo("Q-000001");
                    assertThat(json).extractingPath("$.revision").isEqualTo(1);
                    assertThat(json).extractingPath("$.client_name").isEqualTo("Ana Lima");
                    assertThat(json).extractingPath("$.total.amount").isEqualTo(1200.0);
                    assertThat(json).extractingPath("$.lines[0]").asMap().doesNotContainKeys("unit_cost",
                            "markup_percent");
                });
        assertThat(mvc.get().uri(ACCEPT + "?token=" + token).accept(MediaType.TEXT_HTML)).hasStatusOk()
                .bodyText().contains("Q-000001").contains("Beach Hotel, 7 nights").contains("name=\"token\"")
                .contains(token);

        assertThat(accept(token, "Ana Lima")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("accepted");
            assertThat(json).extractingPath("$.revision").isEqualTo(1);
        });
        assertThat(get(QUOTES + "/" + id)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("accepted");
            assertThat(json).extractingPath("$.acceptance.revision").isEqualTo(1);
            assertThat(json).extractingPath("$.acceptance.name").isEqualTo("Ana Lima");
            assertThat(json).extractingPath("$.acceptance.email").isEqualTo("ana@example.com");
            assertThat(json).extractingPath("$.acceptance.ip").isEqualTo("203.0.113.7");
            assertThat(json).extractingPath("$.acceptance.accepted_at").isNotNull();
        });

        AcceptedQuote accepted = quotes.accepted(TenantId.of(tenant), QuoteId.of(UUID.fromString(id)))
                .orElseThrow();
        assertThat(accepted.number()).isEqualTo("Q-000001");
        assertThat(accepted.revision()).isEqualTo(1);
        assertThat(accepted.total().amount()).isEqualByComparingTo("1200.00");
        assertThat(accepted.lines()).singleElement().satisfies(line -> {
            assertThat(line.type()).isEqualTo("hotel");
            assertThat(line.unitPrice().amount()).isEqualByComparingTo("1200");
            assertThat(line.taxRate()).isEqualByComparingTo("0");
        });
        assertThat(quotes.accepted(TenantId.of(newTenant()), QuoteId.of(UUID.fromString(id)))).isEmpty();
        String client = read(get(QUOTES + "/" + id), "$.client_id");
        await().atMost(Duration.ofSeconds(20)).until(() -> timeline(client, "quote_accepted") == 1);

        // the link is single use; the quote takes no more changes
        assertThat(accept(token, "Ana Lima")).hasStatus(HttpStatus.GONE).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/accept-link-used");
        assertThat(patch(QUOTES + "/" + id, "{\"notes\": \"x\", \"reason\": \"y\"}")).hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/quote-not-open");
        assertThat(send(id)).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void aTamperedExpiredOrStaleLinkAcceptsNothing() {
        String id = draft();
        String first = sendForToken(id);
        char last = first.charAt(42);
        String tampered = first.substring(0, 42) + (last == 'A' ? 'B' : 'A');
        assertThat(accept(tampered, "Eve")).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/accept-link-invalid");
        assertThat(accept("not-a-token", "Eve")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(ACCEPT).accept(MediaType.APPLICATION_JSON)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(ACCEPT + "?token=" + tampered).accept(MediaType.TEXT_HTML))
                .hasStatus(HttpStatus.NOT_FOUND).bodyText().contains("Accept link invalid");
        assertThat(accept(first, " ")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("name");

        // the quote changed since the link was sent
        assertThat(patch(QUOTES + "/" + id, "{\"notes\": \"Garden view\", \"reason\": \"Client asked\"}"))
                .hasStatusOk();
        assertThat(accept(first, "Ana Lima")).hasStatus(HttpStatus.CONFLICT).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.type").isEqualTo("https://zorahai.com/problems/quote-changed");
            assertThat(json).extractingPath("$.detail").asString().contains("ask for the new link");
        });

        // the new link expired
        String second = sendForToken(id);
        jdbc.sql("update quote_accept_tokens set expires_at = now() - interval '1 minute' where quote_id = ?"
                + " and used_at is null").param(UUID.fromString(id)).update();
        assertThat(accept(second, "Ana Lima")).hasStatus(HttpStatus.GONE).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/accept-link-expired");
        assertThat(get(QUOTES + "/" + id)).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("sent");

        // a fresh link works, through the browser form
        String third = sendForToken(id);
        assertThat(jdbc.sql("select expires_at from quote_accept_tokens where quote_id = ? order by created_at desc"
                + " limit 1").param(UUID.fromString(id)).query(java.sql.Timestamp.class).single().toInstant())
                .isBefore(Instant.now().plus(15, ChronoUnit.DAYS));
        assertThat(mvc.post().uri(ACCEPT).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML).content("token=" + third + "&name=Ana+Lima")).hasStatusOk().bodyText()
                .contains("Thank you").contains("revision <span>2</span>");
        assertThat(mvc.post().uri(ACCEPT).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML).content("token=" + third + "&name=Ana+Lima"))
                .hasStatus(HttpStatus.GONE).bodyText().contains("already been used");
    }

    @Test
    void aDeclinedQuoteCannotBeAcceptedAndOnlySentQuotesAreDeclined() {
        String id = draft();
        assertThat(post(QUOTES + "/" + id + "/decline", "{}")).hasStatus(HttpStatus.CONFLICT);
        String token = sendForToken(id);
        assertThat(post(QUOTES + "/" + id + "/decline", "{\"reason\": \"Too expensive\"}")).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("declined");
                    assertThat(json).extractingPath("$.decline_reason").isEqualTo("Too expensive");
                });
        assertThat(accept(token, "Ana Lima")).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/quote-not-open");
        assertThat(post(QUOTES + "/" + id + "/decline", "{}")).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void theExpiryJobExpiresSentQuotesPastTheirValidity() {
        String id = createQuote("""
                {"client_id": "%s", "valid_until": "%s",
                 "lines": [{"type": "fee", "description": "Fee", "unit_price": 10}]}
                """.formatted(client("expiry@example.com"), LocalDate.now()));
        String draft = draft();
        String token = sendForToken(id);
        assertThat(records.expireDue(Instant.now())).isZero();
        assertThat(records.expireDue(Instant.now().plus(2, ChronoUnit.DAYS))).isGreaterThanOrEqualTo(1);
        assertThat(get(QUOTES + "/" + id)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("expired");
            assertThat(json).extractingPath("$.expired_at").isNotNull();
        });
        assertThat(get(QUOTES + "/" + draft)).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("draft");
        assertThat(accept(token, "Ana Lima")).hasStatus(HttpStatus.GONE).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/accept-link-expired");
    }

    @Test
    void sendingNeedsLinesAValidityInTheFutureAndAnEmail() {
        String empty = createQuote("{\"client_id\": \"" + client("empty@example.com") + "\"}");
        assertThat(send(empty)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/quote-has-no-lines");
        String id = draft();
        jdbc.sql("update quotes set valid_until = current_date - 1 where id = ?").param(UUID.fromString(id))
                .update();
        assertThat(send(id)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("valid_until");
        assertThat(jdbc.sql("select count(*) from outbound_emails where tenant_id = ?").param(tenant)
                .query(Long.class).single()).isZero();
        String other = draft();
        assertThat(mvc.post().uri(QUOTES + "/" + other + "/send").header("Authorization", auth(Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"travel@example.org\", \"message\":"
                        + " \"As discussed\"}"))
                .hasStatusOk();
        assertThat(jdbc.sql("select to_addresses[1] from outbound_emails where tenant_id = ?").param(tenant)
                .query(String.class).single()).isEqualTo("travel@example.org");
    }

    @Test
    void aFailingPdfLeavesTheQuoteUnsent() {
        String id = draft();
        templates.save(TenantId.of(tenant), "documents/quote", "<html><body><p th:text=\"${quote.number.missing}\">"
                + "x</p></body></html>");
        assertThat(send(id)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.type")
                .asString().endsWith("/document-template-invalid");
        assertThat(get(QUOTES + "/" + id)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("draft");
            assertThat(json).extractingPath("$.revision").isEqualTo(0);
        });
        assertThat(jdbc.sql("select count(*) from quote_accept_tokens where quote_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single()).isZero();
    }

    @Test
    void thePdfOfAQuoteIsServedInline() {
        String id = draft();
        assertThat(get(QUOTES + "/" + id + "/pdf")).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF)
                .hasHeader("Content-Disposition", "inline; filename=\"Q-000001.pdf\"").satisfies(result -> assertThat(
                        Pdfs.text(result.getResponse().getContentAsByteArray())).contains("Q-000001"));
    }

    private long timeline(String client, String type) {
        return jdbc.sql("select count(*) from activities where tenant_id = ? and client_id = ? and type = ?")
                .params(tenant, UUID.fromString(client), type).query(Long.class).single();
    }
}

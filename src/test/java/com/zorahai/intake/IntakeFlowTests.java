package com.zorahai.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.identity.Role;
import com.zorahai.intake.internal.IntakeProcessor;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Each outcome from a realistic Inbound Parse post (parsed mode) through the webhook, the stored email, the durable
 * {@code InboundEmailReceived} event and intake, on the rule-based engine (no OpenAI key).
 */
@IntegrationTest
class IntakeFlowTests extends IntakeTestSupport {

    @Autowired
    IntakeProcessor processor;

    @Autowired
    SupportRequestRecorder supportRequests;

    @Autowired
    IntakeRequests intakeRequests;

    @Test
    void aNewTravelRequestBecomesAClientAPricedDraftATimelineEntryAndAnEmailToTheAdmins() {
        String tenant = newTenant();
        rates(tenant, ZANZIBAR_RATES);
        UUID owner = tokens.member(tenant, Role.OWNER);
        UUID admin = tokens.member(tenant, Role.ADMIN);
        tokens.member(tenant, Role.CONSULTANT);
        ParsedMail mail = ParsedMail.to(address(tenant)).subject("Zanzibar family holiday").text(ZANZIBAR_TEXT);

        UUID email = post(tenant, mail);
        Map<String, Object> row = handled(tenant, email);

        assertThat(row.get("status")).isEqualTo("processed");
        assertThat(row.get("outcome")).isEqualTo("new_request");
        assertThat(row.get("classification")).isEqualTo("new_travel_request");
        assertThat(row.get("engine")).isEqualTo("rules");
        assertThat(row.get("message_id")).isEqualTo(mail.messageId());
        UUID client = (UUID) row.get("client_id");
        UUID quote = (UUID) row.get("quote_id");
        assertThat(row.get("quote_number")).isEqualTo("Q-000001");

        Map<String, Object> clientRow = jdbc.sql("select name, source from clients where tenant_id = ? and id = ?")
                .params(tenant, client).query().singleRow();
        assertThat(clientRow).containsEntry("name", "Sarah Mitchell").containsEntry("source", "email");
        assertThat(jdbc.sql("select email from client_emails where tenant_id = ? and client_id = ?")
                .params(tenant, client).query(String.class).list()).containsExactly("sarah@example.com");

        // priced like quotes:price: 7 nights x ZAR 5,000 plus the default 20 % markup
        String auth = tokens.bearer(tenant, Role.CONSULTANT);
        assertThat(mvc.get().uri("/api/v1/quotes/{id}", quote).header("Authorization", auth)).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("draft");
                    assertThat(json).extractingPath("$.client_id").isEqualTo(client.toString());
                    assertThat(json).extractingPath("$.travel_start").isEqualTo("2027-04-02");
                    assertThat(json).extractingPath("$.travel_end").isEqualTo("2027-04-09");
                    assertThat(json).extractingPath("$.adults").isEqualTo(2);
                    assertThat(json).extractingPath("$.children_ages").asArray().containsExactly(5, 9);
                    assertThat(json).extractingPath("$.lines[0].description").asString()
                            .startsWith("Coral Beach Resort (4 stars), Garden Room");
                    assertThat(json).extractingPath("$.total.amount").isEqualTo(42000.0);
                    assertThat(json).extractingPath("$.notes").asString()
                            .contains("Travel request by email (Zanzibar family holiday)", "Budget: ZAR 80000");
                });

        // the timeline entry links the email and the draft
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mvc.get()
                .uri("/api/v1/clients/{id}/activities", client).header("Authorization", auth))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.items[0].type").isEqualTo("email_in");
                    assertThat(json).extractingPath("$.items[0].subject_type").isEqualTo("inbound_email");
                    assertThat(json).extractingPath("$.items[0].subject_id").isEqualTo(email.toString());
                    assertThat(json).extractingPath("$.items[0].properties.quote_number").isEqualTo("Q-000001");
                }));

        // no consultant is assigned: the owners and admins are told, with a link to the draft
        Map<String, Object> notice = jdbc.sql("""
                select to_addresses::text as recipients, subject, html_body, template from outbound_emails
                 where tenant_id = ?""").param(tenant).query().singleRow();
        assertThat((String) notice.get("recipients")).contains("user-" + owner + "@example.com",
                "user-" + admin + "@example.com");
        assertThat(notice.get("subject")).isEqualTo("New travel request: Sarah Mitchell, Zanzibar (Q-000001)");
        assertThat(notice.get("template")).isEqualTo("intake-request");
        assertThat((String) notice.get("html_body")).contains("https://app.example.test/quotes/" + quote,
                "ZAR 42000.00", "Destination: Zanzibar");

        assertThat(jdbc.sql("select status from inbound_emails where id = ?").param(email).query(String.class)
                .single()).isEqualTo("processed");

        // SendGrid's retry of the same message and a redelivered event change nothing
        assertThat(mvc.post().uri("/webhooks/email/inbound/{t}?token=secret-{t}", tenant, tenant).multipart()
                .part(mail.parts())).hasStatusOk().bodyJson().extractingPath("$.duplicate").isEqualTo(true);
        processor.process(TenantId.of(tenant), email);
        assertThat(count("intake_requests", tenant)).isEqualTo(1);
        assertThat(count("quotes", tenant)).isEqualTo(1);
        assertThat(count("outbound_emails", tenant)).isEqualTo(1);
    }

    @Test
    void theConsultantAssignedToTheClientIsTheOneWhoIsTold() {
        String tenant = newTenant();
        UUID consultant = tokens.member(tenant, Role.CONSULTANT);
        tokens.member(tenant, Role.OWNER);
        String auth = tokens.bearer(tenant, Role.ADMIN);
        String client = read(mvc.post().uri("/api/v1/clients").header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Sarah Mitchell", "emails": ["sarah@example.com"], "assigned_consultant": "%s"}"""
                        .formatted(consultant))
                .exchange(), "$.id");

        // no rates: an empty draft, the request in its notes
        UUID email = post(tenant, ParsedMail.to(address(tenant)).subject("Zanzibar family holiday")
                .text(ZANZIBAR_TEXT));
        Map<String, Object> row = handled(tenant, email);

        assertThat(row.get("status")).isEqualTo("processed");
        assertThat(row.get("client_id")).hasToString(client);
        assertThat(jdbc.sql("select notes from quotes where tenant_id = ?").param(tenant).query(String.class)
                .single()).contains("Destination: Zanzibar", "Not priced: No hotel rate covers every night");
        Map<String, Object> notice = jdbc.sql("""
                select to_addresses::text as recipients, html_body from outbound_emails where tenant_id = ?""")
                .param(tenant).query().singleRow();
        assertThat(notice.get("recipients")).isEqualTo("{user-" + consultant + "@example.com}");
        assertThat((String) notice.get("html_body")).contains("was opened without lines");
    }

    @Test
    void aReplyToAQuoteGoesOnTheQuotesTimelineAndAChangeRequestIntoTheQueue() {
        String tenant = newTenant();
        rates(tenant, ZANZIBAR_RATES);
        UUID first = post(tenant, ParsedMail.to(address(tenant)).subject("Zanzibar family holiday")
                .text(ZANZIBAR_TEXT));
        Map<String, Object> request = handled(tenant, first);
        UUID quote = (UUID) request.get("quote_id");
        UUID client = (UUID) request.get("client_id");

        UUID thanks = post(tenant, ParsedMail.to(address(tenant)).subject("Re: Your quote Q-000001")
                .inReplyTo("<quote-q-000001@demo.example>").text("""
                        Hi,

                        Thank you, this looks lovely. We will let you know by Friday.

                        Sarah
                        """));
        Map<String, Object> reply = handled(tenant, thanks);
        assertThat(reply.get("status")).isEqualTo("processed");
        assertThat(reply.get("outcome")).isEqualTo("quote_reply");
        assertThat(reply.get("reply_to_quote_id")).isEqualTo(quote);
        assertThat(reply.get("reply_to_quote_number")).isEqualTo("Q-000001");
        assertThat(reply.get("client_id")).isEqualTo(client);

        UUID change = post(tenant, ParsedMail.to(address(tenant)).subject("Re: Your quote Q-000001")
                .inReplyTo("<quote-q-000001@demo.example>").text("""
                        Hi,

                        Could we move the dates to 10-17 April 2027 instead? Everything else is perfect.

                        Sarah
                        """));
        Map<String, Object> changeRow = handled(tenant, change);
        assertThat(changeRow.get("status")).isEqualTo("needs_review");
        assertThat(changeRow.get("outcome")).isEqualTo("change_request");
        assertThat(changeRow.get("review_reason")).isEqualTo("Changes requested to quote Q-000001");

        String auth = tokens.bearer(tenant, Role.CONSULTANT);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                select summary from activities where tenant_id = ? and client_id = ? and subject_type = 'quote'
                   and subject_id = ? order by occurred_at""").params(tenant, client, quote.toString())
                .query(String.class).list()).containsExactlyInAnyOrder(
                        "Reply to quote Q-000001 (Re: Your quote Q-000001)",
                        "Change requested to quote Q-000001 (Re: Your quote Q-000001)"));

        // approving the change request drafts the changed trip, the rest taken from the quote
        assertThat(mvc.post().uri("/api/v1/intake/reviews/{id}:approve", changeRow.get("id"))
                .header("Authorization", auth).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("approved");
                    assertThat(json).extractingPath("$.quote_number").isEqualTo("Q-000002");
                    assertThat(json).extractingPath("$.reply_to_quote_number").isEqualTo("Q-000001");
                });
        Map<String, Object> revised = jdbc.sql("""
                select travel_start::text as start, travel_end::text as end, adults, notes from quotes
                 where tenant_id = ? and number = 'Q-000002'""").param(tenant).query().singleRow();
        assertThat(revised).containsEntry("start", "2027-04-10").containsEntry("end", "2027-04-17")
                .containsEntry("adults", 2);
        assertThat((String) revised.get("notes")).startsWith("Changes to quote Q-000001 requested by email")
                .contains("Destination: Zanzibar");
        // priced again, from the request the first quote was drafted from: 7 nights at the same rate
        assertThat(jdbc.sql("select total from quotes where tenant_id = ? and number = 'Q-000002'").param(tenant)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("42000");
        // the consultant is told what it is: changes to a quote, not a new request
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from outbound_emails where tenant_id = ? and subject like 'Changes requested: %'")
                .param(tenant).query(Long.class).single() == 1);
    }

    @Test
    void aSupportRequestIsAnnouncedForATicketWithTheClientWhenTheSenderIsOne() {
        String tenant = newTenant();
        UUID known = post(tenant, ParsedMail.to(address(tenant)).subject("Zanzibar family holiday")
                .text(ZANZIBAR_TEXT));
        UUID client = (UUID) handled(tenant, known).get("client_id");

        ParsedMail mail = ParsedMail.to(address(tenant)).subject("Problem with my booking").text("""
                Hello,

                I have a problem with my booking reference ZT-4471: the hotel voucher is missing.
                Please help.

                Sarah Mitchell
                """);
        UUID email = post(tenant, mail);
        Map<String, Object> row = handled(tenant, email);

        assertThat(row.get("status")).isEqualTo("processed");
        assertThat(row.get("outcome")).isEqualTo("support");
        assertThat(row.get("client_id")).isEqualTo(client);
        await().atMost(Duration.ofSeconds(20)).until(() -> supportRequests.of(email).size() == 1);
        SupportRequestReceived event = supportRequests.of(email).getFirst();
        assertThat(event.tenantId()).isEqualTo(TenantId.of(tenant));
        assertThat(event.messageId()).isEqualTo(mail.messageId());
        assertThat(event.fromAddress()).isEqualTo("sarah@example.com");
        assertThat(event.fromName()).isEqualTo("Sarah Mitchell");
        assertThat(event.subject()).isEqualTo("Problem with my booking");
        assertThat(event.bodyText()).contains("the hotel voucher is missing");
        assertThat(event.clientId().value()).isEqualTo(client);
        assertThat(count("quotes", tenant)).isEqualTo(1);

        // the tickets module opens the ticket and reports it back
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select ticket_ref from intake_requests where tenant_id = ? and inbound_email_id = ?")
                .params(tenant, email).query(String.class).optional().isPresent());
        String ticket = jdbc.sql("select ticket_ref from intake_requests where tenant_id = ? and inbound_email_id = ?")
                .params(tenant, email).query(String.class).single();
        Map<String, Object> opened = jdbc.sql("""
                select channel, subject, requester_email, client_id, source_reference from inbound_tickets
                 where tenant_id = ? and id = ?::uuid""").params(tenant, ticket).query().singleRow();
        assertThat(opened).containsEntry("channel", "email").containsEntry("subject", "Problem with my booking")
                .containsEntry("requester_email", "sarah@example.com").containsEntry("client_id", client)
                .containsEntry("source_reference", mail.messageId().replaceAll("^<|>$", ""));
        assertThat(intakeRequests.recordTicket(TenantId.of(newTenant()), email, "T-1002")).isFalse();
        assertThat(intakeRequests.recordTicket(TenantId.of(tenant), email, " ")).isFalse();
    }

    @Test
    void automatedMailAndSpamAreKeptAndLeftAlone() {
        String tenant = newTenant();
        UUID autoReply = post(tenant, ParsedMail.to(address(tenant)).subject("Automatic reply: Zanzibar")
                .text("I am currently away from the office until 30 November with limited access to email."));
        UUID spam = post(tenant, ParsedMail.to(address(tenant)).from("Deals", "deals@cheap-trips.example")
                .subject("Zanzibar holiday").spamScore("9.8").text(ZANZIBAR_TEXT));

        assertThat(handled(tenant, autoReply)).containsEntry("status", "ignored").containsEntry("outcome",
                "automated");
        assertThat(handled(tenant, spam)).containsEntry("status", "ignored").containsEntry("outcome", "spam");
        assertThat(count("clients", tenant)).isZero();
        assertThat(count("quotes", tenant)).isZero();
        assertThat(count("outbound_emails", tenant)).isZero();
        assertThat(jdbc.sql("select status from inbound_emails where tenant_id = ?").param(tenant)
                .query(String.class).list()).containsOnly("processed");
        // what became of each email is announced, and analytics counts it as parsed
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from analytics_events where tenant_id = ? and type = 'email.parsed'").param(tenant)
                .query(Long.class).single() == 2);
        assertThat(jdbc.sql("select properties ->> 'outcome' from analytics_events where tenant_id = ? and type = "
                + "'email.parsed' and subject_id = ?").params(tenant, spam.toString()).query(String.class).single())
                .isEqualTo("spam");
    }

    @Test
    void aTenantWithoutEmailIntakeKeepsItsMailUntouched() {
        String tenant = newTenant(Tenant.Feature.CRM, Tenant.Feature.QUOTES);
        UUID email = post(tenant, ParsedMail.to(address(tenant)).text(ZANZIBAR_TEXT));

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> requests(tenant, email) == 0);
        assertThat(jdbc.sql("select status from inbound_emails where id = ?").param(email).query(String.class)
                .single()).isEqualTo("received");
        assertThat(count("clients", tenant)).isZero();
    }

    @Test
    void theDebugEndpointShowsTheExtractionAndChangesNothing() {
        String tenant = newTenant();
        rates(tenant, ZANZIBAR_RATES);
        ParsedMail mail = ParsedMail.to(address(tenant)).subject("Zanzibar family holiday").text(ZANZIBAR_TEXT);

        assertThat(mvc.post().uri("/webhooks/email/debug").header("Authorization", tokens.bearer(tenant, Role.ADMIN))
                .multipart().part(mail.parts())).hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.detected_tenant").isEqualTo(tenant);
                    assertThat(json).extractingPath("$.recipient_routes").isEqualTo("this_tenant");
                    assertThat(json).extractingPath("$.message_id").isEqualTo(mail.messageId());
                    assertThat(json).extractingPath("$.extraction.classification").isEqualTo("new_travel_request");
                    assertThat(json).extractingPath("$.extraction.engine").isEqualTo("rules");
                    assertThat(json).extractingPath("$.extraction.model").isEqualTo("rules");
                    assertThat(json).extractingPath("$.extraction.destinations[0].value").isEqualTo("Zanzibar");
                    assertThat(json).extractingPath("$.extraction.fields.check_in.value").isEqualTo("2027-04-02");
                    assertThat(json).extractingPath("$.extraction.fields.check_in.span.text").asString()
                            .contains("2-9 April 2027");
                    assertThat(json).extractingPath("$.extraction.fields.children_ages.value").asArray()
                            .containsExactly(5, 9);
                    assertThat(json).extractingPath("$.extraction.fields.budget.value.amount").isEqualTo(80000.0);
                    assertThat(json).extractingPath("$.extraction.fields.budget.value.currency").isEqualTo("ZAR");
                    assertThat(json).extractingPath("$.extraction.fields.adults.confidence").asNumber()
                            .satisfies(c -> assertThat(c.doubleValue()).isGreaterThan(0.6));
                });
        for (String table : List.of("inbound_emails", "intake_requests", "clients", "quotes", "outbound_emails")) {
            assertThat(count(table, tenant)).as(table).isZero();
        }
    }
}

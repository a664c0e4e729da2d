package com.zorahai.tickets.web;

import static com.zorahai.tickets.TicketsApi.TICKETS;
import static com.zorahai.tickets.TicketsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tickets.InboundReply;
import com.zorahai.tickets.TicketAssigned;
import com.zorahai.tickets.TicketChannel;
import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.TicketOpened;
import com.zorahai.tickets.TicketPriority;
import com.zorahai.tickets.TicketReplied;
import com.zorahai.tickets.TicketReplyQueued;
import com.zorahai.tickets.TicketResolved;
import com.zorahai.tickets.TicketStatus;
import com.zorahai.tickets.TicketStatusChanged;
import com.zorahai.tickets.Tickets;
import com.zorahai.tickets.TicketsApi;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@RecordApplicationEvents
class TicketLifecycleTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Tickets tickets;

    TicketsApi api;
    String tenant;

    @BeforeEach
    void setUp() {
        api = new TicketsApi(mvc, tokens);
        tenant = TicketsApi.newTenant();
    }

    @Test
    void aTicketIsCreatedAssignedAnsweredByThreadedEmailResolvedAndClosed() {
        UUID agent = tokens.member(tenant, Role.AGENT);
        MvcTestResult created = api.post(tenant, Role.CONSULTANT, TICKETS, """
                {"subject": "Lost luggage", "body": "My bag did not arrive.", "channel": "email",
                 "requester_email": "Ana@Example.com", "requester_name": "Ana Silva", "priority": "high",
                 "source_reference": "<orig-1@mail.example>"}""");
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("open");
            assertThat(json).extractingPath("$.priority").isEqualTo("high");
            assertThat(json).extractingPath("$.channel").isEqualTo("email");
            assertThat(json).extractingPath("$.requester.email").isEqualTo("ana@example.com");
            assertThat(json).extractingPath("$.requester.name").isEqualTo("Ana Silva");
            assertThat(json).extractingPath("$.client_id").isNotNull();
            assertThat(json).extractingPath("$.source_reference").isEqualTo("orig-1@mail.example");
            assertThat(json).extractingPath("$.sla_due_at").isNotNull();
            assertThat(json).extractingPath("$.sla_breached").isEqualTo(false);
            assertThat(json).extractingPath("$.first_response_at").isNull();
            assertThat(json).extractingPath("$.created_by").isNotNull();
            assertThat(json).extractingPath("$.replies").asArray().isEmpty();
        });
        String id = read(created, "$.id");
        assertThat(created.getResponse().getHeader("Location")).endsWith(TICKETS + "/" + id);
        TicketId ticketId = TicketId.parse(id, "id");
        assertThat(events.stream(TicketOpened.class)).singleElement().satisfies(e -> {
            assertThat(e.ticketId()).isEqualTo(ticketId);
            assertThat(e.channel()).isEqualTo(TicketChannel.EMAIL);
            assertThat(e.priority()).isEqualTo(TicketPriority.HIGH);
            assertThat(e.clientId()).isNotNull();
        });

        assertThat(api.patch(tenant, Role.AGENT, TICKETS + "/" + id, "{\"assignee_id\": \"" + agent + "\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.assignee_id").isEqualTo(agent.toString());
        assertThat(events.stream(TicketAssigned.class)).singleElement().satisfies(e -> {
            assertThat(e.assignee()).isEqualTo(agent);
            assertThat(e.previousAssignee()).isNull();
            assertThat(e.assignedBy()).isNotNull();
        });

        MvcTestResult reply = api.post(tenant, Role.AGENT, TICKETS + "/" + id + "/replies",
                "{\"body\": \"We are on it.\", \"status\": \"pending\"}");
        assertThat(reply).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.direction").isEqualTo("outbound");
            assertThat(json).extractingPath("$.delivery").isEqualTo("email");
            assertThat(json).extractingPath("$.to_address").isEqualTo("ana@example.com");
            assertThat(json).extractingPath("$.author_id").isNotNull();
            assertThat(json).extractingPath("$.email_id").isNotNull();
        });
        String messageId = read(reply, "$.message_id");
        assertThat(messageId).endsWith(".ticket@zorahai.com");
        Map<String, Object> email = outbox(read(reply, "$.email_id"));
        assertThat(email).containsEntry("recipients", "ana@example.com")
                .containsEntry("subject", "Re: Lost luggage")
                .containsEntry("text_body", "We are on it.")
                .containsEntry("status", "queued");
        assertThat((String) email.get("headers")).contains("\"In-Reply-To\": \"<orig-1@mail.example>\"")
                .contains("\"References\": \"<orig-1@mail.example>\"")
                .contains("\"Message-ID\": \"<" + messageId + ">\"");
        assertThat(events.stream(TicketReplied.class)).singleElement().satisfies(e -> {
            assertThat(e.direction()).isEqualTo(TicketReplied.Direction.OUTBOUND);
            assertThat(e.firstResponse()).isTrue();
            assertThat(e.slaBreached()).isFalse();
        });
        assertThat(api.get(tenant, Role.AGENT, TICKETS + "/" + id)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("pending");
            assertThat(json).extractingPath("$.first_response_at").isNotNull();
            assertThat(json).extractingPath("$.replies.length()").isEqualTo(1);
        });

        // the requester answers our reply: the mail refers to our Message-ID, and lands once however often it comes
        InboundReply answer = new InboundReply(TenantId.of(tenant), null, List.of("<" + messageId + ">"),
                "<answer-1@mail.example>", "Thanks, the bag tag is 1234.", "Ana Silva <Ana@example.com>", null);
        assertThat(tickets.addInboundReply(answer)).contains(ticketId);
        assertThat(tickets.addInboundReply(answer)).contains(ticketId);
        assertThat(api.get(tenant, Role.AGENT, TICKETS + "/" + id)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("open");
            assertThat(json).extractingPath("$.replies.length()").isEqualTo(2);
            assertThat(json).extractingPath("$.replies[1].direction").isEqualTo("inbound");
            assertThat(json).extractingPath("$.replies[1].from_address").isEqualTo("ana@example.com");
            assertThat(json).extractingPath("$.replies[1].from_name").isEqualTo("Ana Silva");
            assertThat(json).extractingPath("$.replies[1].body").isEqualTo("Thanks, the bag tag is 1234.");
            assertThat(json).extractingPath("$.replies[1].delivery").isEqualTo("none");
        });

        // the next reply answers the requester's latest message and carries the whole thread
        MvcTestResult second = api.post(tenant, Role.AGENT, TICKETS + "/" + id + "/replies",
                "{\"body\": \"Found it, it comes tomorrow.\"}");
        assertThat(second).hasStatus(HttpStatus.CREATED);
        String secondHeaders = (String) outbox(read(second, "$.email_id")).get("headers");
        assertThat(secondHeaders).contains("\"In-Reply-To\": \"<answer-1@mail.example>\"")
                .contains("\"References\": \"<orig-1@mail.example> <" + messageId + "> <answer-1@mail.example>\"");

        api.status(tenant, id, "resolved");
        assertThat(events.stream(TicketResolved.class)).singleElement().satisfies(e -> {
            assertThat(e.ticketId()).isEqualTo(ticketId);
            assertThat(e.resolvedAt()).isNotNull();
            assertThat(e.firstResponseAt()).isNotNull();
            assertThat(e.slaBreached()).isFalse();
            assertThat(e.openedAt()).isNotNull();
        });
        api.status(tenant, id, "closed");
        assertThat(api.get(tenant, Role.AGENT, TICKETS + "/" + id)).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.resolved_at").isNotNull();
            assertThat(json).extractingPath("$.closed_at").isNotNull();
        });
        assertThat(events.stream(TicketStatusChanged.class).map(TicketStatusChanged::to)).containsExactly(
                TicketStatus.PENDING, TicketStatus.OPEN, TicketStatus.RESOLVED, TicketStatus.CLOSED);

        // a closed ticket is final
        assertThat(api.patch(tenant, Role.AGENT, TICKETS + "/" + id, "{\"status\": \"open\"}"))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.type")
                            .isEqualTo("https://zorahai.com/problems/ticket-status-transition");
                    assertThat(json).extractingPath("$.from").isEqualTo("closed");
                    assertThat(json).extractingPath("$.to").isEqualTo("open");
                });
        assertThat(api.post(tenant, Role.AGENT, TICKETS + "/" + id + "/replies", "{\"body\": \"Hello?\"}"))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/ticket-closed");
        assertThat(tickets.addInboundReply(TenantId.of(tenant), "<answer-1@mail.example>", "One more thing",
                "ana@example.com")).isEmpty();
    }

    @Test
    void aResolvedTicketReopensAndIllegalChangesAreRefused() {
        String id = api.create(tenant, """
                {"subject": "Visa letter", "channel": "phone", "requester_email": "ben@example.com"}""");
        String path = TICKETS + "/" + id;
        assertThat(api.patch(tenant, Role.AGENT, path, "{\"status\": \"closed\"}"))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.from").isEqualTo("open");
                    assertThat(json).extractingPath("$.allowed").asArray().containsExactly("pending", "resolved");
                });
        api.status(tenant, id, "resolved");
        assertThat(api.get(tenant, Role.AGENT, path)).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.resolved_at").isNotNull();
            // resolving without a reply counts as the first response
            assertThat(json).extractingPath("$.first_response_at").isNotNull();
        });
        api.status(tenant, id, "open");
        assertThat(api.get(tenant, Role.AGENT, path)).bodyJson().extractingPath("$.resolved_at").isNull();
        // the same status again changes nothing
        api.status(tenant, id, "open");
        assertThat(events.stream(TicketStatusChanged.class).map(TicketStatusChanged::to))
                .containsExactly(TicketStatus.RESOLVED, TicketStatus.OPEN);
        assertThat(api.patch(tenant, Role.AGENT, path, "{\"status\": \"done\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");

        // the requester writing again opens a resolved ticket
        api.status(tenant, id, "resolved");
        assertThat(tickets.addInboundReply(TenantId.of(tenant), TicketId.parse(id, "id"), "Still no letter",
                "ben@example.com")).contains(TicketId.parse(id, "id"));
        assertThat(api.get(tenant, Role.AGENT, path)).bodyJson().extractingPath("$.status").isEqualTo("open");
    }

    @Test
    void priorityChangesMoveTheDueTime() {
        String id = api.create(tenant, """
                {"subject": "Refund", "channel": "email", "requester_email": "cy@example.com", "priority": "low"}""");
        String lowDue = read(api.get(tenant, Role.AGENT, TICKETS + "/" + id), "$.sla_due_at");
        MvcTestResult urgent = api.patch(tenant, Role.AGENT, TICKETS + "/" + id, "{\"priority\": \"urgent\"}");
        assertThat(urgent).hasStatusOk().bodyJson().extractingPath("$.priority").isEqualTo("urgent");
        String urgentDue = read(urgent, "$.sla_due_at");
        assertThat(java.time.Instant.parse(urgentDue)).isBefore(java.time.Instant.parse(lowDue));
    }

    @Test
    void whatsappRepliesGoToTheChannelAndUnreachableRequestersAreNamed() {
        String whatsapp = api.create(tenant, """
                {"subject": "Booking change", "channel": "whatsapp", "requester_phone": "+27821234567",
                 "source_reference": "wamid.HBgLMjc4MjEyMzQ1NjcVAgASGBQzQTg"}""");
        MvcTestResult reply = api.post(tenant, Role.AGENT, TICKETS + "/" + whatsapp + "/replies",
                "{\"body\": \"Done, see you on Friday.\"}");
        assertThat(reply).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.delivery").isEqualTo("channel");
            assertThat(json).extractingPath("$.email_id").isNull();
            assertThat(json).extractingPath("$.to_address").isEqualTo("+27821234567");
        });
        assertThat(events.stream(TicketReplyQueued.class)).singleElement().satisfies(e -> {
            assertThat(e.channel()).isEqualTo(TicketChannel.WHATSAPP);
            assertThat(e.recipientPhone()).isEqualTo("+27821234567");
            assertThat(e.sourceReference()).isEqualTo("wamid.HBgLMjc4MjEyMzQ1NjcVAgASGBQzQTg");
            assertThat(e.body()).isEqualTo("Done, see you on Friday.");
            assertThat(e.toString()).doesNotContain("Friday").doesNotContain("+27");
        });
        assertThat(jdbc.sql("select count(*) from outbound_emails where tenant_id = ?").param(tenant)
                .query(Long.class).single()).isZero();

        String phone = api.create(tenant, "{\"subject\": \"Called about a refund\", \"channel\": \"phone\"}");
        assertThat(api.post(tenant, Role.AGENT, TICKETS + "/" + phone + "/replies", "{\"body\": \"Hi\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/ticket-requester-unreachable");
    }

    @Test
    void onlyOwnersAndAdminsDelete() {
        String id = api.create(tenant, "{\"subject\": \"Spam\", \"channel\": \"helpdesk\"}");
        assertThat(api.delete(tenant, Role.AGENT, TICKETS + "/" + id)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.delete(tenant, Role.CONSULTANT, TICKETS + "/" + id)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.delete(tenant, Role.ADMIN, TICKETS + "/" + id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(tenant, Role.AGENT, TICKETS + "/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.delete(tenant, Role.OWNER, TICKETS + "/" + id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    private Map<String, Object> outbox(String emailId) {
        return jdbc.sql("select array_to_string(to_addresses, ',') as recipients, subject, text_body, status,"
                + " headers::text as headers from outbound_emails where id = ?::uuid and tenant_id = ?")
                .params(emailId, tenant).query().singleRow();
    }
}

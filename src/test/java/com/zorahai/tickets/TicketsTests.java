package com.zorahai.tickets;

import static com.zorahai.tickets.TicketsApi.TICKETS;
import static com.zorahai.tickets.TicketsApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.crm.Clients;
import com.zorahai.identity.Role;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The module's API for other modules: opening tickets from inbound messages and threading later messages onto them.
 */
@IntegrationTest
@RecordApplicationEvents
class TicketsTests {

    @Autowired
    Tickets tickets;

    @Autowired
    Clients clients;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    TicketsApi api;
    String tenant;

    @BeforeEach
    void setUp() {
        api = new TicketsApi(mvc, tokens);
        tenant = TicketsApi.newTenant();
    }

    @Test
    void openingTheSameSourceTwiceGivesOneTicket() {
        Instant received = Instant.parse("2026-11-20T08:15:00Z");
        NewTicket fromEmail = NewTicket.fromEmail(TenantId.of(tenant), "Where is my voucher?", "Hi, I paid.",
                "Dee@Example.com", "Dee", "<CAF=abc123@mail.gmail.com>", received);
        Instant now = Instant.now();
        // redelivery of the same email, with or without the angle brackets
        TicketId first = tickets.open(fromEmail);
        TicketId second = tickets.open(new NewTicket(TenantId.of(tenant), "Where is my voucher?", "Hi, I paid.",
                TicketChannel.EMAIL, null, "dee@example.com", null, null, "CAF=abc123@mail.gmail.com", null, null));
        assertThat(second).isEqualTo(first);
        assertThat(events.stream(TicketOpened.class)).singleElement().satisfies(e -> {
            assertThat(e.openedAt()).isEqualTo(received);
            assertThat(e.priority()).isEqualTo(TicketPriority.NORMAL);
        });
        // the same reference on another channel is another message
        TicketId whatsapp = tickets.open(new NewTicket(TenantId.of(tenant), "Voucher", null, TicketChannel.WHATSAPP,
                null, null, null, "+27821234567", "CAF=abc123@mail.gmail.com", TicketPriority.HIGH, null));
        assertThat(whatsapp).isNotEqualTo(first);

        MvcTestResult ticket = api.get(tenant, Role.AGENT, TICKETS + "/" + first);
        assertThat(ticket).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.opened_at").isEqualTo("2026-11-20T08:15:00Z");
            assertThat(json).extractingPath("$.requester.email").isEqualTo("dee@example.com");
            assertThat(json).extractingPath("$.created_by").isNull();
        });
        // the requester became a client of the CRM
        assertThat(clients.findByEmail(TenantId.of(tenant), "dee@example.com")).hasValueSatisfying(
                c -> assertThat(c.id().toString()).isEqualTo(read(ticket, "$.client_id")));
        assertThat(Instant.parse(read(ticket, "$.created_at"))).isAfterOrEqualTo(now.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void theApiIsIdempotentOnTheSourceReferenceToo() {
        String json = """
                {"subject": "Call back", "channel": "phone", "source_reference": "call-CA1234"}""";
        MvcTestResult first = api.post(tenant, Role.AGENT, TICKETS, json);
        assertThat(first).hasStatus(HttpStatus.CREATED);
        MvcTestResult again = api.post(tenant, Role.AGENT, TICKETS, json);
        assertThat(again).hasStatusOk().bodyJson().extractingPath("$.id").isEqualTo(read(first, "$.id"));
        assertThat(again.getResponse().getHeader("Location")).endsWith((String) read(first, "$.id"));
        assertThat(events.stream(TicketOpened.class)).hasSize(1);
    }

    @Test
    void concurrentOpeningsOfOneSourceGiveOneTicket() throws Exception {
        NewTicket ticket = NewTicket.fromEmail(TenantId.of(tenant), "Race", "body", "race@example.com", null,
                "<race-1@mail.example>", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TicketId>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<TicketId> open = () -> {
                    start.await();
                    return tickets.open(ticket);
                };
                results.add(pool.submit(open));
            }
            start.countDown();
            HashSet<TicketId> ids = new HashSet<>();
            for (Future<TicketId> result : results) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from inbound_tickets where tenant_id = ?").param(tenant)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void longMessageIdsAreMatchedThroughTheirHash() {
        String longId = "<" + "x".repeat(400) + "@mail.example>";
        TicketId id = tickets.open(NewTicket.fromEmail(TenantId.of(tenant), "Long", "body", "long@example.com",
                null, longId, null));
        assertThat(tickets.open(NewTicket.fromEmail(TenantId.of(tenant), "Long", "body", "long@example.com", null,
                longId, null))).isEqualTo(id);
        assertThat(tickets.addInboundReply(new InboundReply(TenantId.of(tenant), null, List.of("<other@x>", longId),
                "<" + "y".repeat(300) + "@mail.example>", "more", "long@example.com", null))).contains(id);
        // the reply emailed back threads to the full id
        MvcTestResult reply = api.post(tenant, Role.AGENT, TICKETS + "/" + id + "/replies", "{\"body\": \"ok\"}");
        assertThat(reply).hasStatus(HttpStatus.CREATED);
        String headers = jdbc.sql("select headers::text from outbound_emails where id = ?::uuid")
                .param((String) read(reply, "$.email_id")).query(String.class).single();
        assertThat(headers).contains("\"In-Reply-To\": \"<" + "y".repeat(300) + "@mail.example>\"")
                .contains(longId);
    }

    @Test
    void inboundRepliesLandOnlyOnTheirOwnTicket() {
        TicketId id = tickets.open(NewTicket.fromEmail(TenantId.of(tenant), "Hello", "body", "eve@example.com",
                null, "<start-1@mail.example>", null));
        assertThat(tickets.addInboundReply(TenantId.of(tenant), "<unknown@mail.example>", "x", "eve@example.com"))
                .isEmpty();
        assertThat(tickets.addInboundReply(TenantId.of(tenant), (String) null, "x", "eve@example.com")).isEmpty();
        assertThat(tickets.addInboundReply(TenantId.of(tenant), TicketId.random(), "x", "eve@example.com")).isEmpty();
        String other = TicketsApi.newTenant();
        assertThat(tickets.addInboundReply(TenantId.of(other), "<start-1@mail.example>", "x", "eve@example.com"))
                .isEmpty();
        assertThat(tickets.addInboundReply(TenantId.of(other), id, "x", "eve@example.com")).isEmpty();
        // without a message id of its own every message is added
        assertThat(tickets.addInboundReply(TenantId.of(tenant), "start-1@mail.example", "one", "+27821234567"))
                .contains(id);
        assertThat(tickets.addInboundReply(TenantId.of(tenant), id, "two", null)).contains(id);
        MvcTestResult ticket = api.get(tenant, Role.AGENT, TICKETS + "/" + id);
        List<String> bodies = read(ticket, "$.replies[*].body");
        assertThat(bodies).containsExactly("one", "two");
        List<String> from = read(ticket, "$.replies[*].from_address");
        assertThat(from).containsExactly("+27821234567", null);
        assertThat(events.stream(TicketReplied.class)).hasSize(2).allSatisfy(e -> {
            assertThat(e.direction()).isEqualTo(TicketReplied.Direction.INBOUND);
            assertThat(e.firstResponse()).isFalse();
        });
    }

    @Test
    void badInputFromAnotherModuleIsAProblemNamingTheField() {
        assertThatThrownBy(() -> tickets.open(new NewTicket(null, "s", null, TicketChannel.EMAIL, null, null, null,
                null, null, null, null))).isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.getMessage()).startsWith("tenant_id"));
        assertThatThrownBy(() -> tickets.open(new NewTicket(TenantId.of(tenant), "s", null, null, null, null, null,
                null, null, null, null))).isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(errors(p)).containsExactly("channel"));
        assertThatThrownBy(() -> tickets.open(new NewTicket(TenantId.of(tenant), "s", null, TicketChannel.WHATSAPP,
                null, null, null, "+1 000", null, null, null))).isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(errors(p)).containsExactly("requester_phone"));
        assertThatThrownBy(() -> tickets.addInboundReply(null)).isInstanceOf(ProblemException.class);
        // overlong text from a channel is shortened rather than refused
        TicketId id = tickets.open(new NewTicket(TenantId.of(tenant), "s".repeat(900), "b".repeat(100_010),
                TicketChannel.EMAIL, null, null, "n".repeat(300), null, null, null, null));
        assertThat(jdbc.sql("select length(subject) || '/' || length(body) || '/' || length(requester_name)"
                + " from inbound_tickets where id = ?").param(id.value()).query(String.class).single())
                .isEqualTo("500/100000/200");
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(ProblemException problem) {
        return ((List<Map<String, String>>) problem.properties().get("errors")).stream().map(e -> e.get("field"))
                .toList();
    }
}

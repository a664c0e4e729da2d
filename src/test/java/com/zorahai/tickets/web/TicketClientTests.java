package com.zorahai.tickets.web;

import static com.zorahai.tickets.TicketsApi.TICKETS;
import static com.zorahai.tickets.TicketsApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.Tickets;
import com.zorahai.tickets.TicketsApi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Tickets and the CRM: timeline entries, linking to clients, export, erasure and merges.
 */
@IntegrationTest
class TicketClientTests {

    static final String CLIENTS = "/api/v1/clients";
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

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
    void openedRepliedAndResolvedShowOnTheClientsTimeline() {
        MvcTestResult created = api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "Transfer missing", "channel": "email", "requester_email": "fay@example.com",
                 "requester_name": "Fay Khumalo", "priority": "urgent"}""");
        String id = read(created, "$.id");
        String client = read(created, "$.client_id");
        assertThat(api.get(tenant, Role.AGENT, CLIENTS + "/" + client)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.name").isEqualTo("Fay Khumalo");
            assertThat(json).extractingPath("$.source").isEqualTo("email");
        });
        assertThat(api.post(tenant, Role.AGENT, TICKETS + "/" + id + "/replies", "{\"body\": \"Driver is on the"
                + " way.\"}")).hasStatus(HttpStatus.CREATED);
        tickets.addInboundReply(TenantId.of(tenant), TicketId.parse(id, "id"), "Thanks!", "fay@example.com");
        api.status(tenant, id, "resolved");

        String timeline = CLIENTS + "/" + client + "/activities?size=10";
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get(tenant, Role.AGENT, timeline)).bodyJson()
                .extractingPath("$.total").isEqualTo(4));
        MvcTestResult entries = api.get(tenant, Role.AGENT, timeline);
        List<String> summaries = read(entries, "$.items[*].summary");
        assertThat(summaries).containsExactlyInAnyOrder("Ticket opened: Transfer missing",
                "Replied to ticket: Transfer missing", "Requester wrote on ticket: Transfer missing",
                "Ticket resolved: Transfer missing");
        assertThat(entries).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.items[*].type").asArray().containsOnly("ticket");
            assertThat(json).extractingPath("$.items[*].subject_type").asArray().containsOnly("ticket");
            assertThat(json).extractingPath("$.items[*].subject_id").asArray().containsOnly(id);
            assertThat(json).extractingPath("$.items[0].properties.channel").isEqualTo("email");
            assertThat(json).extractingPath("$.items[0].properties.priority").isEqualTo("urgent");
        });
    }

    @Test
    void aTicketForAKnownClientTakesItsContactDetails() {
        MvcTestResult client = api.post(tenant, Role.AGENT, CLIENTS, """
                {"name": "Gus Naidoo", "emails": ["gus@example.com"], "phones": ["+27821234999"]}""");
        String clientId = read(client, "$.id");
        MvcTestResult ticket = api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "Invoice copy", "channel": "phone", "client_id": "%s"}""".formatted(clientId));
        assertThat(ticket).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.client_id").isEqualTo(clientId);
            assertThat(json).extractingPath("$.requester.email").isEqualTo("gus@example.com");
            assertThat(json).extractingPath("$.requester.phone").isEqualTo("+27821234999");
            assertThat(json).extractingPath("$.requester.name").isEqualTo("Gus Naidoo");
        });
        // a second requester email or phone finds the same client
        MvcTestResult byPhone = api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "Callback", "channel": "whatsapp", "requester_phone": "+27821234999"}""");
        assertThat(byPhone).bodyJson().extractingPath("$.client_id").isEqualTo(clientId);
        // unlink and link again through PATCH
        String id = read(ticket, "$.id");
        assertThat(api.patch(tenant, Role.AGENT, TICKETS + "/" + id, "{\"client_id\": null}")).hasStatusOk()
                .bodyJson().extractingPath("$.client_id").isNull();
        assertThat(api.patch(tenant, Role.AGENT, TICKETS + "/" + id, "{\"client_id\": \"" + clientId + "\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.client_id").isEqualTo(clientId);
    }

    @Test
    void theClientsExportHoldsTheirTickets() {
        MvcTestResult created = api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "Passport name", "body": "My name is spelt wrong.", "channel": "email",
                 "requester_email": "hal@example.com", "source_reference": "<hal-1@mail.example>"}""");
        String id = read(created, "$.id");
        String client = read(created, "$.client_id");
        api.post(tenant, Role.AGENT, TICKETS + "/" + id + "/replies", "{\"body\": \"Fixed.\"}");

        MvcTestResult export = api.get(tenant, Role.ADMIN, CLIENTS + "/" + client + "/export");
        assertThat(export).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.modules.tickets[0].id").isEqualTo(id);
            assertThat(json).extractingPath("$.modules.tickets[0].subject").isEqualTo("Passport name");
            assertThat(json).extractingPath("$.modules.tickets[0].body").isEqualTo("My name is spelt wrong.");
            assertThat(json).extractingPath("$.modules.tickets[0].requester_email").isEqualTo("hal@example.com");
            assertThat(json).extractingPath("$.modules.tickets[0].source_reference")
                    .isEqualTo("hal-1@mail.example");
            assertThat(json).extractingPath("$.modules.tickets[0].replies[0].direction").isEqualTo("outbound");
            assertThat(json).extractingPath("$.modules.tickets[0].replies[0].body").isEqualTo("Fixed.");
            assertThat(json).extractingPath("$.modules.tickets[0].replies[0].to_address")
                    .isEqualTo("hal@example.com");
        });
    }

    @Test
    void erasingTheClientErasesThePersonalDataOfItsTickets() {
        MvcTestResult created = api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "Medical condition", "body": "I am diabetic.", "channel": "email",
                 "requester_email": "ida@example.com", "requester_name": "Ida", "requester_phone": "+27821230000"}""");
        String id = read(created, "$.id");
        String client = read(created, "$.client_id");
        String other = api.create(tenant, """
                {"subject": "Someone else", "channel": "email", "requester_email": "jo@example.com"}""");
        api.post(tenant, Role.AGENT, TICKETS + "/" + id + "/replies", "{\"body\": \"Noted for the airline.\"}");
        tickets.addInboundReply(TenantId.of(tenant), TicketId.parse(id, "id"), "Thanks", "Ida <ida@example.com>");

        assertThat(api.post(tenant, Role.ADMIN, CLIENTS + "/" + client + "/erase")).hasStatusOk();

        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get(tenant, Role.AGENT, TICKETS + "/" + id))
                .bodyJson().extractingPath("$.erased_at").isNotNull());
        assertThat(api.get(tenant, Role.AGENT, TICKETS + "/" + id)).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.subject").isEqualTo("Erased ticket");
            assertThat(json).extractingPath("$.body").isNull();
            assertThat(json).extractingPath("$.requester.email").isNull();
            assertThat(json).extractingPath("$.requester.name").isNull();
            assertThat(json).extractingPath("$.requester.phone").isNull();
            assertThat(json).extractingPath("$.replies[*].body").asArray().containsOnlyNulls();
            assertThat(json).extractingPath("$.replies[*].from_address").asArray().containsOnlyNulls();
            assertThat(json).extractingPath("$.replies[*].to_address").asArray().containsOnlyNulls();
            // what analytics needs stays
            assertThat(json).extractingPath("$.channel").isEqualTo("email");
            assertThat(json).extractingPath("$.first_response_at").isNotNull();
        });
        assertThat(api.get(tenant, Role.AGENT, TICKETS + "?q=medical")).bodyJson().extractingPath("$.total")
                .isEqualTo(0);
        assertThat(api.post(tenant, Role.AGENT, TICKETS + "/" + id + "/replies", "{\"body\": \"Hello\"}"))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/ticket-erased");
        assertThat(api.patch(tenant, Role.AGENT, TICKETS + "/" + id, "{\"subject\": \"Back\"}"))
                .hasStatus(HttpStatus.CONFLICT);
        api.status(tenant, id, "resolved");
        assertThat(tickets.addInboundReply(TenantId.of(tenant), TicketId.parse(id, "id"), "Me again", "x@example.com"))
                .isEmpty();
        assertThat(api.get(tenant, Role.AGENT, TICKETS + "/" + other)).bodyJson().extractingPath("$.subject")
                .isEqualTo("Someone else");
    }

    @Test
    void aMergedClientsTicketsMoveToTheTarget() {
        String source = read(api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "Old address", "channel": "email", "requester_email": "kim.old@example.com"}"""),
                "$.client_id");
        String ticket = read(api.get(tenant, Role.AGENT, TICKETS + "?client=" + source), "$.items[0].id");
        String target = read(api.post(tenant, Role.AGENT, CLIENTS, """
                {"name": "Kim", "emails": ["kim@example.com"]}"""), "$.id");
        assertThat(api.post(tenant, Role.AGENT, CLIENTS + "/" + target + "/merge",
                "{\"source_id\": \"" + source + "\"}")).hasStatusOk();
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get(tenant, Role.AGENT, TICKETS + "/" + ticket))
                .bodyJson().extractingPath("$.client_id").isEqualTo(target));
        // a ticket naming the merged client lands on the target
        assertThat(api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "New", "channel": "phone", "client_id": "%s"}""".formatted(source))).bodyJson()
                .extractingPath("$.client_id").isEqualTo(target);
    }
}

package com.zorahai.tickets.web;

import static com.zorahai.tickets.TicketsApi.TICKETS;
import static com.zorahai.tickets.TicketsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.tickets.TicketsApi;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class TicketValidationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    TicketsApi api;
    String tenant;

    @BeforeEach
    void setUp() {
        api = new TicketsApi(mvc, tokens);
        tenant = TicketsApi.newTenant();
    }

    @Test
    void everyInvalidFieldOfANewTicketIsNamed() {
        assertThat(fields(api.post(tenant, Role.AGENT, TICKETS, "{}"))).containsExactlyInAnyOrder("channel",
                "subject");
        assertThat(fields(api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "x", "channel": "fax", "requester_email": "nope", "requester_phone": "call me",
                 "priority": "asap", "client_id": "1", "assignee_id": "me", "requester_name": "%s",
                 "source_reference": "%s"}""".formatted("n".repeat(201), "r".repeat(999)))))
                .containsExactlyInAnyOrder("channel", "requester_email", "requester_phone", "priority", "client_id",
                        "assignee_id", "requester_name", "source_reference");
        assertThat(fields(api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "%s", "channel": "email", "body": "%s"}""".formatted("s".repeat(501),
                "b".repeat(100_001))))).containsExactlyInAnyOrder("subject", "body");
        Instant future = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant ancient = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        assertThat(fields(api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "x", "channel": "email", "opened_at": "%s"}""".formatted(future))))
                .containsExactly("opened_at");
        assertThat(fields(api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "x", "channel": "email", "opened_at": "%s"}""".formatted(ancient))))
                .containsExactly("opened_at");
        assertThat(fields(api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "x", "channel": "email", "opened_at": "yesterday"}"""))).containsExactly("opened_at");
        assertThat(fields(api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "x", "channel": "email", "colour": "red"}"""))).containsExactly("colour");
        assertThat(fields(api.post(tenant, Role.AGENT, TICKETS, """
                {"subject": "x", "channel": "email", "client_id": "%s"}""".formatted(UUID.randomUUID()))))
                .containsExactly("client_id");
        assertThat(api.post(tenant, Role.AGENT, TICKETS, "{\"subject\": ")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/malformed-request");
        assertThat(jdbc.sql("select count(*) from inbound_tickets where tenant_id = ?").param(tenant)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSubjectComesFromTheBodyWhenMissing() {
        MvcTestResult created = api.post(tenant, Role.AGENT, TICKETS, """
                {"channel": "helpdesk", "body": "\\n\\n  My booking   is missing\\nDetails follow"}""");
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.subject").isEqualTo("My booking is missing");
            assertThat(json).extractingPath("$.body").isEqualTo("My booking   is missing\nDetails follow");
            assertThat(json).extractingPath("$.priority").isEqualTo("normal");
        });
    }

    @Test
    void changesAndRepliesNameTheirInvalidFields() {
        String id = api.create(tenant, "{\"subject\": \"x\", \"channel\": \"email\"}");
        String path = TICKETS + "/" + id;
        assertThat(fields(api.patch(tenant, Role.AGENT, path, "{\"colour\": \"red\"}"))).containsExactly("colour");
        assertThat(fields(api.patch(tenant, Role.AGENT, path, "{\"assignee_id\": 5}")))
                .containsExactly("assignee_id");
        assertThat(fields(api.patch(tenant, Role.AGENT, path, """
                {"assignee_id": "x", "client_id": "y", "priority": "p", "status": "s", "subject": " "}""")))
                .containsExactlyInAnyOrder("assignee_id", "client_id", "priority", "status", "subject");
        assertThat(fields(api.patch(tenant, Role.AGENT, path, "{\"client_id\": \"" + UUID.randomUUID() + "\"}")))
                .containsExactly("client_id");
        // an assignee must be an active member of this tenant: not an unknown user, not another tenant's member
        UUID stranger = tokens.member(TicketsApi.newTenant(), Role.AGENT);
        for (UUID user : new UUID[]{UUID.randomUUID(), stranger}) {
            MvcTestResult refused = api.patch(tenant, Role.AGENT, path, "{\"assignee_id\": \"" + user + "\"}");
            assertThat(fields(refused)).containsExactly("assignee_id");
            assertThat(refused).bodyJson().extractingPath("$.errors[0].reason")
                    .isEqualTo("is not an active member of this tenant");
            assertThat(fields(api.post(tenant, Role.AGENT, TICKETS, """
                    {"subject": "x", "channel": "email", "assignee_id": "%s"}""".formatted(user))))
                    .containsExactly("assignee_id");
        }
        UUID colleague = tokens.member(tenant, Role.CONSULTANT);
        assertThat(api.patch(tenant, Role.AGENT, path, "{\"assignee_id\": \"" + colleague + "\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.assignee_id").isEqualTo(colleague.toString());
        assertThat(api.patch(tenant, Role.AGENT, path, "[]")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(fields(api.patch(tenant, Role.AGENT, TICKETS + "/not-a-uuid", "{}"))).containsExactly("id");
        assertThat(fields(api.get(tenant, Role.AGENT, TICKETS + "/not-a-uuid"))).containsExactly("id");
        assertThat(fields(api.post(tenant, Role.AGENT, path + "/replies", "{\"body\": \" \"}")))
                .containsExactly("body");
        assertThat(fields(api.post(tenant, Role.AGENT, path + "/replies", "{\"body\": \"x\", \"status\": \"later\"}")))
                .containsExactly("status");
        assertThat(fields(api.post(tenant, Role.AGENT, path + "/replies", "{\"body\": \"%s\"}"
                .formatted("b".repeat(20_001))))).containsExactly("body");

        // a subject and null assignee are accepted; nothing else changed
        assertThat(api.patch(tenant, Role.AGENT, path, "{\"subject\": \"  New\\nsubject \", \"assignee_id\": null}"))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.subject").isEqualTo("New subject");
                    assertThat(json).extractingPath("$.assignee_id").isNull();
                    assertThat(json).extractingPath("$.status").isEqualTo("open");
                });
        assertThat(api.get(tenant, Role.AGENT, TICKETS + "/" + UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/ticket-not-found");
    }

    @Test
    void everyRoleWorksTickets() {
        for (Role role : Role.values()) {
            assertThat(api.post(tenant, role, TICKETS, "{\"subject\": \"By " + role + "\", \"channel\": \"phone\"}"))
                    .as(role.value()).hasStatus(HttpStatus.CREATED);
            assertThat(api.get(tenant, role, TICKETS)).as(role.value()).hasStatusOk();
        }
        assertThat(mvc.get().uri(TICKETS)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private static List<String> fields(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        return read(result, "$.errors[*].field");
    }
}

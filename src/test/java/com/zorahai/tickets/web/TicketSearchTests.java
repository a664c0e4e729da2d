package com.zorahai.tickets.web;

import static com.zorahai.tickets.TicketsApi.TICKETS;
import static com.zorahai.tickets.TicketsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.tickets.TicketsApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class TicketSearchTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    TicketsApi api;
    String tenant;
    UUID me;
    UUID colleague;
    String late;
    String hotel;
    String refund;
    String mine;

    @BeforeEach
    void setUp() {
        api = new TicketsApi(mvc, tokens);
        tenant = TicketsApi.newTenant();
        me = tokens.member(tenant, Role.AGENT);
        colleague = tokens.member(tenant, Role.CONSULTANT);
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        late = api.create(tenant, """
                {"subject": "Refund for the Zanzibar trip", "channel": "email", "priority": "urgent",
                 "requester_email": "late@example.com", "assignee_id": "%s", "opened_at": "%s"}"""
                .formatted(colleague, tenDaysAgo));
        hotel = api.create(tenant, """
                {"subject": "Change of hotel", "channel": "whatsapp", "requester_phone": "+27821234500"}""");
        api.status(tenant, hotel, "pending");
        refund = api.create(tenant, """
                {"subject": "REFUND again", "channel": "phone", "priority": "low", "assignee_id": "%s"}"""
                .formatted(tokens.member(tenant, Role.AGENT)));
        api.status(tenant, refund, "resolved");
        mine = api.create(tenant, """
                {"subject": "Seat upgrade", "channel": "helpdesk", "priority": "high", "assignee_id": "%s"}"""
                .formatted(me));
    }

    @Test
    void filtersCombineAndListsArePages() {
        assertThat(ids("")).containsExactlyInAnyOrder(late, hotel, refund, mine);
        assertThat(ids("status=open,pending")).containsExactlyInAnyOrder(late, hotel, mine);
        assertThat(ids("status=resolved")).containsExactly(refund);
        assertThat(ids("priority=urgent,high")).containsExactlyInAnyOrder(late, mine);
        assertThat(ids("channel=whatsapp")).containsExactly(hotel);
        assertThat(ids("channel=email&priority=low")).isEmpty();
        assertThat(ids("assignee=" + colleague)).containsExactly(late);
        assertThat(ids("assignee=none")).containsExactly(hotel);
        assertThat(ids("q=refund")).containsExactlyInAnyOrder(late, refund);
        assertThat(ids("q=zanzibar&status=open")).containsExactly(late);
        assertThat(ids("q=100%25")).isEmpty();
        assertThat(ids("breached=true")).containsExactly(late);
        assertThat(ids("breached=false")).containsExactlyInAnyOrder(hotel, refund, mine);

        String client = read(api.get(tenant, Role.AGENT, TICKETS + "/" + late), "$.client_id");
        assertThat(client).isNotNull();
        assertThat(ids("client=" + client)).containsExactly(late);

        MvcTestResult first = api.get(tenant, Role.AGENT, TICKETS + "?size=3&sort=opened_at,asc");
        assertThat(first).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.total").isEqualTo(4);
            assertThat(json).extractingPath("$.page").isEqualTo(0);
            assertThat(json).extractingPath("$.size").isEqualTo(3);
            assertThat(json).extractingPath("$.items[0].id").isEqualTo(late);
            assertThat(json).extractingPath("$.items[0].sla_breached").isEqualTo(true);
            assertThat(json).extractingPath("$.items[0].requester.email").isEqualTo("late@example.com");
            assertThat(json).extractingPath("$.items[0].assignee_id").isEqualTo(colleague.toString());
        });
        List<String> second = read(api.get(tenant, Role.AGENT, TICKETS + "?size=3&page=1&sort=opened_at,asc"),
                "$.items[*].id");
        assertThat(second).containsExactly(mine);
        assertThat(api.get(tenant, Role.AGENT, TICKETS + "?size=3&page=1")).bodyJson().extractingPath("$.page")
                .isEqualTo(1);
    }

    @Test
    void meIsTheCaller() {
        MvcTestResult result = mvc.get().uri(TICKETS + "?assignee=me")
                .header("Authorization", "Bearer " + tokens.token(me, tenant, Role.AGENT)).exchange();
        List<String> ids = read(result, "$.items[*].id");
        assertThat(ids).containsExactly(mine);
    }

    @Test
    void sortOrders() {
        assertThat(ids("sort=priority")).containsExactly(late, mine, hotel, refund);
        assertThat(ids("sort=priority,desc")).containsExactly(refund, hotel, mine, late);
        assertThat(ids("sort=status")).first().isIn(late, mine);
        assertThat(ids("sort=status,desc")).first().isEqualTo(refund);
        assertThat(ids("sort=sla_due_at")).first().isEqualTo(late);
        assertThat(ids("sort=updated_at,desc")).hasSize(4);
        // newest first by default
        assertThat(ids("")).last().isEqualTo(late);
    }

    @Test
    void badFiltersAreNamed() {
        for (String[] bad : new String[][]{{"status=nope", "status"}, {"priority=asap", "priority"},
                {"channel=fax", "channel"}, {"assignee=somebody", "assignee"}, {"client=abc", "client"},
                {"breached=maybe", "breached"}, {"sort=bogus", "sort"}, {"sort=priority,up", "sort"},
                {"size=0", "size"}, {"size=1001", "size"}, {"page=-1", "page"}, {"q=" + "x".repeat(201), "q"},
                {"page=x", "page"}}) {
            assertThat(api.get(tenant, Role.AGENT, TICKETS + "?" + bad[0])).as(bad[0])
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                    .isEqualTo(bad[1]);
        }
    }

    private List<String> ids(String query) {
        MvcTestResult result = api.get(tenant, Role.AGENT, TICKETS + "?size=100&" + query);
        assertThat(result).hasStatusOk();
        return read(result, "$.items[*].id");
    }
}

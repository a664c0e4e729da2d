package com.zorahai.tickets.web;

import static com.zorahai.tickets.TicketsApi.TICKETS;
import static com.zorahai.tickets.TicketsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TenantIsolation;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.tickets.TicketsApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class TicketTenantIsolationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Test
    void aTicketIsInvisibleToOtherTenants() {
        TicketsApi api = new TicketsApi(mvc, tokens);
        String owner = TicketsApi.newTenant();
        String other = TicketsApi.newTenant();
        String id = api.create(owner, """
                {"subject": "Private", "channel": "email", "requester_email": "p@example.com"}""");

        TenantIsolation.of(mvc, tokens).record(TICKETS + "/{id}", id).ownedBy(owner).assertInvisibleTo(other);
        TenantIsolation.of(mvc, tokens).record(TICKETS + "/{id}", id).ownedBy(owner)
                .update(HttpMethod.PATCH, "{\"status\": \"resolved\", \"subject\": \"Mine now\"}")
                .withoutDelete().as(Role.AGENT).assertInvisibleTo(other);

        assertThat(api.post(other, Role.AGENT, TICKETS + "/" + id + "/replies", "{\"body\": \"Hello\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        List<String> visible = read(api.get(other, Role.ADMIN, TICKETS), "$.items[*].id");
        assertThat(visible).doesNotContain(id);
        assertThat(api.get(other, Role.ADMIN, TICKETS + "?q=Private")).bodyJson().extractingPath("$.total")
                .isEqualTo(0);

        // nothing of the attempts reached the ticket
        assertThat(api.get(owner, Role.AGENT, TICKETS + "/" + id)).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.subject").isEqualTo("Private");
            assertThat(json).extractingPath("$.status").isEqualTo("open");
            assertThat(json).extractingPath("$.replies").asArray().isEmpty();
        });
    }

    @Test
    void settingsBelongToOneTenant() {
        TicketsApi api = new TicketsApi(mvc, tokens);
        String one = TicketsApi.newTenant();
        String two = TicketsApi.newTenant();
        assertThat(api.put(one, Role.ADMIN, TICKETS + "/settings", "{\"sla_hours\": {\"urgent\": 1}}"))
                .hasStatusOk();
        assertThat(api.get(two, Role.ADMIN, TICKETS + "/settings")).bodyJson()
                .extractingPath("$.sla_hours.urgent").isEqualTo(2);
        assertThat(api.get(one, Role.OWNER, TICKETS + "/settings")).bodyJson()
                .extractingPath("$.sla_hours.urgent").isEqualTo(1);
    }
}

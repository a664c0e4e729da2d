package com.zorahai.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events are stored as JSON and read back when they are redelivered after a crash; the lifecycle is a fixed table.
 */
class TicketEventsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eventsSurviveTheRoundTripThroughJson() {
        TenantId tenant = TenantId.of("events-test");
        TicketId ticket = TicketId.random();
        ClientId client = ClientId.random();
        Instant opened = Instant.parse("2026-11-20T10:00:00Z");
        Instant due = Instant.parse("2026-11-20T18:00:00Z");
        Object[] all = {new TicketOpened(tenant, ticket, client, TicketChannel.EMAIL, TicketPriority.HIGH, opened, due),
                new TicketStatusChanged(tenant, ticket, null, TicketChannel.PHONE, TicketPriority.LOW,
                        TicketStatus.OPEN, TicketStatus.RESOLVED, opened, due, due, due, false),
                new TicketResolved(tenant, ticket, client, TicketChannel.WHATSAPP, TicketPriority.URGENT, opened,
                        opened, due, due, true),
                new TicketReplied(tenant, ticket, UUID.randomUUID(), client, TicketReplied.Direction.INBOUND,
                        TicketChannel.HELPDESK, TicketPriority.NORMAL, opened, due, false, due, true),
                new TicketAssigned(tenant, ticket, UUID.randomUUID(), null, UUID.randomUUID()),
                new TicketReplyQueued(tenant, ticket, UUID.randomUUID(), TicketChannel.WHATSAPP, "+27821234567",
                        "wamid.1", "Hello")};
        for (Object event : all) {
            assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void theLifecycleAllowsOnlyItsSteps() {
        assertThat(TicketStatus.OPEN.next()).containsExactlyInAnyOrder(TicketStatus.PENDING, TicketStatus.RESOLVED);
        assertThat(TicketStatus.PENDING.next()).containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.RESOLVED);
        assertThat(TicketStatus.RESOLVED.next()).containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.CLOSED);
        assertThat(TicketStatus.CLOSED.next()).isEmpty();
        assertThat(TicketStatus.OPEN.canMoveTo(TicketStatus.CLOSED)).isFalse();
        assertThat(TicketStatus.RESOLVED.canMoveTo(TicketStatus.OPEN)).isTrue();
    }

    @Test
    void namesAreStableAndLowerCase() {
        assertThat(TicketStatus.find(" Pending ")).hasValue(TicketStatus.PENDING);
        assertThat(TicketStatus.find(null)).isEmpty();
        assertThat(TicketPriority.find("URGENT")).hasValue(TicketPriority.URGENT);
        assertThat(TicketPriority.find(null)).isEmpty();
        assertThat(TicketChannel.find("WhatsApp")).hasValue(TicketChannel.WHATSAPP);
        assertThat(TicketChannel.find("fax")).isEmpty();
        assertThat(TicketChannel.find(null)).isEmpty();
        assertThat(TicketReplied.Direction.OUTBOUND.value()).isEqualTo("outbound");
        assertThat(TicketId.parse(" " + new UUID(0, 1) + " ", "id").toString()).isEqualTo(new UUID(0, 1).toString());
        assertThat(new InboundReply(TenantId.of("events-test"), null, java.util.Arrays.asList("a@b", null), null,
                "x", null, null).references()).containsExactly("a@b");
    }
}

package com.zorahai.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.helpdesk.HelpdeskHandoverRequested;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Hand-overs from other channels become tickets once, through the durable events. */
@IntegrationTest
class ChannelHandoversTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenants tenants;

    @Test
    void aHelpdeskHandoverOpensOneHelpdeskTicketWithTheConversation() {
        TenantId tenant = TenantId.of("handover-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new NewTenant(tenant, "Handover Travel", Set.of(Tenant.Feature.HELPDESK)));
        UUID session = UUID.randomUUID();
        HelpdeskHandoverRequested handover = new HelpdeskHandoverRequested(tenant, session,
                "Can I bring my dog to the lodge?", "Mia Jones", "mia@example.com",
                "Customer: Can I bring my dog to the lodge?\nAssistant: I don't know.", Instant.now());

        transactions.executeWithoutResult(status -> events.publishEvent(handover));
        transactions.executeWithoutResult(status -> events.publishEvent(handover));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from event_publication where serialized_event like ? and completion_date is null"
                        + " and listener_id like '%ChannelHandovers%'")
                .param("%" + session + "%").query(Long.class).single() == 0 && count(tenant) == 1);
        Map<String, Object> ticket = jdbc.sql("""
                select subject, body, channel, requester_email, requester_name, source_reference
                  from inbound_tickets where tenant_id = ?""").param(tenant.value()).query().singleRow();
        assertThat(ticket).containsEntry("subject", "Helpdesk: Can I bring my dog to the lodge?")
                .containsEntry("channel", "helpdesk").containsEntry("requester_email", "mia@example.com")
                .containsEntry("requester_name", "Mia Jones").containsEntry("source_reference", "helpdesk:" + session);
        assertThat(ticket.get("body").toString()).contains("Assistant: I don't know.");
        assertThat(count(tenant)).isEqualTo(1);
    }

    private long count(TenantId tenant) {
        return jdbc.sql("select count(*) from inbound_tickets where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
    }
}

package com.zorahai.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.helpdesk.HelpdeskHandoverRequested;
import com.zorahai.intake.SupportRequestReceived;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @Test
    void aSupportEmailAnsweringATicketJoinsItAndAnyOtherOpensOne() {
        TenantId tenant = TenantId.of("handover-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new NewTenant(tenant, "Handover Travel", Set.of(Tenant.Feature.CRM)));
        Instant received = Instant.parse("2026-11-20T08:15:00Z");
        deliver(new SupportRequestReceived(tenant, UUID.randomUUID(), "first-1@mail.example", "sam@example.com",
                "Sam Lee", "Voucher missing", "My voucher for Zanzibar is missing.", null, List.of(), received));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(tenant) == 1);

        // the customer answers the ticket's thread: In-Reply-To names the opening message
        deliver(new SupportRequestReceived(tenant, UUID.randomUUID(), "second-2@mail.example", "sam@example.com",
                "Sam Lee", "Re: Voucher missing", "Here is my booking number: ZT-4411.", null,
                List.of("first-1@mail.example", "unrelated@mail.example"), received.plusSeconds(600)));
        await().atMost(Duration.ofSeconds(30)).until(() -> replies(tenant) == 1);
        assertThat(count(tenant)).isEqualTo(1);
        assertThat(jdbc.sql("select body from inbound_ticket_replies where tenant_id = ?").param(tenant.value())
                .query(String.class).single()).isEqualTo("Here is my booking number: ZT-4411.");

        // an email answering nothing this tenant knows opens its own ticket
        deliver(new SupportRequestReceived(tenant, UUID.randomUUID(), "third-3@mail.example", "kim@example.com",
                null, "Re: Your newsletter", "Please change my seat.", null, List.of("elsewhere@mail.example"),
                received.plusSeconds(900)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(tenant) == 2);
        assertThat(replies(tenant)).isEqualTo(1);
    }

    private void deliver(SupportRequestReceived request) {
        transactions.executeWithoutResult(status -> events.publishEvent(request));
    }

    private long replies(TenantId tenant) {
        return jdbc.sql("select count(*) from inbound_ticket_replies where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
    }

    private long count(TenantId tenant) {
        return jdbc.sql("select count(*) from inbound_tickets where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
    }
}

package com.zorahai.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.analytics.AnalyticsTestSupport;
import com.zorahai.booking.AppointmentBooked;
import com.zorahai.booking.AppointmentCancelled;
import com.zorahai.booking.AppointmentId;
import com.zorahai.booking.AppointmentNoShow;
import com.zorahai.booking.Channel;
import com.zorahai.helpdesk.HelpdeskAnswered;
import com.zorahai.helpdesk.UnansweredQuestion;
import com.zorahai.platform.Money;
import com.zorahai.telephony.CallEnded;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tickets.TicketChannel;
import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.TicketOpened;
import com.zorahai.tickets.TicketPriority;
import com.zorahai.tickets.TicketResolved;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.WhatsAppContact;
import com.zorahai.whatsapp.WhatsAppConversationHandedOver;
import com.zorahai.whatsapp.WhatsAppMessage;
import com.zorahai.whatsapp.WhatsAppMessageReceived;
import com.zorahai.whatsapp.WhatsAppMessageSent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

/**
 * The listeners of telephony, tickets, helpdesk, booking and WhatsApp: each event recorded once when delivered
 * twice, with the properties the dashboard reads.
 */
class ModuleListenersTests extends AnalyticsTestSupport {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    @Autowired
    UnansweredGroups groups;

    private TelephonyListener telephony;
    private TicketsListener tickets;
    private HelpdeskListener helpdesk;
    private BookingListener booking;
    private WhatsAppListener whatsapp;

    @Autowired
    void listeners(TelephonyListener telephony, TicketsListener tickets, HelpdeskListener helpdesk,
            BookingListener booking, WhatsAppListener whatsapp) {
        // without the asynchronous proxies: each call is one delivery, done when it returns
        this.telephony = AopTestUtils.getUltimateTargetObject(telephony);
        this.tickets = AopTestUtils.getUltimateTargetObject(tickets);
        this.helpdesk = AopTestUtils.getUltimateTargetObject(helpdesk);
        this.booking = AopTestUtils.getUltimateTargetObject(booking);
        this.whatsapp = AopTestUtils.getUltimateTargetObject(whatsapp);
    }

    private String property(TenantId tenant, String type, String key) {
        return jdbc.sql("select properties->>? from analytics_events where tenant_id = ? and type = ?")
                .params(key, tenant.value(), type).query(String.class).single();
    }

    @Test
    void callsTicketsHelpdeskAndBookingsAreRecordedOnceWithTheirProperties() {
        TenantId tenant = newTenant("UTC");
        UUID call = UUID.randomUUID();
        TicketId ticket = TicketId.random();
        UUID session = UUID.randomUUID();
        AppointmentId appointment = AppointmentId.random();
        for (int delivery = 0; delivery < 2; delivery++) {
            telephony.on(new CallEnded(tenant, call, "vapi-1", null, "inbound", 184, "customer-ended-call",
                    "completed", Money.of("0.4213", "USD"), AT, AT.plusSeconds(184)));
            tickets.on(new TicketOpened(tenant, ticket, null, TicketChannel.EMAIL, TicketPriority.HIGH, AT,
                    AT.plusSeconds(3600)));
            tickets.on(new TicketResolved(tenant, ticket, null, TicketChannel.EMAIL, TicketPriority.HIGH, AT,
                    AT.plusSeconds(7200), AT.plusSeconds(9000), AT.plusSeconds(3600), true));
            helpdesk.on(new HelpdeskAnswered(tenant, session, new UUID(5, 5),
                    false, "not_found", 850, "gpt-4o-mini", 300, 45, AT));
            helpdesk.on(new UnansweredQuestion(tenant, session, "Do you have a branch in Tripoli?", "en", AT));
            booking.on(new AppointmentBooked(tenant, appointment, "svc-1", "Laser, full legs", AT.plusSeconds(86400),
                    LocalDateTime.of(2026, 11, 21, 11, 0), ZoneId.of("Asia/Beirut"), "Room 1", "Rana", "+96170000000",
                    null, Channel.WHATSAPP, "ar"));
            booking.on(new AppointmentCancelled(tenant, appointment, "Laser, full legs", AT.plusSeconds(86400),
                    LocalDateTime.of(2026, 11, 21, 11, 0), ZoneId.of("Asia/Beirut"), "+96170000000", null,
                    "changed plans"));
            booking.on(new AppointmentNoShow(tenant, appointment, "Laser, full legs", AT.plusSeconds(86400),
                    LocalDateTime.of(2026, 11, 21, 11, 0), ZoneId.of("Asia/Beirut"), "+96170000000", null));
        }

        for (String type : List.of(EventTypes.CALL_ENDED, EventTypes.TICKET_OPENED, EventTypes.TICKET_RESOLVED,
                EventTypes.HELPDESK_ANSWERED, EventTypes.HELPDESK_UNANSWERED, EventTypes.BOOKING_MADE,
                EventTypes.BOOKING_CANCELLED, EventTypes.BOOKING_NO_SHOW)) {
            assertThat(count(tenant, type)).as(type).isEqualTo(1);
        }
        assertThat(property(tenant, EventTypes.CALL_ENDED, "duration_seconds")).isEqualTo("184");
        assertThat(property(tenant, EventTypes.CALL_ENDED, "outcome")).isEqualTo("completed");
        assertThat(property(tenant, EventTypes.CALL_ENDED, "cost_amount")).isEqualTo("0.42");
        assertThat(property(tenant, EventTypes.CALL_ENDED, "cost_currency")).isEqualTo("USD");
        assertThat(property(tenant, EventTypes.TICKET_RESOLVED, "sla_breached")).isEqualTo("true");
        assertThat(property(tenant, EventTypes.TICKET_RESOLVED, "first_response_ms")).isEqualTo("7200000");
        assertThat(property(tenant, EventTypes.HELPDESK_ANSWERED, "grounded")).isEqualTo("false");
        assertThat(property(tenant, EventTypes.HELPDESK_ANSWERED, "tokens")).isEqualTo("345");
        assertThat(property(tenant, EventTypes.HELPDESK_ANSWERED, "latency_ms")).isEqualTo("850");
        assertThat(groups.page(tenant, "open", 0, 10).items()).singleElement()
                .satisfies(q -> assertThat(q.question()).isEqualTo("Do you have a branch in Tripoli?"));
        assertThat(jdbc.sql("select occurred_at from analytics_events where tenant_id = ? and type = ?")
                .params(tenant.value(), EventTypes.BOOKING_NO_SHOW).query(java.sql.Timestamp.class).single()
                .toInstant()).isEqualTo(AT.plusSeconds(86400));

        // a ticket reopened and resolved again counts a second resolution
        tickets.on(new TicketResolved(tenant, ticket, null, TicketChannel.EMAIL, TicketPriority.HIGH, AT,
                AT.plusSeconds(7200), AT.plusSeconds(20000), AT.plusSeconds(3600), true));
        assertThat(count(tenant, EventTypes.TICKET_RESOLVED)).isEqualTo(2);
    }

    private static WhatsAppMessageReceived received(TenantId tenant, UUID conversation, UUID message, Instant at) {
        return new WhatsAppMessageReceived(tenant, conversation, message, new WhatsAppContact("k", "96170000000",
                null, "Rana"),
                new WhatsAppMessage(MessageType.TEXT, "hello", null, null, null, null, null,
                        "wamid." + message, at),
                false);
    }

    @Test
    void theBotsFirstMessageAfterCustomerMessagesIsOneAnswerTimedFromTheFirstOfThem() {
        TenantId tenant = newTenant("UTC");
        UUID conversation = UUID.randomUUID();
        Instant recent = Instant.now().minusSeconds(30);
        UUID m1 = UUID.randomUUID();
        for (int delivery = 0; delivery < 2; delivery++) {
            whatsapp.on(received(tenant, conversation, m1, recent));
        }
        whatsapp.on(received(tenant, conversation, UUID.randomUUID(), recent.plusSeconds(5)));
        whatsapp.on(new WhatsAppMessageSent(tenant, conversation, UUID.randomUUID(), "wamid.out1", MessageType.TEXT,
                "bot"));
        // a second bot message, a staff message and a redelivery are not new answers
        whatsapp.on(new WhatsAppMessageSent(tenant, conversation, UUID.randomUUID(), "wamid.out2", MessageType.TEXT,
                "bot"));
        whatsapp.on(new WhatsAppMessageSent(tenant, conversation, UUID.randomUUID(), "wamid.out3", MessageType.TEXT,
                UUID.randomUUID().toString()));

        assertThat(count(tenant, EventTypes.WHATSAPP_MESSAGE_RECEIVED)).isEqualTo(2);
        assertThat(count(tenant, EventTypes.WHATSAPP_MESSAGE_ANSWERED)).isEqualTo(1);
        long firstResponse = Long.parseLong(property(tenant, EventTypes.WHATSAPP_MESSAGE_ANSWERED,
                "first_response_ms"));
        assertThat(firstResponse).isBetween(29_000L, 120_000L);

        // the customer writes again: the next bot message answers it
        whatsapp.on(received(tenant, conversation, UUID.randomUUID(), Instant.now()));
        whatsapp.on(new WhatsAppMessageSent(tenant, conversation, UUID.randomUUID(), "wamid.out4", MessageType.TEXT,
                "bot"));
        assertThat(count(tenant, EventTypes.WHATSAPP_MESSAGE_ANSWERED)).isEqualTo(2);
    }

    @Test
    void aHandOverCountsOncePerCustomerTurn() {
        TenantId tenant = newTenant("UTC");
        UUID conversation = UUID.randomUUID();
        whatsapp.on(received(tenant, conversation, UUID.randomUUID(), AT));
        for (int delivery = 0; delivery < 2; delivery++) {
            whatsapp.on(new WhatsAppConversationHandedOver(tenant, conversation, "asked for a person", "bot"));
        }
        assertThat(count(tenant, EventTypes.WHATSAPP_HANDED_OVER)).isEqualTo(1);
        assertThat(property(tenant, EventTypes.WHATSAPP_HANDED_OVER, "requested_by")).isEqualTo("bot");

        whatsapp.on(received(tenant, conversation, UUID.randomUUID(), AT.plusSeconds(3600)));
        whatsapp.on(new WhatsAppConversationHandedOver(tenant, conversation, null, UUID.randomUUID().toString()));
        assertThat(count(tenant, EventTypes.WHATSAPP_HANDED_OVER)).isEqualTo(2);
    }
}

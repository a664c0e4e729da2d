package com.zorahai.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.analytics.AnalyticsTestSupport;
import com.zorahai.analytics.internal.EventTypes;
import com.zorahai.analytics.internal.Rollups;
import com.zorahai.identity.Role;
import com.zorahai.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The summary against a fixture of known events of every type, in a tenant in New York (daylight saving starts on
 * 8 March 2026), with events on both sides of the period's edges.
 */
class SummaryApiTests extends AnalyticsTestSupport {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    Rollups rollups;

    private static Instant march(int day, int hour) {
        return LocalDateTime.of(2026, 3, day, hour, 0).atZone(NEW_YORK).toInstant();
    }

    private MvcTestResult summary(TenantId tenant, String query) {
        return mvc.get().uri("/api/v1/analytics/summary" + query).header("Authorization", auth(tenant, Role.AGENT))
                .exchange();
    }

    private void fixture(TenantId t) {
        // WhatsApp: 3 conversations, 6 messages, 4 answered, 1 unanswered, 2 hand-overs
        for (String conversation : List.of("c1", "c1", "c1", "c2", "c2", "c3")) {
            record(t, EventTypes.WHATSAPP_MESSAGE_RECEIVED, conversation, march(2, 10));
        }
        for (int ms : new int[]{1000, 2000, 3000, 10000}) {
            record(t, EventTypes.WHATSAPP_MESSAGE_ANSWERED, "c1", march(2, 11), Map.of("first_response_ms", ms));
        }
        record(t, EventTypes.WHATSAPP_UNANSWERED, "c2", march(3, 9), Map.of("question", "Do you treat tattoos?"));
        record(t, EventTypes.WHATSAPP_HANDED_OVER, "c2", march(3, 9), Map.of("reason", "asked for a person"));
        record(t, EventTypes.WHATSAPP_HANDED_OVER, "c3", march(4, 9));
        // bookings: 5 made (two of them on the period's edges), 1 cancelled, 1 no-show
        record(t, EventTypes.BOOKING_MADE, "b1", march(1, 0));
        record(t, EventTypes.BOOKING_MADE, "b2", Instant.parse("2026-04-01T03:59:59Z"));
        record(t, EventTypes.BOOKING_MADE, "b3", march(10, 12));
        record(t, EventTypes.BOOKING_MADE, "b4", march(10, 13));
        record(t, EventTypes.BOOKING_MADE, "b5", march(11, 14));
        record(t, EventTypes.BOOKING_MADE, "x1", Instant.parse("2026-03-01T04:59:59Z"));
        record(t, EventTypes.BOOKING_MADE, "x2", Instant.parse("2026-04-01T04:00:00Z"));
        record(t, EventTypes.BOOKING_CANCELLED, "b3", march(12, 9));
        record(t, EventTypes.BOOKING_NO_SHOW, "b4", march(13, 9));
        // quotes: 3 created; q1 sent twice (the last send counts), q2 sent in euros; q1 accepted, invoiced and paid
        for (String quote : List.of("q1", "q2", "q3")) {
            record(t, EventTypes.QUOTE_CREATED, quote, march(5, 9), money("1000", "USD"));
        }
        record(t, EventTypes.QUOTE_SENT, "q1", march(5, 10), money("1000", "USD"));
        record(t, EventTypes.QUOTE_SENT, "q1", march(6, 10), money("1100", "USD"));
        record(t, EventTypes.QUOTE_SENT, "q2", march(6, 11), money("500", "EUR"));
        record(t, EventTypes.QUOTE_ACCEPTED, "q1", march(7, 10), money("1100", "USD"));
        record(t, EventTypes.INVOICE_ISSUED, "i1", march(8, 10), withQuote(money("1100", "USD"), "q1"));
        record(t, EventTypes.INVOICE_ISSUED, "i2", march(8, 11), money("200", "USD"));
        record(t, EventTypes.INVOICE_PAID, "i1", march(9, 10), withQuote(money("1100", "USD"), "q1"));
        record(t, EventTypes.INVOICE_PAID, "i2", march(9, 11), money("200", "USD"));
        record(t, EventTypes.INVOICE_VOIDED, "i3", march(9, 12));
        // calls: 3.5 minutes, two answered with a cost, a voicemail without
        record(t, EventTypes.CALL_ENDED, "k1", march(14, 9), Map.of("duration_seconds", 120, "outcome", "answered",
                "cost_amount", new BigDecimal("0.50"), "cost_currency", "USD"));
        record(t, EventTypes.CALL_ENDED, "k2", march(14, 10), Map.of("duration_seconds", 60, "outcome", "answered",
                "cost_amount", new BigDecimal("0.25"), "cost_currency", "USD"));
        record(t, EventTypes.CALL_ENDED, "k3", march(14, 11), Map.of("duration_seconds", 30, "outcome", "voicemail"));
        // tickets: t0 opened in February and still open, t1 resolved late, t2 resolved in time, t3 open
        record(t, EventTypes.TICKET_OPENED, "t0", Instant.parse("2026-02-20T12:00:00Z"));
        for (String ticket : List.of("t1", "t2", "t3")) {
            record(t, EventTypes.TICKET_OPENED, ticket, march(15, 9));
        }
        record(t, EventTypes.TICKET_RESOLVED, "t1", march(16, 9), Map.of("sla_breached", true));
        record(t, EventTypes.TICKET_RESOLVED, "t2", march(16, 10), Map.of("sla_breached", false));
        // helpdesk: 3 grounded answers of 4, one question without an answer
        for (int ms : new int[]{100, 200, 300}) {
            record(t, EventTypes.HELPDESK_ANSWERED, "h1", march(17, 9), Map.of("grounded", true, "latency_ms", ms,
                    "tokens", 50));
        }
        record(t, EventTypes.HELPDESK_ANSWERED, "h2", march(17, 10), Map.of("grounded", false, "latency_ms", 900,
                "tokens", 80, "question", "Can I pay in bitcoin?"));
        record(t, EventTypes.HELPDESK_UNANSWERED, "h3", march(17, 11), Map.of("question", "Is there parking?"));
        // email
        record(t, EventTypes.EMAIL_RECEIVED, "e1", march(18, 9));
        record(t, EventTypes.EMAIL_RECEIVED, "e2", march(18, 10));
        record(t, EventTypes.EMAIL_PARSED, "e1", march(18, 9));
    }

    private static Map<String, Object> money(String amount, String currency) {
        return Map.of("total_amount", new BigDecimal(amount), "total_currency", currency);
    }

    private static Map<String, Object> withQuote(Map<String, Object> properties, String quote) {
        Map<String, Object> result = new java.util.HashMap<>(properties);
        result.put("quote_id", quote);
        return result;
    }

    @Test
    void everyNumberOfTheSummaryComesFromTheEventsOfThePeriodInTheTenantsZone() {
        TenantId tenant = newTenant("America/New_York");
        fixture(tenant);

        assertThat(summary(tenant, "?from=2026-03-01&to=2026-03-31")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.from").isEqualTo("2026-03-01T05:00:00Z");
            assertThat(json).extractingPath("$.to").isEqualTo("2026-04-01T04:00:00Z");
            assertThat(json).extractingPath("$.time_zone").isEqualTo("America/New_York");

            assertThat(json).extractingPath("$.conversations.conversations").isEqualTo(3);
            assertThat(json).extractingPath("$.conversations.messages_received").isEqualTo(6);
            assertThat(json).extractingPath("$.conversations.messages_answered").isEqualTo(4);
            assertThat(json).extractingPath("$.conversations.unanswered").isEqualTo(1);
            assertThat(json).extractingPath("$.conversations.bot_answer_rate").isEqualTo(0.8);
            assertThat(json).extractingPath("$.conversations.median_first_response_ms").isEqualTo(2500);
            assertThat(json).extractingPath("$.conversations.hand_overs").isEqualTo(2);

            assertThat(json).extractingPath("$.bookings.made").isEqualTo(5);
            assertThat(json).extractingPath("$.bookings.cancelled").isEqualTo(1);
            assertThat(json).extractingPath("$.bookings.no_shows").isEqualTo(1);
            assertThat(json).extractingPath("$.bookings.no_show_rate").isEqualTo(0.2);

            assertThat(json).extractingPath("$.quotes.created").isEqualTo(3);
            assertThat(json).extractingPath("$.quotes.sent").isEqualTo(2);
            assertThat(json).extractingPath("$.quotes.accepted").isEqualTo(1);
            assertThat(json).extractingPath("$.quotes.invoiced").isEqualTo(1);
            assertThat(json).extractingPath("$.quotes.paid").isEqualTo(1);
            assertThat(json).extractingPath("$.quotes.sent_value").isEqualTo(List.of(
                    Map.of("currency", "EUR", "amount", 500.00), Map.of("currency", "USD", "amount", 1100.00)));
            assertThat(json).extractingPath("$.quotes.accepted_value[0].amount").isEqualTo(1100.00);
            assertThat(json).extractingPath("$.quotes.invoiced_value").isEqualTo(List.of(
                    Map.of("currency", "USD", "amount", 1100.00)));
            assertThat(json).extractingPath("$.quotes.paid_value[0].amount").isEqualTo(1100.00);
            assertThat(json).extractingPath("$.quotes.acceptance_rate").isEqualTo(0.5);
            assertThat(json).extractingPath("$.quotes.invoice_rate").isEqualTo(1.0);
            assertThat(json).extractingPath("$.quotes.payment_rate").isEqualTo(1.0);

            assertThat(json).extractingPath("$.invoices.issued").isEqualTo(2);
            assertThat(json).extractingPath("$.invoices.paid").isEqualTo(2);
            assertThat(json).extractingPath("$.invoices.voided").isEqualTo(1);
            assertThat(json).extractingPath("$.invoices.issued_value[0].amount").isEqualTo(1300.00);
            assertThat(json).extractingPath("$.revenue").isEqualTo(List.of(Map.of("currency", "USD",
                    "amount", 1300.00)));

            assertThat(json).extractingPath("$.calls.count").isEqualTo(3);
            assertThat(json).extractingPath("$.calls.minutes").isEqualTo(3.5);
            assertThat(json).extractingPath("$.calls.outcomes").isEqualTo(Map.of("answered", 2, "voicemail", 1));
            assertThat(json).extractingPath("$.calls.cost").isEqualTo(List.of(Map.of("currency", "USD",
                    "amount", 0.75)));

            assertThat(json).extractingPath("$.tickets.opened").isEqualTo(3);
            assertThat(json).extractingPath("$.tickets.resolved").isEqualTo(2);
            assertThat(json).extractingPath("$.tickets.open").isEqualTo(2);
            assertThat(json).extractingPath("$.tickets.sla_breaches").isEqualTo(1);

            assertThat(json).extractingPath("$.helpdesk.answers").isEqualTo(4);
            assertThat(json).extractingPath("$.helpdesk.grounded").isEqualTo(3);
            assertThat(json).extractingPath("$.helpdesk.unanswered").isEqualTo(1);
            assertThat(json).extractingPath("$.helpdesk.grounded_rate").isEqualTo(0.75);
            assertThat(json).extractingPath("$.helpdesk.median_latency_ms").isEqualTo(250);
            assertThat(json).extractingPath("$.helpdesk.tokens").isEqualTo(230);

            assertThat(json).extractingPath("$.emails.received").isEqualTo(2);
            assertThat(json).extractingPath("$.emails.parsed").isEqualTo(1);
        });
    }

    @Test
    void aTenantWithoutEventsGetsZeroEverywhere() {
        TenantId tenant = newTenant("Asia/Beirut");
        assertThat(summary(tenant, "")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.conversations.conversations").isEqualTo(0);
            assertThat(json).extractingPath("$.conversations.bot_answer_rate").isEqualTo(0.0);
            assertThat(json).extractingPath("$.conversations.median_first_response_ms").isEqualTo(0);
            assertThat(json).extractingPath("$.quotes.acceptance_rate").isEqualTo(0.0);
            assertThat(json).extractingPath("$.quotes.sent_value").asArray().isEmpty();
            assertThat(json).extractingPath("$.revenue").asArray().isEmpty();
            assertThat(json).extractingPath("$.calls.minutes").isEqualTo(0.0);
            assertThat(json).extractingPath("$.calls.outcomes").isEqualTo(Map.of());
            assertThat(json).extractingPath("$.tickets.open").isEqualTo(0);
            assertThat(json).extractingPath("$.helpdesk.grounded_rate").isEqualTo(0.0);
            assertThat(json).extractingPath("$.emails.received").isEqualTo(0);
            assertThat(json).extractingPath("$.time_zone").isEqualTo("Asia/Beirut");
        });
    }

    @Test
    void anotherTenantsEventsNeverCount() {
        TenantId owner = newTenant("America/New_York");
        fixture(owner);
        TenantId other = newTenant("America/New_York");
        assertThat(summary(other, "?from=2026-03-01&to=2026-03-31")).hasStatusOk().bodyJson()
                .extractingPath("$.bookings.made").isEqualTo(0);
    }

    @Test
    void midnightBelongsToTheDayItStartsInTheTenantsZone() {
        TenantId tokyo = newTenant("Asia/Tokyo");
        // 15:00 UTC on 9 March is midnight of 10 March in Tokyo
        record(tokyo, EventTypes.BOOKING_MADE, "a", Instant.parse("2026-03-09T14:59:59Z"));
        record(tokyo, EventTypes.BOOKING_MADE, "b", Instant.parse("2026-03-09T15:00:00Z"));
        record(tokyo, EventTypes.BOOKING_MADE, "c", Instant.parse("2026-03-10T14:59:59Z"));
        assertThat(summary(tokyo, "?from=2026-03-10&to=2026-03-10")).hasStatusOk().bodyJson()
                .extractingPath("$.bookings.made").isEqualTo(2);
        assertThat(summary(tokyo, "?from=2026-03-09&to=2026-03-09")).hasStatusOk().bodyJson()
                .extractingPath("$.bookings.made").isEqualTo(1);
        assertThat(summary(tokyo, "?from=2026-03-09T15:00:00Z&to=2026-03-09T15:00:01Z")).hasStatusOk()
                .bodyJson().extractingPath("$.bookings.made").isEqualTo(1);
    }

    @Test
    void inAZoneHalfAnHourOffUtcTheHoursADayOnlyPartlyCoversAreReadFromTheEvents() {
        TenantId kolkata = newTenant("Asia/Kolkata");
        // 10 March in Kolkata (UTC+05:30) runs from 18:30 UTC on the 9th to 18:30 UTC on the 10th
        record(kolkata, EventTypes.BOOKING_MADE, "out-1", Instant.parse("2026-03-09T18:29:59Z"));
        record(kolkata, EventTypes.BOOKING_MADE, "in-1", Instant.parse("2026-03-09T18:30:00Z"));
        record(kolkata, EventTypes.BOOKING_MADE, "in-2", Instant.parse("2026-03-09T18:45:00Z"));
        record(kolkata, EventTypes.BOOKING_MADE, "in-3", Instant.parse("2026-03-10T10:00:00Z"));
        record(kolkata, EventTypes.BOOKING_MADE, "in-4", Instant.parse("2026-03-10T18:15:00Z"));
        record(kolkata, EventTypes.BOOKING_MADE, "out-2", Instant.parse("2026-03-10T18:30:00Z"));
        record(kolkata, EventTypes.TICKET_OPENED, "t1", Instant.parse("2026-03-10T18:20:00Z"));
        record(kolkata, EventTypes.TICKET_OPENED, "t2", Instant.parse("2026-03-10T18:40:00Z"));

        assertThat(summary(kolkata, "?from=2026-03-10&to=2026-03-10")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.bookings.made").isEqualTo(4);
            assertThat(json).extractingPath("$.tickets.opened").isEqualTo(1);
            assertThat(json).extractingPath("$.tickets.open").isEqualTo(1);
        });
    }

    @Test
    void rebuildingTheHourlySumsFromTheEventsChangesNothing() throws Exception {
        TenantId tenant = newTenant("America/New_York");
        fixture(tenant);
        String before = summary(tenant, "?from=2026-03-01&to=2026-03-31").getResponse().getContentAsString();
        long hours = jdbc.sql("select count(*) from analytics_hourly where tenant_id = ?").param(tenant.value())
                .query(Long.class).single();

        assertThat(rollups.rebuild(tenant)).isEqualTo(hours);
        assertThat(summary(tenant, "?from=2026-03-01&to=2026-03-31").getResponse().getContentAsString())
                .isEqualTo(before);
    }

    @Test
    void badPeriodsNameTheFieldAndTokensAreRequired() {
        TenantId tenant = newTenant("UTC");
        assertThat(summary(tenant, "?from=last-week")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("from");
        assertThat(summary(tenant, "?from=2026-03-02&to=2026-03-01")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
        assertThat(summary(tenant, "?from=2016-01-01&to=2026-01-01")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("to");
        assertThat(mvc.get().uri("/api/v1/analytics/summary")).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}

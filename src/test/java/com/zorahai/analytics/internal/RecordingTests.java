package com.zorahai.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.analytics.AnalyticsTestSupport;
import com.zorahai.analytics.bigquery.BigQueryExportProperties;
import com.zorahai.crm.ClientId;
import com.zorahai.email.InboundEmailReceived;
import com.zorahai.intake.InboundEmailParsed;
import com.zorahai.invoicing.InvoiceId;
import com.zorahai.invoicing.InvoiceIssued;
import com.zorahai.invoicing.InvoicePaid;
import com.zorahai.invoicing.InvoiceVoided;
import com.zorahai.platform.Money;
import com.zorahai.quoting.QuoteAccepted;
import com.zorahai.quoting.QuoteCreated;
import com.zorahai.quoting.QuoteId;
import com.zorahai.quoting.QuoteSent;
import com.zorahai.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every event type is recorded once, however often its source event is delivered.
 */
class RecordingTests extends AnalyticsTestSupport {

    private static final Instant AT = Instant.parse("2026-11-20T09:30:00Z");

    // the listeners without their asynchronous proxies: each call is one delivery, done when it returns
    private QuotingListener quoting;
    private InvoicingListener invoicing;
    private EmailListener email;

    @Autowired
    void listeners(QuotingListener quoting, InvoicingListener invoicing, EmailListener email) {
        this.quoting = AopTestUtils.getUltimateTargetObject(quoting);
        this.invoicing = AopTestUtils.getUltimateTargetObject(invoicing);
        this.email = AopTestUtils.getUltimateTargetObject(email);
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @Test
    void eachSourceEventDeliveredTwiceIsRecordedOnce() {
        TenantId tenant = newTenant("UTC");
        QuoteId quote = QuoteId.of(UUID.randomUUID());
        ClientId client = ClientId.random();
        InvoiceId invoice = InvoiceId.random();
        Money total = Money.of("1200.005", "USD");
        for (int delivery = 0; delivery < 2; delivery++) {
            quoting.on(new QuoteCreated(tenant, quote, "Q-000001", client, total, AT));
            quoting.on(new QuoteSent(tenant, quote, "Q-000001", client, total, AT.plusSeconds(60)));
            quoting.on(new QuoteAccepted(tenant, quote, "Q-000001", 1, client, AT.plusSeconds(120)));
            invoicing.on(new InvoiceIssued(tenant, invoice, "INV-000001", client, quote, total,
                    LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 4), AT.plusSeconds(180)));
            invoicing.on(new InvoicePaid(tenant, invoice, "INV-000001", client, total, AT.plusSeconds(240)));
            invoicing.on(new InvoiceVoided(tenant, InvoiceId.of(new UUID(0, 1)), "INV-000002", client, AT));
            email.on(new InboundEmailReceived(tenant, new UUID(1, 2), "<m1@example.com>"));
            email.on(new InboundEmailParsed(tenant, new UUID(1, 2), "new_travel_request", "new_request",
                    "needs_review", "rules", null, List.of("check_in"), AT, AT.plusMillis(840)));
            // the other sources call the recorder the same way, with their own key
            for (String type : List.of(EventTypes.TICKET_OPENED, EventTypes.TICKET_RESOLVED,
                    EventTypes.CALL_ENDED, EventTypes.WHATSAPP_MESSAGE_RECEIVED, EventTypes.WHATSAPP_MESSAGE_ANSWERED,
                    EventTypes.WHATSAPP_UNANSWERED, EventTypes.WHATSAPP_HANDED_OVER, EventTypes.BOOKING_MADE,
                    EventTypes.BOOKING_CANCELLED, EventTypes.BOOKING_NO_SHOW, EventTypes.HELPDESK_ANSWERED,
                    EventTypes.HELPDESK_UNANSWERED)) {
                boolean added = recorder.record(tenant, type, "s-1", type + ":source-1",
                        Map.of("question", "Do you treat tattoos?"), AT);
                assertThat(added).as("%s delivery %d", type, delivery + 1).isEqualTo(delivery == 0);
            }
        }

        for (String type : EventTypes.ALL) {
            assertThat(count(tenant, type)).as(type).isEqualTo(1);
        }
        assertThat(properties(tenant, EventTypes.EMAIL_PARSED)).containsEntry("classification", "new_travel_request")
                .containsEntry("outcome", "new_request").containsEntry("status", "needs_review")
                .containsEntry("engine", "rules").containsEntry("doubtful_fields", 1).containsEntry("parse_ms", 840)
                .doesNotContainKey("model");
        assertThat(jdbc.sql("select count(*) from unanswered_questions where tenant_id = ?").param(tenant.value())
                .query(Long.class).single()).as("questions filed once").isEqualTo(2);
        assertThat(meters.get("zorah.analytics.events").tag("tenant", tenant.value()).tag("type", "quote.sent")
                .counter().count()).isEqualTo(1.0);
        assertThat(meters.get("zorah.analytics.revenue").tag("tenant", tenant.value()).tag("currency", "USD")
                .counter().count()).isEqualTo(1200.0);
    }

    @Test
    void propertiesCarryMoneyRoundedAndThePaymentKnowsItsQuote() {
        TenantId tenant = newTenant("UTC");
        QuoteId quote = QuoteId.of(UUID.randomUUID());
        InvoiceId invoice = InvoiceId.random();
        invoicing.on(new InvoiceIssued(tenant, invoice, "INV-000009", null, quote, Money.of("99.999", "USD"),
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 4), AT));
        invoicing.on(new InvoicePaid(tenant, invoice, "INV-000009", null, Money.of("100", "USD"), AT));

        Map<String, Object> paid = properties(tenant, EventTypes.INVOICE_PAID);
        assertThat(paid).containsEntry("quote_id", quote.toString()).containsEntry("total_currency", "USD")
                .containsEntry("number", "INV-000009").doesNotContainKey("client_id");
        assertThat(amount(tenant, EventTypes.INVOICE_PAID)).isEqualTo("100.00");
        assertThat(amount(tenant, EventTypes.INVOICE_ISSUED)).isEqualTo("100.00");
    }

    @Test
    void publishedEventsReachTheListenersAfterCommitAndRedeliveryAddsNothing() {
        TenantId tenant = newTenant("UTC");
        QuoteCreated created = new QuoteCreated(tenant, QuoteId.of(UUID.randomUUID()), "Q-000002", null,
                Money.of("10", "USD"), AT);
        // the second publication is what the registry does after a crash: the same event, delivered again
        for (int delivery = 0; delivery < 2; delivery++) {
            transactions.executeWithoutResult(s -> events.publishEvent(created));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(count(tenant, EventTypes.QUOTE_CREATED)).isEqualTo(1);
                assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                        .param("%" + tenant.value() + "%").query(Long.class).single()).isZero();
            });
        }
        assertThat(jdbc.sql("select events from analytics_hourly where tenant_id = ?").param(tenant.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void whileTheExportIsOnNewEventsAreQueuedForBigQuery(@Autowired AnalyticsEventStore store,
            @Autowired Rollups rollups, @Autowired UnansweredGroups groups, @Autowired AnalyticsMetrics metrics) {
        TenantId tenant = newTenant("UTC");
        AnalyticsRecorder exporting = new AnalyticsRecorder(store, rollups, groups, metrics,
                new BigQueryExportProperties(
                        "zorah-prod-1", "events", true, "https://bigquery.googleapis.com", null, Duration.ofSeconds(20),
                        3,
                        false, 500, 20, Duration.ofSeconds(60), true));
        assertThat(exporting.record(tenant, EventTypes.BOOKING_MADE, "b", "booking-made:b", Map.of(), AT)).isTrue();
        assertThat(exporting.record(tenant, EventTypes.BOOKING_MADE, "b", "booking-made:b", Map.of(), AT)).isFalse();
        recorder.record(tenant, EventTypes.BOOKING_MADE, "c", "booking-made:c", Map.of(), AT);

        assertThat(jdbc.sql("select count(*) from analytics_export_queue where tenant_id = ?").param(tenant.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEventNeedsATypeAndASourceKey() {
        TenantId tenant = newTenant("UTC");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> recorder.record(tenant, " ", "s", "k", Map.of(), AT));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> recorder.record(tenant, "booking.made", "s", null, Map.of(), AT));
        assertThat(recorder.record(tenant, "booking.made", null, "k", null, AT)).isTrue();
    }

    private String amount(TenantId tenant, String type) {
        return jdbc.sql("select properties->>'total_amount' from analytics_events where tenant_id = ? and type = ?")
                .params(tenant.value(), type).query(String.class).single();
    }

    private Map<String, Object> properties(TenantId tenant, String type) {
        String json = jdbc.sql("select properties from analytics_events where tenant_id = ? and type = ?")
                .params(tenant.value(), type).query(String.class).single();
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json,
                AnalyticsEventStore.PROPERTIES);
    }
}

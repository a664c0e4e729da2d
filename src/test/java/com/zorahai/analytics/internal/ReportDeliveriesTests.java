package com.zorahai.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.IntegrationTest;
import com.zorahai.analytics.QaPairSuggested;
import com.zorahai.analytics.TrainerReportReady;
import com.zorahai.assistant.UnansweredQuestion;
import com.zorahai.knowledge.Knowledge;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What analytics hands on: reports to the trainer's WhatsApp, Q&amp;A pairs to knowledge, bot misses to events. */
@IntegrationTest
class ReportDeliveriesTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenants tenants;

    @Autowired
    Knowledge knowledge;

    private TenantId tenant() {
        TenantId id = TenantId.of("deliver-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new NewTenant(id, "Delivery Clinic", Set.of(Tenant.Feature.WHATSAPP,
                Tenant.Feature.ANALYTICS)));
        return id;
    }

    private void publishTwice(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void theBotsUnansweredQuestionsAreCountedOnce() {
        TenantId tenant = tenant();
        UUID conversation = UUID.randomUUID();
        publishTwice(new UnansweredQuestion(tenant, conversation, "Do you remove tattoos?", "en",
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));

        await().atMost(Duration.ofSeconds(90)).until(() -> count(
                "select count(*) from analytics_events where tenant_id = ? and type = 'whatsapp.unanswered'",
                tenant.value()) == 1);
        assertThat(jdbc.sql("select properties ->> 'question' from analytics_events where tenant_id = ?")
                .param(tenant.value()).query(String.class).single()).isEqualTo("Do you remove tattoos?");
    }

    @Test
    void aSuggestedPairIsAddedToKnowledgeOnceEvenWhenDeliveredAgain() {
        TenantId tenant = tenant();
        UUID group = UUID.randomUUID();
        QaPairSuggested suggestion = new QaPairSuggested(tenant, group, "Do you treat on Sundays?",
                "No, we are closed on Sundays.", List.of("hours"), List.of(), null, Instant.now());
        // delivered, then delivered again once the first was handled (a redelivery after a crash)
        for (int delivery = 0; delivery < 2; delivery++) {
            transactions.executeWithoutResult(status -> events.publishEvent(suggestion));
            await().atMost(Duration.ofSeconds(90)).until(() -> count("select count(*) from event_publication"
                    + " where serialized_event like ? and completion_date is null", "%" + group + "%") == 0);
        }

        assertThat(count("select count(*) from knowledge_qa_pairs where tenant_id = ? and qa_key = ?", tenant.value(),
                "unanswered-" + group)).isEqualTo(1);
        assertThat(knowledge.search(tenant, "open on Sundays?", SearchOptions.top(1)).hits().get(0).key())
                .isEqualTo("unanswered-" + group);
    }

    @Test
    void theTrainersReportGoesToTheWhatsAppOutboxAsATemplateWhileTheWindowIsClosed() {
        TenantId tenant = tenant();
        UUID report = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(new TrainerReportReady(tenant, report,
                LocalDate.of(2026, 11, 22), "+96170123456", "Yesterday: 12 conversations, 3 bookings.",
                "daily_report", List.of("12", "3"))));

        await().atMost(Duration.ofSeconds(90)).until(() -> count(
                "select count(*) from whatsapp_outbox where tenant_id = ?", tenant.value()) == 1);
        assertThat(jdbc.sql("select payload::text from whatsapp_outbox where tenant_id = ?").param(tenant.value())
                .query(String.class).single()).contains("daily_report", "template");
    }
}

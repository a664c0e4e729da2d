package com.zorahai.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.TenantIsolation;
import com.zorahai.analytics.AnalyticsTestSupport;
import com.zorahai.analytics.QaPairSuggested;
import com.zorahai.analytics.UnansweredQuestion;
import com.zorahai.analytics.UnansweredQuestions;
import com.zorahai.analytics.internal.EventTypes;
import com.zorahai.identity.Role;
import com.zorahai.knowledge.Knowledge;
import com.zorahai.knowledge.KnowledgeHit;
import com.zorahai.knowledge.SearchOptions;
import com.zorahai.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Questions nobody could answer, grouped by similarity, and the one call that turns a group into a Q&amp;A pair.
 */
@RecordApplicationEvents
class UnansweredApiTests extends AnalyticsTestSupport {

    private static final String UNANSWERED = "/api/v1/analytics/unanswered";
    private static final Instant AT = Instant.parse("2026-06-01T09:00:00Z");

    @Autowired
    ApplicationEvents events;

    @Autowired
    UnansweredQuestions unanswered;

    @Autowired
    Knowledge knowledge;

    private void ask(TenantId tenant, String type, String question, Instant at) {
        record(tenant, type, "conversation-1", at, Map.of("question", question));
    }

    private MvcTestResult toQa(TenantId tenant, Object id, String body, Role role) {
        return mvc.post().uri(UNANSWERED + "/{id}:to-qa", id).header("Authorization", auth(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Test
    void similarQuestionsFromBothChannelsFormOneGroupTheMostAskedFirst() {
        TenantId tenant = newTenant("Asia/Beirut");
        ask(tenant, EventTypes.WHATSAPP_UNANSWERED, "Do you treat tattoos?", AT);
        ask(tenant, EventTypes.WHATSAPP_UNANSWERED, "do you treat TATTOO", AT.plusSeconds(60));
        ask(tenant, EventTypes.HELPDESK_UNANSWERED, "Do you treat tattoos???", AT.plusSeconds(120));
        ask(tenant, EventTypes.WHATSAPP_UNANSWERED, "كم سعر جلسة الليزر؟", AT.plusSeconds(180));
        ask(tenant, EventTypes.WHATSAPP_UNANSWERED, "ما هو سعر جلسة الليزر", AT.plusSeconds(240));
        ask(tenant, EventTypes.WHATSAPP_UNANSWERED, "Do you accept credit cards?", AT.plusSeconds(300));
        // an ungrounded helpdesk answer counts as unanswered; a grounded one does not
        record(tenant, EventTypes.HELPDESK_ANSWERED, "s", AT, Map.of("grounded", false, "question",
                "Do you accept credit card"));
        record(tenant, EventTypes.HELPDESK_ANSWERED, "s", AT, Map.of("grounded", true, "question",
                "Where is the clinic?"));

        assertThat(mvc.get().uri(UNANSWERED).header("Authorization", auth(tenant, Role.AGENT))).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(3);
                    assertThat(json).extractingPath("$.items[*].question").isEqualTo(List.of(
                            "Do you treat tattoos?", "Do you accept credit cards?", "كم سعر جلسة الليزر؟"));
                    assertThat(json).extractingPath("$.items[*].occurrences").isEqualTo(List.of(3, 2, 2));
                    assertThat(json).extractingPath("$.items[0].channels").isEqualTo(List.of("helpdesk",
                            "whatsapp"));
                    assertThat(json).extractingPath("$.items[0].examples").asArray().hasSize(3);
                    assertThat(json).extractingPath("$.items[0].examples[0]").isEqualTo("Do you treat tattoos???");
                    assertThat(json).extractingPath("$.items[0].status").isEqualTo("open");
                    assertThat(json).extractingPath("$.items[0].to_qa.method").isEqualTo("POST");
                    assertThat(json).extractingPath("$.items[0].to_qa.href").asString()
                            .matches("/api/v1/analytics/unanswered/[0-9a-f-]{36}:to-qa");
                });
        assertThat(unanswered.top(tenant, AT, AT.plusSeconds(200), 5)).extracting(UnansweredQuestion::question,
                UnansweredQuestion::occurrences).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Do you treat tattoos?", 3),
                        org.assertj.core.groups.Tuple.tuple("كم سعر جلسة الليزر؟", 1),
                        org.assertj.core.groups.Tuple.tuple("Do you accept credit cards?", 1));
    }

    @Test
    void toQaPublishesTheSuggestedPairResolvesTheGroupAndOnlyOnce() {
        TenantId tenant = newTenant("UTC");
        ask(tenant, EventTypes.WHATSAPP_UNANSWERED, "Is there parking near the clinic?", AT);
        ask(tenant, EventTypes.WHATSAPP_UNANSWERED, "is there parking near clinic", AT.plusSeconds(5));
        UUID id = unanswered.list(tenant, "open", 0, 10).items().getFirst().id();

        assertThat(toQa(tenant, id, """
                {"answer": " Yes, free parking behind the building. ", "tags": ["parking", "access", "parking"]}
                """, Role.CONSULTANT)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("resolved");
            assertThat(json).extractingPath("$.answer").isEqualTo("Yes, free parking behind the building.");
            assertThat(json).extractingPath("$.resolved_at").isNotNull();
            assertThat(json).extractingPath("$.to_qa").isNull();
        });
        assertThat(events.stream(QaPairSuggested.class)).singleElement().satisfies(pair -> {
            assertThat(pair.tenantId()).isEqualTo(tenant);
            assertThat(pair.groupId()).isEqualTo(id);
            assertThat(pair.question()).isEqualTo("Is there parking near the clinic?");
            assertThat(pair.answer()).isEqualTo("Yes, free parking behind the building.");
            assertThat(pair.tags()).containsExactly("parking", "access");
            assertThat(pair.sourceEventIds()).hasSize(2);
            assertThat(pair.suggestedBy()).isNotNull();
        });

        assertThat(toQa(tenant, id, "{\"answer\": \"again\"}", Role.ADMIN)).hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/unanswered-question-resolved");
        assertThat(events.stream(QaPairSuggested.class)).hasSize(1);
        // the pair reaches the tenant's knowledge, searchable, under the group's key
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(knowledge.search(tenant,
                "parking near the clinic", SearchOptions.top(1)).hits()).extracting(KnowledgeHit::key)
                .containsExactly("unanswered-" + id));
        assertThat(mvc.get().uri(UNANSWERED + "?status=resolved").header("Authorization",
                auth(tenant, Role.AGENT))).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(1);
        assertThat(mvc.get().uri(UNANSWERED + "?status=open").header("Authorization",
                auth(tenant, Role.AGENT))).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(0);

        // the same question asked again after the answer starts a new open group
        ask(tenant, EventTypes.WHATSAPP_UNANSWERED, "Is there parking?", AT.plusSeconds(600));
        assertThat(unanswered.list(tenant, "open", 0, 10).total()).isEqualTo(1);
    }

    @Test
    void toQaWithACustomQuestionAndInvalidBodies() {
        TenantId tenant = newTenant("UTC");
        ask(tenant, EventTypes.HELPDESK_UNANSWERED, "wifi password??", AT);
        UUID id = unanswered.list(tenant, null, 0, 10).items().getFirst().id();

        assertThat(toQa(tenant, id, "{\"answer\": \"  \"}", Role.OWNER)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("answer");
        assertThat(toQa(tenant, id, "{\"answer\": \"x\", \"tags\": [\"\"]}", Role.OWNER))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("tags[0]");
        assertThat(toQa(tenant, id, "{\"answer\": \"x\", \"colour\": \"red\"}", Role.OWNER))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(toQa(tenant, "not-a-uuid", "{\"answer\": \"x\"}", Role.OWNER)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
        assertThat(toQa(tenant, UUID.randomUUID(), "{\"answer\": \"x\"}", Role.OWNER))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(toQa(tenant, id, "{\"answer\": \"Ask at the desk.\"}", Role.AGENT))
                .hasStatus(HttpStatus.FORBIDDEN);

        assertThat(toQa(tenant, id, "{\"question\": \"What is the Wi-Fi password?\", \"answer\": \"Ask at the"
                + " desk.\"}", Role.OWNER)).hasStatusOk();
        assertThat(events.stream(QaPairSuggested.class)).singleElement().extracting(QaPairSuggested::question,
                QaPairSuggested::tags).containsExactly("What is the Wi-Fi password?", List.of());
        assertThat(mvc.get().uri(UNANSWERED + "?status=maybe").header("Authorization", auth(tenant, Role.AGENT)))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("status");
        assertThat(mvc.get().uri(UNANSWERED + "?size=0").header("Authorization", auth(tenant, Role.AGENT)))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("size");
    }

    @Test
    void anotherTenantCannotSeeOrResolveAGroup() {
        TenantId owner = newTenant("UTC");
        TenantId other = newTenant("UTC");
        ask(owner, EventTypes.WHATSAPP_UNANSWERED, "Do you open on Sundays?", AT);
        UUID id = unanswered.list(owner, null, 0, 10).items().getFirst().id();

        TenantIsolation.of(mvc, tokens).record(UNANSWERED + "/{id}", id).ownedBy(owner.value()).withoutUpdate()
                .withoutDelete().assertInvisibleTo(other.value());
        assertThat(toQa(other, id, "{\"answer\": \"Yes\"}", Role.ADMIN)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(UNANSWERED).header("Authorization", auth(other, Role.ADMIN))).hasStatusOk()
                .bodyJson().extractingPath("$.total").isEqualTo(0);
        assertThat(events.stream(QaPairSuggested.class)).isEmpty();
        assertThat(unanswered.find(owner, id)).get().extracting(UnansweredQuestion::status).isEqualTo("open");
    }
}

package com.zorahai.helpdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.zorahai.IntegrationTest;
import com.zorahai.TenantIsolation;
import com.zorahai.TestTokens;
import com.zorahai.helpdesk.HelpdeskAnswered;
import com.zorahai.helpdesk.HelpdeskHandoverRequested;
import com.zorahai.helpdesk.UnansweredQuestion;
import com.zorahai.identity.Role;
import com.zorahai.knowledge.Knowledge;
import com.zorahai.knowledge.NewQaPair;
import com.zorahai.tenancy.TenantId;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The staff helpdesk without OpenAI: answers from Q&A pairs and passages, refusals and hand-over. */
@IntegrationTest
@RecordApplicationEvents
class HelpdeskApiTests {

    static final String BASE = "/api/v1/helpdesk";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Knowledge knowledge;

    @Autowired
    ApplicationEvents events;

    String tenant;
    String agent;

    @BeforeEach
    void setUp() {
        tenant = "hd-" + UUID.randomUUID().toString().substring(0, 8);
        agent = tokens.bearer(tenant, Role.AGENT);
        TenantId id = TenantId.of(tenant);
        knowledge.addQa(id, NewQaPair.of("What are your opening hours?",
                "We are open Monday to Friday from 9 am to 7 pm, and Saturday from 9 am to 3 pm.", List.of()));
        knowledge.addQa(id, NewQaPair.of("Which payment methods do you accept?",
                "Cash in US dollars, Visa and Mastercard.", List.of()));
        mvc.post().uri("/api/v1/knowledge/documents").header("Authorization", tokens.bearer(tenant, Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        """
                                {"title": "Clinic guide", "format": "markdown", "text": "# Carbon laser peel\\nThe carbon laser peel refreshes dull skin and tightens pores. One session takes 30 minutes with no downtime. It costs $90 per session.\\n\\n# Aftercare\\nRedness is normal for a few hours. Avoid saunas, steam rooms and swimming pools for 48 hours after treatment. Wear SPF 50 every day."}""")
                .exchange();
    }

    static <T> T read(MvcTestResult result, String path) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), path);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcTestResult open(String message) {
        return mvc.post().uri(BASE + "/sessions").header("Authorization", agent).contentType(
                MediaType.APPLICATION_JSON).content(message == null ? "{}" : "{\"message\": \"" + message + "\"}")
                .exchange();
    }

    private MvcTestResult ask(String session, String message) {
        return mvc.post().uri(BASE + "/sessions/{id}/messages", session).header("Authorization", agent).contentType(
                MediaType.APPLICATION_JSON).content("{\"content\": \"" + message + "\"}").exchange();
    }

    @Test
    void aWellCoveredQuestionIsAnsweredByItsQaPairWithACitation() {
        MvcTestResult result = open("When are you open on Saturday?");

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(read(result, "$.answer.content").toString()).contains("Saturday from 9 am to 3 pm");
        assertThat((Boolean) read(result, "$.answer.grounded")).isTrue();
        assertThat(read(result, "$.answer.answer_type").toString()).isEqualTo("qa");
        assertThat(read(result, "$.answer.citations[0].kind").toString()).isEqualTo("qa");
        assertThat(read(result, "$.answer.citations[0].title").toString()).isEqualTo("What are your opening hours?");
        assertThat((Object) read(result, "$.answer.model")).isNull();
        assertThat((Integer) read(result, "$.answer.latency_ms")).isNotNegative();
        assertThat(events.stream(HelpdeskAnswered.class).filter(e -> e.tenantId().value().equals(tenant)))
                .singleElement().satisfies(e -> {
                    assertThat(e.grounded()).isTrue();
                    assertThat(e.answerType()).isEqualTo("qa");
                    assertThat(e.model()).isNull();
                });
    }

    @Test
    void aQuestionAnsweredByAPassageGetsItsBestSentencesAndTheChunkAsCitation() {
        String session = read(open(null), "$.id");

        MvcTestResult result = ask(session, "How long should I avoid saunas after treatment?");

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(read(result, "$.answer.answer_type").toString()).isEqualTo("extractive");
        assertThat(read(result, "$.answer.content").toString()).isEqualTo(
                "Avoid saunas, steam rooms and swimming pools for 48 hours after treatment.");
        assertThat(read(result, "$.answer.citations[0].heading_path[0]").toString()).isEqualTo("Aftercare");
        assertThat(read(result, "$.answer.citations[0].id").toString()).endsWith(":1");
        assertThat((Integer) read(result, "$.answer.citations[0].start")).isPositive();
    }

    @Test
    void aFollowUpIsSearchedWithThePreviousQuestion() {
        String session = read(open("How much is the carbon laser peel?"), "$.session.id");

        MvcTestResult followUp = ask(session, "How long does it take?");

        assertThat(read(followUp, "$.answer.search_query").toString()).isEqualTo(
                "How much is the carbon laser peel? How long does it take?");
        assertThat(read(followUp, "$.answer.content").toString()).contains("30 minutes");
        MvcTestResult conversation = mvc.get().uri(BASE + "/sessions/{id}", session).header("Authorization", agent)
                .exchange();
        assertThat(read(conversation, "$.messages.length()").toString()).isEqualTo("4");
        assertThat(read(conversation, "$.messages[*].role").toString()).isEqualTo(
                "[\"customer\",\"assistant\",\"customer\",\"assistant\"]");
    }

    @Test
    void noGroundingMeansIDontKnowAnOfferAndOnYesAHandover() {
        MvcTestResult refused = open("Do you sell pizza?");

        assertThat((Boolean) read(refused, "$.answer.grounded")).isFalse();
        assertThat(read(refused, "$.answer.answer_type").toString()).isEqualTo("not_found");
        assertThat((Boolean) read(refused, "$.answer.handover_offered")).isTrue();
        assertThat(read(refused, "$.answer.content").toString()).contains("don't know", "team");
        assertThat(events.stream(UnansweredQuestion.class).filter(e -> e.tenantId().value().equals(tenant)))
                .singleElement().satisfies(e -> assertThat(e.question()).isEqualTo("Do you sell pizza?"));

        String session = read(refused, "$.session.id");
        MvcTestResult yes = ask(session, "Yes please!");

        assertThat(read(yes, "$.answer.answer_type").toString()).isEqualTo("handover");
        assertThat(read(yes, "$.session.status").toString()).isEqualTo("handed_over");
        assertThat(events.stream(HelpdeskHandoverRequested.class).filter(e -> e.tenantId().value().equals(tenant)))
                .singleElement().satisfies(e -> {
                    assertThat(e.sessionId().toString()).isEqualTo(session);
                    assertThat(e.question()).isEqualTo("Do you sell pizza?");
                    assertThat(e.transcriptSummary()).startsWith("Customer: Do you sell pizza?").contains(
                            "Assistant: I'm sorry");
                });
    }

    @Test
    void staffCanHandOverWithTheCustomersContact() {
        String session = read(open("Can I bring my dog?"), "$.session.id");

        MvcTestResult handover = mvc.post().uri(BASE + "/sessions/{id}/handover", session).header("Authorization",
                agent).contentType(MediaType.APPLICATION_JSON).content(
                        "{\"customer_name\": \"Lina Haddad\", \"customer_email\": \"lina@example.com\"}")
                .exchange();

        assertThat(handover).hasStatusOk();
        assertThat(read(handover, "$.session.customer_email").toString()).isEqualTo("lina@example.com");
        assertThat(events.stream(HelpdeskHandoverRequested.class).filter(e -> e.tenantId().value().equals(tenant)))
                .singleElement().satisfies(e -> {
                    assertThat(e.customerName()).isEqualTo("Lina Haddad");
                    assertThat(e.customerEmail()).isEqualTo("lina@example.com");
                    assertThat(e.question()).isEqualTo("Can I bring my dog?");
                });
        assertThat(mvc.post().uri(BASE + "/sessions/{id}/handover", session).header("Authorization", agent)
                .contentType(MediaType.APPLICATION_JSON).content("{\"customer_email\": \"not-an-email\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void sessionsAreListedAndInvisibleToOtherTenants() {
        String session = read(open("What are your opening hours?"), "$.session.id");
        MvcTestResult list = mvc.get().uri(BASE + "/sessions").header("Authorization", agent).exchange();
        assertThat(read(list, "$.total").toString()).isEqualTo("1");

        TenantIsolation.of(mvc, tokens).record(BASE + "/sessions/{id}", session).ownedBy(tenant).withoutUpdate()
                .withoutDelete().assertInvisibleTo("hd-other-" + tenant.substring(3));
        assertThat(mvc.post().uri(BASE + "/sessions/{id}/messages", session).header("Authorization", tokens.bearer(
                "hd-other-" + tenant.substring(3), Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content(
                        "{\"content\": \"hi\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void badMessagesAreProblemsNamingTheField() {
        String session = read(open(null), "$.id");
        MvcTestResult empty = ask(session, " ");
        assertThat(empty).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(read(empty, "$.errors[0].field").toString()).isEqualTo("content");
        assertThat(ask(session, "x".repeat(4001))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ask("not-a-session", "hi")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void usageReportsAnswersAndTokensPerModel() {
        open("What are your opening hours?");
        MvcTestResult usage = mvc.get().uri(BASE + "/usage").header("Authorization", tokens.bearer(tenant,
                Role.OWNER)).exchange();

        assertThat(usage).hasStatusOk();
        assertThat(read(usage, "$.models[0].model").toString()).isEqualTo("none");
        assertThat(read(usage, "$.models[0].answers").toString()).isEqualTo("1");
        assertThat(mvc.get().uri(BASE + "/usage?from=yesterday").header("Authorization", tokens.bearer(tenant,
                Role.OWNER))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri(BASE + "/usage").header("Authorization", agent)).hasStatus(HttpStatus.FORBIDDEN);
    }
}

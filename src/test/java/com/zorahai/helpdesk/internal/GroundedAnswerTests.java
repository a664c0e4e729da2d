package com.zorahai.helpdesk.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.zorahai.IntegrationTest;
import com.zorahai.ai.OpenAiStub;
import com.zorahai.ai.openai.OpenAiChat;
import com.zorahai.helpdesk.HelpdeskAnswered;
import com.zorahai.knowledge.Knowledge;
import com.zorahai.knowledge.NewQaPair;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Answers written by an OpenAI chat model (a Chat Completions fake) from the retrieved sources. */
@IntegrationTest
@RecordApplicationEvents
class GroundedAnswerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Knowledge knowledge;

    @Autowired
    Tenants tenants;

    @Autowired
    HelpdeskProperties properties;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HelpdeskStore store;

    @Autowired
    com.zorahai.knowledge.internal.KnowledgeService knowledgeService;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    ApplicationEvents events;

    WireMockServer openai;
    OpenAIClient client;
    Answerer answerer;
    TenantId tenant;

    @BeforeEach
    void setUp() {
        openai = new WireMockServer(wireMockConfig().dynamicPort());
        openai.start();
        client = OpenAIOkHttpClient.builder().apiKey("sk-test").baseUrl(openai.baseUrl() + "/v1").timeout(Duration
                .ofSeconds(20)).maxRetries(0).build();
        answerer = new Answerer(knowledge, tenants, new OpenAiChat(client), properties, meters);
        tenant = TenantId.of("llm-" + UUID.randomUUID().toString().substring(0, 8));
        knowledge.addQa(tenant, NewQaPair.of("How much is full legs laser hair removal?",
                "Full legs laser hair removal is $150 per session.", List.of()));
        knowledge.addQa(tenant, NewQaPair.of("Which payment methods do you accept?",
                "Cash in US dollars, Visa and Mastercard.", List.of()));
    }

    @AfterEach
    void stop() {
        client.close();
        openai.stop();
    }

    private void modelAnswers(String answer, boolean grounded, List<String> citations) {
        String content = JSON.writeValueAsString(java.util.Map.of("answer", answer, "grounded", grounded,
                "citations", citations));
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("grounded_answer"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(OpenAiStub
                        .completion(content))));
    }

    @Test
    void theModelAnswersFromTheSourcesInTheTenantsStyleAndCitesThem() {
        modelAnswers("Full legs are $150 per session.", true, List.of("S1"));

        Answer answer = answerer.answer(tenant, List.of(), "What does laser on the full legs cost?");

        assertThat(answer.grounded()).isTrue();
        assertThat(answer.type()).isEqualTo("llm");
        assertThat(answer.text()).isEqualTo("Full legs are $150 per session.");
        assertThat(answer.citations()).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("How much is full legs laser hair removal?");
            assertThat(c.kind()).isEqualTo("qa");
            assertThat(c.snippet()).contains("$150");
        });
        assertThat(answer.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(answer.usage().promptTokens()).isEqualTo(812);
        assertThat(answer.usage().completionTokens()).isEqualTo(240);
        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("grounded_answer")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("using ONLY the numbered")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(
                        "[S1] How much is full legs laser hair removal?")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(
                        "Customer's question: What does laser on the full legs cost?"))));
    }

    @Test
    void theStyleGuideGoesIntoTheInstructions() {
        knowledgeService.saveStyleGuide(tenant, "Always sign off with: Warm regards, Demo Clinic.");
        modelAnswers("$150. Warm regards, Demo Clinic.", true, List.of("S1"));

        answerer.answer(tenant, List.of(), "full legs price");

        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath(
                "$.messages[0].content", containing("Style guide:\nAlways sign off with: Warm regards"))));
    }

    @Test
    void whenTheModelSaysTheSourcesDoNotHoldTheAnswerItIsARefusal() {
        modelAnswers("I don't know.", false, List.of());

        Answer answer = answerer.answer(tenant, List.of(), "Do you accept payment in bitcoin for laser?");

        assertThat(answer.grounded()).isFalse();
        assertThat(answer.type()).isEqualTo("not_found");
        assertThat(answer.handoverOffered()).isTrue();
        assertThat(answer.citations()).isEmpty();
        // the tokens of the refused call still count
        assertThat(answer.usage().totalTokens()).isEqualTo(1052);
    }

    @Test
    void citationsOutsideTheSourcesDoNotCount() {
        modelAnswers("Full legs are $150.", true, List.of("S9", "source 1"));

        Answer answer = answerer.answer(tenant, List.of(), "full legs laser price");

        assertThat(answer.grounded()).isFalse();
    }

    @Test
    void whenTheModelFailsTheOfflineAnswerStandsIn() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)));

        Answer answer = answerer.answer(tenant, List.of(), "How much is full legs laser hair removal?");

        assertThat(answer.type()).isEqualTo("qa");
        assertThat(answer.text()).contains("$150");
        assertThat(answer.model()).isNull();
    }

    @Test
    void aFollowUpIsRewrittenByTheModelBeforeRetrieval() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("standalone question"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(OpenAiStub.completion(
                        "Which payment methods do you accept?"))));
        modelAnswers("Cash, Visa and Mastercard.", true, List.of("S1"));

        Answer answer = answerer.answer(tenant, List.of(new Answer.Turn("customer", "How much are full legs?"),
                new Answer.Turn("assistant", "Full legs are $150 per session.")), "Can I pay with that card thing?");

        assertThat(answer.searchQuery()).isEqualTo("Which payment methods do you accept?");
        assertThat(answer.citations().get(0).title()).isEqualTo("Which payment methods do you accept?");
        // both calls are counted
        assertThat(answer.usage().totalTokens()).isEqualTo(2 * 1052);
        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath(
                "$.messages[1].content", containing("Conversation so far:\nCustomer: How much are full legs?"))));
    }

    @Test
    void eachAnswerRecordsItsSourcesLatencyModelAndTokens() {
        modelAnswers("Full legs are $150 per session.", true, List.of("S1"));
        HelpdeskService service = new HelpdeskService(store, answerer, transactions, publisher, knowledge);
        HelpdeskStore.Session session = service.open(tenant, "staff", null, null);

        HelpdeskService.Exchange exchange = service.ask(tenant, session.id().toString(), "full legs laser price?");

        HelpdeskStore.Message stored = store.messages(tenant, session.id()).get(1);
        assertThat(stored.id()).isEqualTo(exchange.answer().id());
        assertThat(stored.usedChunkIds()).hasSize(1);
        assertThat(stored.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(stored.promptTokens()).isEqualTo(812);
        assertThat(stored.completionTokens()).isEqualTo(240);
        assertThat(stored.latencyMs()).isNotNull().isNotNegative();
        assertThat(stored.citations()).hasSize(1);
        assertThat(events.stream(HelpdeskAnswered.class).filter(e -> e.tenantId().equals(tenant))).singleElement()
                .satisfies(e -> {
                    assertThat(e.model()).isEqualTo("gpt-4o-mini-2024-07-18");
                    assertThat(e.promptTokens()).isEqualTo(812);
                    assertThat(e.answerType()).isEqualTo("llm");
                });
        assertThat(store.usage(tenant, java.time.Instant.now().minusSeconds(60), java.time.Instant.now()
                .plusSeconds(60))).singleElement().satisfies(u -> assertThat(u.completionTokens()).isEqualTo(240));
    }
}
